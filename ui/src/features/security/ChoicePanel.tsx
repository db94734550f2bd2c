import { useId, useState } from "react";
import type { UseMutationResult } from "@tanstack/react-query";
import type { AppError } from "../../ipc/appError";
import { FormError } from "../../shared/FormError";

/** One preference chosen from a list and saved as soon as it changes, saying so once saved. */
export function ChoicePanel<Value extends string | number, Saved>({
  testId,
  title,
  hint,
  label,
  savedText,
  current,
  choices,
  describe,
  parse,
  save,
}: {
  /** The panel's test id; the select, error and status take it as their prefix. */
  testId: string;
  title: string;
  hint: string;
  label: string;
  savedText: string;
  current: Value | undefined;
  choices: readonly Value[];
  describe: (value: Value) => string;
  parse: (text: string) => Value;
  save: UseMutationResult<Saved, AppError, Value>;
}) {
  const id = useId();
  const [saved, setSaved] = useState(false);
  return (
    <section className="security-panel" data-testid={`${testId}-panel`} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="quiet">{hint}</p>
      <div className="field">
        <label htmlFor={`${id}-choice`}>{label}</label>
        <select
          id={`${id}-choice`}
          data-testid={`${testId}-choice`}
          value={current ?? ""}
          disabled={current === undefined || save.isPending}
          onChange={(event) => {
            setSaved(false);
            save.mutate(parse(event.target.value), {
              onSuccess: () => {
                setSaved(true);
              },
            });
          }}
        >
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {describe(choice)}
            </option>
          ))}
        </select>
      </div>
      <FormError error={save.error} testId={`${testId}-error`} />
      {saved && (
        <p className="security-panel__done" role="status" data-testid={`${testId}-saved`}>
          {savedText}
        </p>
      )}
    </section>
  );
}
