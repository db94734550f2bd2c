import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../ipc/api";
import { FormError } from "../../shared/FormError";
import { useSubmission } from "../../shared/useSubmission";
import "./vault.css";

interface InterruptedSetupScreenProps {
  /** What the setup left is gone: setup can start again. */
  onDiscarded: () => void;
}

/**
 * A setup stopped before it finished (the app closed, the power went). It holds no records,
 * so it is discarded rather than shown as a damaged vault forever; only on a second click, as
 * removing files should be.
 */
export function InterruptedSetupScreen({ onDiscarded }: InterruptedSetupScreenProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const { pending, error, run } = useSubmission();

  const discard = async () => {
    await run(async () => {
      await api.vaultDiscardInterruptedSetup();
      onDiscarded();
    });
  };

  return (
    <main className="vault-screen" data-testid="interrupted-setup-screen">
      <h1>{t("interruptedSetup.title")}</h1>
      <p className="vault-screen__intro">{t("interruptedSetup.body")}</p>
      {confirming && (
        <p className="vault-screen__important" role="alert">
          {t("interruptedSetup.confirm")}
        </p>
      )}
      <FormError error={error} />
      <div className="vault-form__actions">
        <button
          type="button"
          className="button button--primary"
          data-testid="interrupted-setup-discard"
          disabled={pending}
          onClick={() => {
            if (confirming) {
              void discard();
            } else {
              setConfirming(true);
            }
          }}
        >
          {confirming ? t("interruptedSetup.discardNow") : t("interruptedSetup.discard")}
        </button>
        {confirming && (
          <button
            type="button"
            className="button"
            data-testid="interrupted-setup-cancel"
            disabled={pending}
            onClick={() => {
              setConfirming(false);
            }}
          >
            {t("interruptedSetup.cancel")}
          </button>
        )}
      </div>
    </main>
  );
}
