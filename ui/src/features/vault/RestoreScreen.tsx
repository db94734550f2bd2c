import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../ipc/api";
import { toAppError } from "../../ipc/appError";
import type { AppError } from "../../ipc/appError";
import { FormError } from "../../shared/FormError";
import { ImeSafeForm } from "../../shared/ImeSafeForm";
import { useSubmission } from "../../shared/useSubmission";
import { NewPassphraseFields } from "./NewPassphraseFields";
import { RecoveryKeyField } from "./RecoveryKeyField";
import "./vault.css";

interface RestoreScreenProps {
  /** The backup is in place, checked; the vault is locked, ready to be unlocked. */
  onRestored: () => void;
  onBack: () => void;
}

type Method = "recoveryKey" | "passphrases";

/**
 * Restoring a backup from Downloads instead of setting up a new vault: the shell opens it,
 * checks it beside the data directory, and only then puts it in place. A backup made to the
 * recovery key needs the key and a new passphrase; one made to a passphrase needs that and
 * the vault's passphrase of the backup's day.
 */
export function RestoreScreen({ onRestored, onBack }: RestoreScreenProps) {
  const { t } = useTranslation();
  const id = useId();
  // Before a vault there is no query cache (it belongs to the workspace): asked once, here.
  const [candidates, setCandidates] = useState<{ data?: string[]; error?: AppError }>({});
  useEffect(() => {
    let current = true;
    api.vaultRestoreCandidates().then(
      (data) => {
        if (current) setCandidates({ data });
      },
      (thrown: unknown) => {
        if (current) setCandidates({ error: toAppError(thrown) });
      },
    );
    return () => {
      current = false;
    };
  }, []);
  const [chosen, setChosen] = useState<string | null>(null);
  const [method, setMethod] = useState<Method>("recoveryKey");
  const [recoveryKey, setRecoveryKey] = useState("");
  const [passphrase, setPassphrase] = useState("");
  const [confirm, setConfirm] = useState("");
  const [backupPassphrase, setBackupPassphrase] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const { pending, error, run } = useSubmission();
  const file = chosen ?? candidates.data?.[0] ?? null;

  const submit = async () => {
    setSubmitted(true);
    if (file === null || (method === "recoveryKey" && passphrase !== confirm)) {
      return;
    }
    await run(async () => {
      await api.vaultRestore(
        file,
        method === "recoveryKey"
          ? { kind: "recoveryKey", recoveryKey: recoveryKey.trim(), newPassphrase: passphrase }
          : { kind: "passphrases", backupPassphrase, vaultPassphrase: passphrase },
      );
      onRestored();
    });
  };

  return (
    <main className="vault-screen" data-testid="restore-screen">
      <h1>{t("restore.title")}</h1>
      <p className="vault-screen__intro">{t("restore.intro")}</p>
      <FormError error={candidates.error ?? null} testId="restore-candidates-error" />
      {candidates.data?.length === 0 && (
        <p className="quiet" data-testid="restore-no-backups">
          {t("restore.none")}
        </p>
      )}
      <ImeSafeForm className="vault-form" onSubmit={submit}>
        {candidates.data && candidates.data.length > 0 && (
          <div className="field">
            <label htmlFor={`${id}-file`}>{t("restore.file")}</label>
            <select
              id={`${id}-file`}
              data-testid="restore-file"
              value={file ?? ""}
              disabled={pending}
              onChange={(event) => {
                setChosen(event.target.value);
              }}
            >
              {candidates.data.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        )}
        <fieldset className="field">
          <legend>{t("restore.method")}</legend>
          {(["recoveryKey", "passphrases"] as const).map((option) => (
            <label key={option} className="check-field">
              <input
                type="radio"
                name={`${id}-method`}
                data-testid={`restore-method-${option}`}
                checked={method === option}
                disabled={pending}
                onChange={() => {
                  setMethod(option);
                  setPassphrase("");
                  setConfirm("");
                }}
              />
              {t(`restore.methods.${option}`)}
            </label>
          ))}
        </fieldset>
        {method === "recoveryKey" ? (
          <>
            <RecoveryKeyField value={recoveryKey} onChange={setRecoveryKey} disabled={pending} testId="restore-recovery-key" />
            <NewPassphraseFields
              passphrase={passphrase}
              confirm={confirm}
              onPassphraseChange={setPassphrase}
              onConfirmChange={setConfirm}
              submitted={submitted}
              disabled={pending}
              labels={{ passphrase: t("recovery.newPassphrase"), confirm: t("recovery.confirm") }}
              testIds={{ passphrase: "restore-new-passphrase", confirm: "restore-new-passphrase-confirm" }}
            />
          </>
        ) : (
          <>
            <div className="field">
              <label htmlFor={`${id}-backup`}>{t("restore.backupPassphrase")}</label>
              <input
                id={`${id}-backup`}
                type="password"
                data-testid="restore-backup-passphrase"
                value={backupPassphrase}
                autoComplete="off"
                disabled={pending}
                onChange={(event) => {
                  setBackupPassphrase(event.target.value);
                }}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-vault`}>{t("restore.vaultPassphrase")}</label>
              <input
                id={`${id}-vault`}
                type="password"
                data-testid="restore-vault-passphrase"
                value={passphrase}
                autoComplete="off"
                disabled={pending}
                onChange={(event) => {
                  setPassphrase(event.target.value);
                }}
              />
            </div>
          </>
        )}
        <FormError error={error} testId="restore-error" />
        <div className="vault-form__actions">
          <button
            type="submit"
            className="button button--primary"
            data-testid="restore-submit"
            disabled={pending || file === null}
          >
            {t("restore.submit")}
          </button>
          <button type="button" className="button" data-testid="restore-back" disabled={pending} onClick={onBack}>
            {t("restore.back")}
          </button>
          {pending && (
            <span className="pending-text" role="status">
              {t("restore.restoring")}
            </span>
          )}
        </div>
      </ImeSafeForm>
    </main>
  );
}
