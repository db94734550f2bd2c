import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../ipc/api";
import type { BackedUp } from "../../ipc/api";
import { toAppError } from "../../ipc/appError";
import type { AppError } from "../../ipc/appError";
import { FormError } from "../../shared/FormError";
import { PassphraseTwice, keyLines } from "../../shared/PassphraseTwice";
import { useSpecMutation } from "../../shared/mutation";
import { backupMutations } from "./queries";

/** How often the progress of a backup under way is asked for. */
const PROGRESS_INTERVAL_MS = 250;

/**
 * A backup of the whole vault into the Downloads folder, encrypted to a passphrase typed
 * twice or to keys, with its progress while it runs. The passphrase is forgotten as soon as
 * the backup is written, and with the page.
 */
export function BackupPanel() {
  const { t } = useTranslation();
  const id = useId();
  // The recovery key alone restores such a backup: what a consultant who forgot the
  // passphrase still has. The default, then.
  const [toRecoveryKey, setToRecoveryKey] = useState(true);
  const [useKeys, setUseKeys] = useState(false);
  const [passphrase, setPassphrase] = useState("");
  const [again, setAgain] = useState("");
  const [keys, setKeys] = useState("");
  const [armored, setArmored] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [written, setWritten] = useState<BackedUp | null>(null);
  const backup = useSpecMutation(backupMutations.backup);
  const { reset } = backup;
  const progress = useQuery({
    queryKey: ["backup", "progress"],
    queryFn: () => api.vaultBackupProgress(),
    enabled: pending,
    refetchInterval: pending ? PROGRESS_INTERVAL_MS : false,
    gcTime: 0,
  });
  useEffect(
    () => () => {
      reset();
    },
    [reset],
  );
  const recipients = keyLines(keys);
  const ready =
    toRecoveryKey || (useKeys ? recipients.length > 0 : passphrase !== "" && passphrase === again);

  const start = async () => {
    if (pending) {
      return;
    }
    setPending(true);
    setError(null);
    setWritten(null);
    try {
      setWritten(
        await backup.mutateAsync({
          toRecoveryKey,
          passphrase: toRecoveryKey || useKeys ? null : passphrase,
          recipients: !toRecoveryKey && useKeys ? recipients : [],
          armored,
        }),
      );
      setPassphrase("");
      setAgain("");
    } catch (thrown) {
      setError(toAppError(thrown));
    } finally {
      reset();
      setPending(false);
    }
  };

  const now = progress.data;
  return (
    <section className="backup-panel" data-testid="backup-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("backup.title")}</h2>
      <p className="quiet">{t("backup.hint")}</p>
      <label className="check-field">
        <input
          type="checkbox"
          data-testid="backup-to-recovery-key"
          checked={toRecoveryKey}
          disabled={pending}
          onChange={() => {
            setToRecoveryKey(!toRecoveryKey);
          }}
        />
        {t("backup.toRecoveryKey")}
      </label>
      {!toRecoveryKey && (
        <>
          <label className="check-field">
            <input
              type="checkbox"
              data-testid="backup-use-keys"
              checked={useKeys}
              disabled={pending}
              onChange={() => {
                setUseKeys(!useKeys);
                setPassphrase("");
                setAgain("");
              }}
            />
            {t("backup.useKeys")}
          </label>
          {useKeys ? (
            <div className="field">
              <label htmlFor={`${id}-keys`}>{t("share.otherKeys")}</label>
              <textarea
                id={`${id}-keys`}
                data-testid="backup-keys"
                rows={2}
                spellCheck={false}
                value={keys}
                readOnly={pending}
                onChange={(event) => {
                  setKeys(event.target.value);
                }}
              />
            </div>
          ) : (
            <PassphraseTwice
              label={t("backup.passphrase")}
              passphrase={passphrase}
              again={again}
              onPassphrase={setPassphrase}
              onAgain={setAgain}
              testIdPrefix="backup"
              readOnly={pending}
            />
          )}
        </>
      )}
      <label className="check-field">
        <input
          type="checkbox"
          checked={armored}
          disabled={pending}
          onChange={() => {
            setArmored(!armored);
          }}
        />
        {t("share.armored")}
      </label>
      <FormError error={error} testId="backup-error" />
      <div className="form-actions">
        <button
          type="button"
          className="button button--primary"
          data-testid="backup-start"
          disabled={pending || !ready}
          onClick={() => {
            void start();
          }}
        >
          {pending ? t("backup.running") : t("backup.start")}
        </button>
      </div>
      {pending && (
        <progress
          className="backup-panel__progress"
          data-testid="backup-progress"
          aria-label={t("backup.running")}
          max={now?.total ?? 1}
          value={now?.done ?? 0}
        />
      )}
      {written && (
        <p className="share__done" role="status" data-testid="backup-written" data-path={written.path}>
          {t("backup.written", { path: written.path })}
        </p>
      )}
    </section>
  );
}
