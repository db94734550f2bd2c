import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { AppError } from "../../ipc/appError";
import { FormError } from "../../shared/FormError";
import { ImeSafeForm } from "../../shared/ImeSafeForm";
import { invalidProps } from "../../shared/fieldError";
import { useSubmission } from "../../shared/useSubmission";
import { retentionQueries, useSetRetentionYears } from "./queries";

/** The vault's retention period, shown under the review list and changed in place. */
export function RetentionPeriod() {
  const { t } = useTranslation();
  const years = useQuery(retentionQueries.years());
  const [editing, setEditing] = useState(false);

  if (years.data === undefined) {
    return <FormError error={years.error} testId="retention-years-error" />;
  }
  if (editing) {
    return (
      <RetentionYearsForm
        years={years.data}
        onDone={() => {
          setEditing(false);
        }}
      />
    );
  }
  return (
    <p className="field__hint">
      <span data-testid="retention-years">{t("dashboard.retention.period", { n: years.data })}</span>{" "}
      <button
        type="button"
        className="link-button"
        data-testid="retention-years-edit"
        onClick={() => {
          setEditing(true);
        }}
      >
        {t("dashboard.retention.change")}
      </button>
    </p>
  );
}

function RetentionYearsForm({ years, onDone }: { years: number; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [typed, setTyped] = useState(String(years));
  const { pending, error, run } = useSubmission();
  const setYears = useSetRetentionYears();

  const submit = () =>
    run(async () => {
      // A fraction or a negative cannot cross IPC as the core's unsigned years.
      if (!/^\d+$/.test(typed.trim())) {
        throw new AppError("out_of_range", "years must be a whole number", "retentionYears");
      }
      await setYears.mutateAsync(Number(typed.trim()));
      onDone();
    });

  return (
    <ImeSafeForm className="retention-entry__form" data-testid="retention-years-form" onSubmit={submit}>
      <label htmlFor={`${id}-years`}>{t("fields.retentionYears")}</label>
      <input
        id={`${id}-years`}
        type="number"
        min={1}
        max={50}
        step={1}
        data-testid="retention-years-input"
        value={typed}
        onChange={(event) => {
          setTyped(event.target.value);
        }}
        readOnly={pending}
        {...invalidProps(error, "retentionYears")}
      />
      <FormError error={error} testId="retention-years-save-error" />
      <div className="form-actions">
        <button type="submit" className="button button--primary" data-testid="retention-years-save" disabled={pending}>
          {t("dashboard.retention.save")}
        </button>
        <button type="button" className="button" disabled={pending} onClick={onDone}>
          {t("dashboard.retention.cancel")}
        </button>
      </div>
    </ImeSafeForm>
  );
}
