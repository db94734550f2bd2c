import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../ipc/api";
import { toAppError } from "../../ipc/appError";
import type { AppError } from "../../ipc/appError";
import { FormError } from "../../shared/FormError";
import { useImeSafeEnter } from "../../shared/ime";
import { NewPassphraseFields } from "./NewPassphraseFields";
import "./vault.css";

interface RecoveryScreenProps {
  /** The vault is unlocked and has the new passphrase. */
  onRecovered: () => void;
  onBack: () => void;
}

export function RecoveryScreen({ onRecovered, onBack }: RecoveryScreenProps) {
  const { t } = useTranslation();
  const id = useId();
  const ime = useImeSafeEnter();
  const [recoveryKey, setRecoveryKey] = useState("");
  const [passphrase, setPassphrase] = useState("");
  const [confirm, setConfirm] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const submit = async () => {
    setSubmitted(true);
    if (pending || passphrase !== confirm) {
      return;
    }
    setPending(true);
    setError(null);
    try {
      // Only the surrounding whitespace of a pasted or retyped key is dropped; the shell
      // judges the rest (invalid_recovery_key / wrong_recovery_key).
      await api.vaultRecover(recoveryKey.trim(), passphrase);
      onRecovered();
    } catch (thrown) {
      setError(toAppError(thrown));
      setPending(false);
    }
  };

  return (
    <main className="vault-screen" data-testid="recovery-screen">
      <h1>{t("recovery.title")}</h1>
      <p className="vault-screen__intro">{t("recovery.intro")}</p>
      <form
        className="vault-form"
        {...ime.formProps}
        onSubmit={ime.guardSubmit(() => {
          void submit();
        })}
        noValidate
      >
        <div className="field">
          <label htmlFor={`${id}-key`}>{t("recovery.key")}</label>
          <textarea
            id={`${id}-key`}
            className="recovery-key-input"
            data-testid="recovery-key-input"
            value={recoveryKey}
            onChange={(event) => {
              setRecoveryKey(event.target.value);
            }}
            rows={3}
            spellCheck={false}
            autoComplete="off"
            autoCapitalize="off"
            disabled={pending}
          />
        </div>
        <NewPassphraseFields
          passphrase={passphrase}
          confirm={confirm}
          onPassphraseChange={setPassphrase}
          onConfirmChange={setConfirm}
          submitted={submitted}
          disabled={pending}
          labels={{ passphrase: t("recovery.newPassphrase"), confirm: t("recovery.confirm") }}
          testIds={{ passphrase: "recovery-new-passphrase", confirm: "recovery-new-passphrase-confirm" }}
        />
        <FormError error={error} />
        <div className="vault-form__actions">
          <button type="submit" className="button button--primary" data-testid="recovery-submit" disabled={pending}>
            {t("recovery.submit")}
          </button>
          {pending && (
            <span className="pending-text" role="status">
              {t("recovery.checking")}
            </span>
          )}
        </div>
      </form>
      <button type="button" className="link-button" data-testid="recovery-back" onClick={onBack}>
        {t("recovery.back")}
      </button>
    </main>
  );
}
