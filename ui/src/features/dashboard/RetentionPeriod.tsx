import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import { FormError } from "../../shared/FormError";
import { ImeSafeForm } from "../../shared/ImeSafeForm";
import { invalidProps } from "../../shared/fieldError";
import { dashboardKeys } from "./queries";

const retentionYearsKey = ["retention", "years"] as const;

/** The vault's retention period, shown under the review list and changed in place. */
export function RetentionPeriod() {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const years = useQuery({ queryKey: retentionYearsKey, queryFn: () => api.retentionYears() });
  const [typed, setTyped] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (text: string) => {
      // A fraction or a negative cannot cross IPC as the core's unsigned years.
      if (!/^\d+$/.test(text.trim())) {
        return Promise.reject(new AppError("out_of_range", "years must be a whole number", "retentionYears"));
      }
      return api.retentionSetYears(Number(text.trim()));
    },
    onSuccess: () => {
      setTyped(null);
      void queryClient.invalidateQueries({ queryKey: retentionYearsKey });
      void queryClient.invalidateQueries({ queryKey: dashboardKeys.all });
    },
  });

  if (years.data === undefined) {
    return <FormError error={years.error} testId="retention-years-error" />;
  }
  if (typed === null) {
    return (
      <p className="field__hint">
        <span data-testid="retention-years">{t("dashboard.retention.period", { n: years.data })}</span>{" "}
        <button
          type="button"
          className="link-button"
          data-testid="retention-years-edit"
          onClick={() => {
            setTyped(String(years.data));
          }}
        >
          {t("dashboard.retention.change")}
        </button>
      </p>
    );
  }
  return (
    <ImeSafeForm
      className="retention-entry__form"
      data-testid="retention-years-form"
      onSubmit={() => {
        save.mutate(typed);
      }}
    >
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
        readOnly={save.isPending}
        {...invalidProps(save.error, "retentionYears")}
      />
      <FormError error={save.error} testId="retention-years-save-error" />
      <div className="form-actions">
        <button type="submit" className="button button--primary" data-testid="retention-years-save" disabled={save.isPending}>
          {t("dashboard.retention.save")}
        </button>
        <button
          type="button"
          className="button"
          disabled={save.isPending}
          onClick={() => {
            setTyped(null);
            save.reset();
          }}
        >
          {t("dashboard.retention.cancel")}
        </button>
      </div>
    </ImeSafeForm>
  );
}
