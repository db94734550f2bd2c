import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Flag } from "../../ipc/api";
import { FormError } from "../../shared/FormError";
import { ImeSafeForm } from "../../shared/ImeSafeForm";
import { isFieldAt } from "../../shared/fieldError";
import { todayIsoDate } from "../../shared/format";
import { useSubmission } from "../../shared/useSubmission";
import { flagInput, useUpdateFlag } from "./queries";

/** The day an open flag was handled (today unless told otherwise); the flag stays on record. */
export function MarkHandledForm({ flag }: { flag: Flag }) {
  const { t } = useTranslation();
  const id = useId();
  const [handledOn, setHandledOn] = useState(todayIsoDate);
  const { pending, error, run } = useSubmission();
  const update = useUpdateFlag();

  const submit = () =>
    run(async () => {
      await update.mutateAsync({ id: flag.id, input: flagInput(flag, { handledOn }) });
    });

  // A day before the flag was raised comes back as a period ending before it starts.
  const invalid = isFieldAt(error, "handledOn") || error?.code === "period_ends_before_start";

  return (
    <ImeSafeForm className="flag-handle" aria-label={t("flags.markHandled")} onSubmit={submit}>
      <label htmlFor={`${id}-handled`}>{t("flags.handledOn")}</label>
      <input
        id={`${id}-handled`}
        type="date"
        data-testid="flag-handled-on"
        value={handledOn}
        onChange={(event) => {
          setHandledOn(event.target.value);
        }}
        readOnly={pending}
        aria-invalid={invalid || undefined}
      />
      <button type="submit" className="button" data-testid="flag-mark-handled" disabled={pending}>
        {pending ? t("flags.marking") : t("flags.markHandled")}
      </button>
      <FormError error={error} />
    </ImeSafeForm>
  );
}
