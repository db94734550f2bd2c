import type { ComponentProps } from "react";
import { useImeSafeEnter } from "./ime";
import type { ImeSafeEnter } from "./ime";

type ImeSafeFormProps = Omit<ComponentProps<"form">, "onSubmit" | "noValidate" | keyof ImeSafeEnter["formProps"]> & {
  /** Not called for the submit caused by an Enter that confirms an IME conversion. */
  onSubmit: () => void | Promise<void>;
};

/**
 * A <form> whose submit is IME-safe (useImeSafeEnter) and never navigates. Validation is
 * the screen's and the shell's, shown in their own words: the browser's bubbles stay off.
 */
export function ImeSafeForm({ onSubmit, children, ...props }: ImeSafeFormProps) {
  const ime = useImeSafeEnter();
  return (
    <form
      {...props}
      {...ime.formProps}
      onSubmit={ime.guardSubmit(() => {
        void onSubmit();
      })}
      noValidate
    >
      {children}
    </form>
  );
}
