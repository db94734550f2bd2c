import { useId } from "react";
import { useTranslation } from "react-i18next";

interface RecoveryKeyFieldProps {
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
  testId: string;
}

/** The recovery key as written down, pasted or typed: recovery and restore both ask for it. */
export function RecoveryKeyField({ value, onChange, disabled, testId }: RecoveryKeyFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={`${id}-key`}>{t("recovery.key")}</label>
      <textarea
        id={`${id}-key`}
        className="recovery-key-input"
        data-testid={testId}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
        rows={3}
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
        disabled={disabled}
      />
    </div>
  );
}
