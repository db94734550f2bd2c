import { useId } from "react";
import { useTranslation } from "react-i18next";
import { passphraseStrength } from "./passphraseStrength";

/**
 * Show "does not match" only when it is already certain: the confirmation has left the
 * passphrase's path, or the person tried to submit. Not while they are still typing it.
 */
export function confirmationMismatch(passphrase: string, confirm: string, submitted: boolean): boolean {
  if (confirm === passphrase) {
    return false;
  }
  return submitted || (confirm.length > 0 && !passphrase.startsWith(confirm));
}

interface NewPassphraseFieldsProps {
  passphrase: string;
  confirm: string;
  onPassphraseChange: (value: string) => void;
  onConfirmChange: (value: string) => void;
  /** Whether the person has tried to submit (then an empty confirmation counts as a mismatch). */
  submitted: boolean;
  disabled: boolean;
  labels: { passphrase: string; confirm: string };
  testIds: { passphrase: string; confirm: string };
  /** Off where another field comes first (the current passphrase). */
  autoFocus?: boolean;
}

/** A new passphrase, typed twice, with a strength hint: setup, recovery and the security page. */
export function NewPassphraseFields(props: NewPassphraseFieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  const strength = passphraseStrength(props.passphrase);
  const mismatch = confirmationMismatch(props.passphrase, props.confirm, props.submitted);

  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-passphrase`}>{props.labels.passphrase}</label>
        <input
          id={`${id}-passphrase`}
          type="password"
          data-testid={props.testIds.passphrase}
          value={props.passphrase}
          onChange={(event) => {
            props.onPassphraseChange(event.target.value);
          }}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          disabled={props.disabled}
          autoFocus={props.autoFocus ?? true}
        />
        <p id={`${id}-hint`} className="field__hint">
          {t("passphrase.minimumHint")}
        </p>
        {props.passphrase.length > 0 && (
          <p
            className={`strength strength--${strength}`}
            data-testid="passphrase-strength"
            data-strength={strength}
            aria-live="polite"
          >
            {t("passphrase.strengthLabel")}: {t(`passphrase.${strength}`)}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-confirm`}>{props.labels.confirm}</label>
        <input
          id={`${id}-confirm`}
          type="password"
          data-testid={props.testIds.confirm}
          value={props.confirm}
          onChange={(event) => {
            props.onConfirmChange(event.target.value);
          }}
          aria-invalid={mismatch}
          autoComplete="off"
          disabled={props.disabled}
        />
        {mismatch && (
          <p className="field__error" data-testid="passphrase-mismatch" role="alert">
            {t("passphrase.mismatch")}
          </p>
        )}
      </div>
    </>
  );
}
