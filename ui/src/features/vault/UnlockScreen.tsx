import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../ipc/api";
import { FormError } from "../../shared/FormError";
import { ImeSafeForm } from "../../shared/ImeSafeForm";
import { useSubmission } from "../../shared/useSubmission";
import "./vault.css";

interface UnlockScreenProps {
  onUnlocked: () => void;
  onUseRecoveryKey: () => void;
}

export function UnlockScreen({ onUnlocked, onUseRecoveryKey }: UnlockScreenProps) {
  const { t } = useTranslation();
  const id = useId();
  const [passphrase, setPassphrase] = useState("");
  const { pending, error, run } = useSubmission();

  const submit = async () => {
    // Every wrong attempt makes the shell wait longer before the next one: an empty
    // passphrase is never worth an attempt.
    if (passphrase.length === 0) {
      return;
    }
    await run(
      async () => {
        await api.vaultUnlock(passphrase);
        onUnlocked();
      },
      () => {
        // The field was read-only, not disabled, so it kept the focus: type again at once.
        setPassphrase("");
      },
    );
  };

  return (
    <main className="vault-screen" data-testid="unlock-screen">
      <h1>{t("unlock.title")}</h1>
      <ImeSafeForm className="vault-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-passphrase`}>{t("unlock.passphrase")}</label>
          <input
            id={`${id}-passphrase`}
            type="password"
            data-testid="unlock-passphrase"
            value={passphrase}
            onChange={(event) => {
              setPassphrase(event.target.value);
            }}
            readOnly={pending}
            autoComplete="off"
            autoFocus
          />
        </div>
        <FormError error={error} />
        <div className="vault-form__actions">
          <button
            type="submit"
            className="button button--primary"
            data-testid="unlock-submit"
            disabled={pending || passphrase.length === 0}
          >
            {t("unlock.submit")}
          </button>
          {/* Wrong attempts are slowed down for seconds on purpose: say so calmly, no spinner. */}
          {pending && (
            <span className="pending-text" data-testid="unlock-pending" role="status">
              {t("unlock.checking")}
            </span>
          )}
        </div>
      </ImeSafeForm>
      <button type="button" className="link-button" data-testid="use-recovery-key" onClick={onUseRecoveryKey}>
        {t("unlock.useRecoveryKey")}
      </button>
    </main>
  );
}
