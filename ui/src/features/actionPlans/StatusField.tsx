import { useTranslation } from "react-i18next";
import type { ActionStatus } from "../../ipc/api";

export const ACTION_STATUSES: readonly ActionStatus[] = ["not_started", "in_progress", "done", "dropped"];

interface StatusFieldProps {
  id: string;
  testId: string;
  value: ActionStatus;
  onChange: (status: ActionStatus) => void;
  disabled: boolean;
}

/** Where an item stands, as the item's form and a progress note both choose it. */
export function StatusField({ id, testId, value, onChange, disabled }: StatusFieldProps) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{t("fields.status")}</label>
      <select
        id={id}
        data-testid={testId}
        value={value}
        onChange={(event) => {
          onChange(event.target.value as ActionStatus);
        }}
        disabled={disabled}
      >
        {ACTION_STATUSES.map((option) => (
          <option key={option} value={option}>
            {t(`actions.statuses.${option}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
