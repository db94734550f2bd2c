import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../ipc/api";
import { FormError } from "../../shared/FormError";
import { ImeSafeForm } from "../../shared/ImeSafeForm";
import { useSubmission } from "../../shared/useSubmission";
import { RecoveryKeyShown } from "../vault/RecoveryKeyShown";
import { PassphraseField } from "./PassphraseField";
import { securityKeys } from "./queries";

/**
 * A new recovery key, given the passphrase: when the old one is lost or was seen by someone,
 * or its file is missing or damaged. Shown once, here, like the first; it lives in this
 * panel's state only until the consultant has put it away.
 */
export function NewRecoveryKeyPanel() {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const [passphrase, setPassphrase] = useState("");
  const [issued, setIssued] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const { pending, error, run } = useSubmission({ sendsAgain: true });

  const submit = async () => {
    if (passphrase === "") {
      return;
    }
    setDone(false);
    await run(async () => {
      try {
        const { recoveryKey } = await api.vaultNewRecoveryKey(passphrase);
        setIssued(recoveryKey);
        void queryClient.invalidateQueries({ queryKey: securityKeys.health() });
      } finally {
        setPassphrase("");
      }
    });
  };

  return (
    <section className="security-panel" data-testid="new-recovery-key-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("security.recoveryTitle")}</h2>
      <p className="quiet">{t("security.recoveryHint")}</p>
      <p className="quiet">{t("security.recoveryOldBackups")}</p>
      {issued === null ? (
        <ImeSafeForm className="vault-form" onSubmit={submit}>
          <PassphraseField
            label={t("security.currentPassphrase")}
            value={passphrase}
            onChange={setPassphrase}
            disabled={pending}
            testId="recovery-passphrase"
          />
          <FormError error={error} testId="new-recovery-key-error" />
          <div className="vault-form__actions">
            <button
              type="submit"
              className="button button--primary"
              data-testid="new-recovery-key-submit"
              disabled={pending || passphrase === ""}
            >
              {t("security.issueRecoveryKey")}
            </button>
            {pending && (
              <span className="pending-text" role="status">
                {t("security.working")}
              </span>
            )}
          </div>
        </ImeSafeForm>
      ) : (
        <RecoveryKeyShown
          recoveryKey={issued}
          onContinue={() => {
            setIssued(null);
            setDone(true);
          }}
        />
      )}
      {done && (
        <p className="security-panel__done" role="status" data-testid="recovery-key-issued">
          {t("security.recoveryIssued")}
        </p>
      )}
    </section>
  );
}
