import { useMemo, useRef } from "react";
import type { KeyboardEvent as ReactKeyboardEvent, SyntheticEvent } from "react";

/**
 * True while a key event belongs to an IME composition (typing Japanese): the Enter that
 * confirms a conversion must never submit, save or trigger a shortcut.
 * `keyCode === 229` covers WebKit, which can send the confirming keydown after
 * `compositionend` has already fired, with `isComposing` false.
 */
export function isImeComposing(event: KeyboardEvent | ReactKeyboardEvent): boolean {
  const native = "nativeEvent" in event ? event.nativeEvent : event;
  // keyCode is deprecated, but it is the only signal WebKit gives in that case.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  return native.isComposing || native.keyCode === 229;
}

export interface ImeSafeEnter {
  /** Spread on the <form>: composition and key events bubble up from every field in it. */
  formProps: {
    onCompositionStart: () => void;
    onCompositionEnd: () => void;
    onKeyDown: (event: ReactKeyboardEvent) => void;
    onKeyUp: (event: ReactKeyboardEvent) => void;
  };
  /**
   * Wraps a submit handler: it always prevents the page navigation, and ignores the submit
   * that an Enter confirming an IME conversion can cause (implicit submission).
   */
  guardSubmit: (onSubmit: () => void) => (event: SyntheticEvent<HTMLFormElement>) => void;
  /** For shortcuts handled elsewhere in the form. */
  isComposing: () => boolean;
}

/**
 * IME safety for a whole form, in one place. The Enter keydown is not cancelled (cancelling
 * keys mid-composition upsets some IMEs); instead it is remembered, and the submit it
 * triggers is dropped.
 */
export function useImeSafeEnter(): ImeSafeEnter {
  const composing = useRef(false);
  const enterConfirmedConversion = useRef(false);

  return useMemo<ImeSafeEnter>(
    () => ({
      formProps: {
        onCompositionStart: () => {
          composing.current = true;
        },
        onCompositionEnd: () => {
          composing.current = false;
        },
        onKeyDown: (event) => {
          if (event.key === "Enter") {
            enterConfirmedConversion.current = composing.current || isImeComposing(event);
          }
        },
        onKeyUp: (event) => {
          if (event.key === "Enter") {
            enterConfirmedConversion.current = false;
          }
        },
      },
      guardSubmit: (onSubmit) => (event) => {
        event.preventDefault();
        if (enterConfirmedConversion.current) {
          enterConfirmedConversion.current = false;
          return;
        }
        onSubmit();
      },
      isComposing: () => composing.current,
    }),
    [],
  );
}
