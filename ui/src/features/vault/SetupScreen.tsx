import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../ipc/api";
import { FormError } from "../../shared/FormError";
import { ImeSafeForm } from "../../shared/ImeSafeForm";
import { useSubmission } from "../../shared/useSubmission";
import { NewPassphraseFields } from "./NewPassphraseFields";
import "./vault.css";

interface SetupScreenProps {
  /** The vault exists and is unlocked; its recovery key must be shown now, once. */
  onCreated: (recoveryKey: string) => void;
  /** The consultant has a backup to restore instead. */
  onRestore: () => void;
}

export function SetupScreen({ onCreated, onRestore }: SetupScreenProps) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState("");
  const [confirm, setConfirm] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const { pending, error, run } = useSubmission();

  const submit = async () => {
    setSubmitted(true);
    if (passphrase !== confirm) {
      return;
    }
    // The minimum length is the shell's rule (passphrase_too_short): shown from its code.
    await run(async () => {
      const { recoveryKey } = await api.vaultCreate(passphrase);
      onCreated(recoveryKey);
    });
  };

  return (
    <main className="vault-screen" data-testid="setup-screen">
      <h1>{t("setup.title")}</h1>
      <p className="vault-screen__intro">{t("setup.intro")}</p>
      <ImeSafeForm className="vault-form" onSubmit={submit}>
        <NewPassphraseFields
          passphrase={passphrase}
          confirm={confirm}
          onPassphraseChange={setPassphrase}
          onConfirmChange={setConfirm}
          submitted={submitted}
          disabled={pending}
          labels={{ passphrase: t("setup.passphrase"), confirm: t("setup.confirm") }}
          testIds={{ passphrase: "setup-passphrase", confirm: "setup-passphrase-confirm" }}
        />
        <FormError error={error} />
        <div className="vault-form__actions">
          <button type="submit" className="button button--primary" data-testid="setup-submit" disabled={pending}>
            {t("setup.submit")}
          </button>
          {pending && <span className="pending-text">{t("setup.submitting")}</span>}
        </div>
      </ImeSafeForm>
      <p className="vault-screen__alternative">
        <button type="button" className="link-button" data-testid="setup-restore" onClick={onRestore}>
          {t("restore.fromSetup")}
        </button>
      </p>
    </main>
  );
}
