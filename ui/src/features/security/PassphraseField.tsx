import { useId } from "react";

interface PassphraseFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
  testId: string;
  autoFocus?: boolean;
}

/** The current passphrase, asked again before the keys change. */
export function PassphraseField({ label, value, onChange, disabled, testId, autoFocus }: PassphraseFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        data-testid={testId}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
        autoComplete="off"
        disabled={disabled}
        autoFocus={autoFocus}
      />
    </div>
  );
}
