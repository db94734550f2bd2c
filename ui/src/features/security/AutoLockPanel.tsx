import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../shared/FormError";
import { useSpecMutation } from "../../shared/mutation";
import { preferenceMutations, preferenceQueries } from "./queries";

/** The idle times offered; the shell accepts 1 to 120 minutes. */
const CHOICES = [1, 5, 10, 15, 30, 60] as const;

/** How long Kizuki waits, with nobody at the keyboard, before it locks itself. */
export function AutoLockPanel() {
  const { t } = useTranslation();
  const id = useId();
  const current = useQuery(preferenceQueries.preferences()).data?.autoLockMinutes;
  const save = useSpecMutation(preferenceMutations.autoLock);
  const [saved, setSaved] = useState(false);
  const choices: readonly number[] =
    current === undefined || CHOICES.some((choice) => choice === current) ? CHOICES : [...CHOICES, current].sort((a, b) => a - b);

  return (
    <section className="security-panel" data-testid="auto-lock-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("security.autoLockTitle")}</h2>
      <p className="quiet">{t("security.autoLockHint")}</p>
      <div className="field">
        <label htmlFor={`${id}-minutes`}>{t("security.autoLockAfter")}</label>
        <select
          id={`${id}-minutes`}
          data-testid="auto-lock-minutes"
          value={current ?? ""}
          disabled={current === undefined || save.isPending}
          onChange={(event) => {
            setSaved(false);
            save.mutate(Number(event.target.value), {
              onSuccess: () => {
                setSaved(true);
              },
            });
          }}
        >
          {choices.map((minutes) => (
            <option key={minutes} value={minutes}>
              {t("security.minutes", { count: minutes })}
            </option>
          ))}
        </select>
      </div>
      <FormError error={save.error} testId="auto-lock-error" />
      {saved && (
        <p className="security-panel__done" role="status" data-testid="auto-lock-saved">
          {t("security.autoLockSaved")}
        </p>
      )}
    </section>
  );
}
