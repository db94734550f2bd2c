import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../ipc/api";
import { FormError } from "../../shared/FormError";
import { ImeSafeForm } from "../../shared/ImeSafeForm";
import { useSubmission } from "../../shared/useSubmission";
import { NewPassphraseFields } from "./NewPassphraseFields";
import { RecoveryKeyField } from "./RecoveryKeyField";
import "./vault.css";

interface RecoveryScreenProps {
  /** The vault is unlocked and has the new passphrase. */
  onRecovered: () => void;
  onBack: () => void;
}

export function RecoveryScreen({ onRecovered, onBack }: RecoveryScreenProps) {
  const { t } = useTranslation();
  const [recoveryKey, setRecoveryKey] = useState("");
  const [passphrase, setPassphrase] = useState("");
  const [confirm, setConfirm] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const { pending, error, run } = useSubmission();

  const submit = async () => {
    setSubmitted(true);
    if (passphrase !== confirm) {
      return;
    }
    await run(async () => {
      // Only the surrounding whitespace of a pasted or retyped key is dropped; the shell
      // judges the rest (invalid_recovery_key / wrong_recovery_key).
      await api.vaultRecover(recoveryKey.trim(), passphrase);
      onRecovered();
    });
  };

  return (
    <main className="vault-screen" data-testid="recovery-screen">
      <h1>{t("recovery.title")}</h1>
      <p className="vault-screen__intro">{t("recovery.intro")}</p>
      <ImeSafeForm className="vault-form" onSubmit={submit}>
        <RecoveryKeyField value={recoveryKey} onChange={setRecoveryKey} disabled={pending} testId="recovery-key-input" />
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
      </ImeSafeForm>
      <button type="button" className="link-button" data-testid="recovery-back" onClick={onBack}>
        {t("recovery.back")}
      </button>
    </main>
  );
}
