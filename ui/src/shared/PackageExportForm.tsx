import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Exported } from "../ipc/api";
import { toAppError } from "../ipc/appError";
import type { AppError } from "../ipc/appError";
import { FormError } from "./FormError";
import { PassphraseTwice, keyLines } from "./PassphraseTwice";
import { toggled } from "./toggle";

/** A key offered for a package, e.g. one of a program's HR contacts. */
export interface OfferedKey {
  key: string;
  label: string;
}

/** Whom a package goes to, as the form collects it. */
export interface PackageEncryption {
  recipients: string[];
  passphrase: string | null;
  armored: boolean;
}

interface PackageExportFormProps {
  title: string;
  /** Keys to offer as checkboxes, never preselected: the consultant chooses whom it opens for. */
  offeredKeys: OfferedKey[];
  /** Prefix of the test ids: `${prefix}-keys`, `${prefix}-export-button` … */
  testIdPrefix: string;
  blocked: boolean;
  /** Writes the package; the form shows what was written, or why not. */
  onExport: (encryption: PackageEncryption) => Promise<Exported>;
  /** Called when the page leaves, to drop the mutation's copy of a passphrase. */
  onForget: () => void;
}

/**
 * Whom a package is encrypted to, and the export: offered keys, keys typed, or a passphrase
 * typed twice (passed on separately), binary or armored. The passphrase is cleared once it
 * has been used, and when the page goes.
 */
export function PackageExportForm({ title, offeredKeys, testIdPrefix, blocked, onExport, onForget }: PackageExportFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [keys, setKeys] = useState<string[]>([]);
  const [otherKeys, setOtherKeys] = useState("");
  const [usePassphrase, setUsePassphrase] = useState(false);
  const [passphrase, setPassphrase] = useState("");
  const [again, setAgain] = useState("");
  const [armored, setArmored] = useState(false);
  const [exported, setExported] = useState<Exported | null>(null);
  // Not useSubmission: the form stays usable after an export (another key, armored).
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const recipients = [...keys, ...keyLines(otherKeys)];
  const mismatch = usePassphrase && passphrase !== again;
  const forgetPassphrase = () => {
    setPassphrase("");
    setAgain("");
  };
  useEffect(() => onForget, [onForget]);

  const submit = async () => {
    if (pending) {
      return;
    }
    setPending(true);
    setError(null);
    setExported(null);
    try {
      setExported(
        await onExport({
          recipients: usePassphrase ? [] : recipients,
          passphrase: usePassphrase ? passphrase : null,
          armored,
        }),
      );
      forgetPassphrase();
    } catch (thrown) {
      setError(toAppError(thrown));
    } finally {
      onForget();
      setPending(false);
    }
  };

  return (
    <section className="share__export" data-testid={`${testIdPrefix}-export`}>
      <h2>{title}</h2>
      <label className="check-field">
        <input
          type="checkbox"
          data-testid={`${testIdPrefix}-use-passphrase`}
          checked={usePassphrase}
          onChange={() => {
            setUsePassphrase(!usePassphrase);
            forgetPassphrase();
          }}
        />
        {t("share.usePassphrase")}
      </label>
      {!usePassphrase && (
        <>
          {offeredKeys.map(({ key, label }, index) => (
            <label key={key} className="check-field">
              <input
                type="checkbox"
                data-testid={`${testIdPrefix}-contact-key-${String(index)}`}
                checked={keys.includes(key)}
                onChange={() => {
                  setKeys(toggled(keys, key));
                }}
              />
              {label}
            </label>
          ))}
          <div className="field">
            <label htmlFor={`${id}-keys`}>{t("share.otherKeys")}</label>
            <textarea
              id={`${id}-keys`}
              data-testid={`${testIdPrefix}-keys`}
              rows={2}
              spellCheck={false}
              value={otherKeys}
              placeholder="age1…"
              onChange={(event) => {
                setOtherKeys(event.target.value);
              }}
            />
          </div>
        </>
      )}
      {usePassphrase && (
        <PassphraseTwice
          label={t("share.passphrase")}
          passphrase={passphrase}
          again={again}
          onPassphrase={setPassphrase}
          onAgain={setAgain}
          testIdPrefix={testIdPrefix}
        >
          <p className="quiet">{t("share.passphraseHint")}</p>
        </PassphraseTwice>
      )}
      <label className="check-field">
        <input
          type="checkbox"
          data-testid={`${testIdPrefix}-armored`}
          checked={armored}
          onChange={() => {
            setArmored(!armored);
          }}
        />
        {t("share.armored")}
      </label>
      <FormError error={error} testId={`${testIdPrefix}-export-error`} />
      <button
        type="button"
        className="button button--primary"
        data-testid={`${testIdPrefix}-export-button`}
        disabled={pending || blocked || mismatch || (!usePassphrase && recipients.length === 0)}
        onClick={() => {
          void submit();
        }}
      >
        {pending ? t("share.exporting") : t("share.export")}
      </button>
      {exported && (
        <p className="share__done" role="status" data-testid={`${testIdPrefix}-exported`} data-path={exported.path}>
          {t("share.exported", { path: exported.path })}
          <br />
          <span className="quiet">SHA-256 {exported.sha256}</span>
        </p>
      )}
    </section>
  );
}
