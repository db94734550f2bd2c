import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../ipc/api";
import { toAppError } from "../../ipc/appError";
import type { AppError } from "../../ipc/appError";
import { FormError } from "../../shared/FormError";
import { useImeSafeEnter } from "../../shared/ime";
import "./vault.css";

interface UnlockScreenProps {
  onUnlocked: () => void;
  onUseRecoveryKey: () => void;
}

export function UnlockScreen({ onUnlocked, onUseRecoveryKey }: UnlockScreenProps) {
  const { t } = useTranslation();
  const id = useId();
  const ime = useImeSafeEnter();
  const [passphrase, setPassphrase] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const submit = async () => {
    // Every wrong attempt makes the shell wait longer before the next one: an empty
    // passphrase is never worth an attempt.
    if (pending || passphrase.length === 0) {
      return;
    }
    setPending(true);
    setError(null);
    try {
      await api.vaultUnlock(passphrase);
      onUnlocked();
    } catch (thrown) {
      setError(toAppError(thrown));
      setPassphrase("");
      setPending(false);
      // The field was read-only, not disabled, so it kept the focus: type again at once.
    }
  };

  return (
    <main className="vault-screen" data-testid="unlock-screen">
      <h1>{t("unlock.title")}</h1>
      <form
        className="vault-form"
        {...ime.formProps}
        onSubmit={ime.guardSubmit(() => {
          void submit();
        })}
        noValidate
      >
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
      </form>
      <button type="button" className="link-button" data-testid="use-recovery-key" onClick={onUseRecoveryKey}>
        {t("unlock.useRecoveryKey")}
      </button>
    </main>
  );
}
