import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useHoldIdleLock } from "../../app/useAutoLock";
import "./vault.css";

interface RecoveryKeyShownProps {
  recoveryKey: string;
  onContinue: () => void;
}

/**
 * A recovery key, shown once: after setup and when a new one is issued. The key is never
 * copied anywhere on its own (no automatic clipboard): it is meant to leave the machine on
 * paper, and the way on opens only once the consultant says it has.
 */
export function RecoveryKeyShown({ recoveryKey, onContinue }: RecoveryKeyShownProps) {
  const { t } = useTranslation();
  const id = useId();
  const [stored, setStored] = useState(false);
  useHoldIdleLock();

  return (
    <>
      <p className="recovery-key" data-testid="recovery-key" translate="no">
        {recoveryKey}
      </p>
      <p className="vault-screen__important">{t("recoveryKey.keepOffline")}</p>
      <div className="check-field">
        <input
          id={`${id}-stored`}
          type="checkbox"
          data-testid="recovery-key-stored"
          checked={stored}
          onChange={(event) => {
            setStored(event.target.checked);
          }}
        />
        <label htmlFor={`${id}-stored`}>{t("recoveryKey.stored")}</label>
      </div>
      <div className="vault-form__actions">
        <button
          type="button"
          className="button button--primary"
          data-testid="recovery-key-continue"
          disabled={!stored}
          onClick={onContinue}
        >
          {t("recoveryKey.continue")}
        </button>
      </div>
    </>
  );
}
