import { useId } from "react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

interface PassphraseTwiceProps {
  /** The first field's label, which states the minimum length. */
  label: string;
  passphrase: string;
  again: string;
  onPassphrase: (value: string) => void;
  onAgain: (value: string) => void;
  /** `<prefix>-passphrase` and `<prefix>-passphrase-again`. */
  testIdPrefix: string;
  readOnly?: boolean;
  children?: ReactNode;
}

/** The lines a textarea of public keys holds, one key each, blank lines left out. */
export function keyLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/**
 * A new passphrase typed twice (for a package or a backup that someone must open later),
 * saying so at the second field as soon as the two differ.
 */
export function PassphraseTwice(props: PassphraseTwiceProps) {
  const { label, passphrase, again, onPassphrase, onAgain, testIdPrefix, readOnly, children } = props;
  const { t } = useTranslation();
  const id = useId();
  const mismatch = again !== "" && passphrase !== again;
  return (
    <>
      <div className="consent-form__row">
        <div className="field">
          <label htmlFor={`${id}-passphrase`}>{label}</label>
          <input
            id={`${id}-passphrase`}
            type="password"
            data-testid={`${testIdPrefix}-passphrase`}
            autoComplete="new-password"
            value={passphrase}
            readOnly={readOnly}
            onChange={(event) => {
              onPassphrase(event.target.value);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-again`}>{t("share.passphraseAgain")}</label>
          <input
            id={`${id}-again`}
            type="password"
            data-testid={`${testIdPrefix}-passphrase-again`}
            autoComplete="new-password"
            value={again}
            readOnly={readOnly}
            aria-invalid={mismatch ? true : undefined}
            aria-describedby={mismatch ? `${id}-mismatch` : undefined}
            onChange={(event) => {
              onAgain(event.target.value);
            }}
          />
        </div>
        {children}
      </div>
      {mismatch && (
        <p className="form-error" id={`${id}-mismatch`}>
          {t("share.passphraseMismatch")}
        </p>
      )}
    </>
  );
}
