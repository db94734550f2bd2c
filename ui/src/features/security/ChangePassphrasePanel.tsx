import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../ipc/api";
import { FormError } from "../../shared/FormError";
import { ImeSafeForm } from "../../shared/ImeSafeForm";
import { useSubmission } from "../../shared/useSubmission";
import { NewPassphraseFields } from "../vault/NewPassphraseFields";
import { PassphraseField } from "./PassphraseField";

/**
 * A new passphrase, given the current one. Not through the query cache: the passphrases are
 * held by this form only, and the current one is emptied whatever the outcome.
 */
export function ChangePassphrasePanel() {
  const { t } = useTranslation();
  const id = useId();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const [changed, setChanged] = useState(false);
  const { pending, error, run } = useSubmission({ sendsAgain: true });

  const submit = async () => {
    setSubmitted(true);
    setChanged(false);
    if (current === "" || next !== confirm) {
      return;
    }
    await run(async () => {
      try {
        await api.vaultChangePassphrase(current, next);
        setNext("");
        setConfirm("");
        setSubmitted(false);
        setChanged(true);
      } finally {
        setCurrent("");
      }
    });
  };

  return (
    <section className="security-panel" data-testid="change-passphrase-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("security.passphraseTitle")}</h2>
      <p className="quiet">{t("security.passphraseHint")}</p>
      <ImeSafeForm className="vault-form" onSubmit={submit}>
        <PassphraseField
          label={t("security.currentPassphrase")}
          value={current}
          onChange={setCurrent}
          disabled={pending}
          testId="current-passphrase"
        />
        <NewPassphraseFields
          passphrase={next}
          confirm={confirm}
          onPassphraseChange={setNext}
          onConfirmChange={setConfirm}
          submitted={submitted}
          disabled={pending}
          labels={{ passphrase: t("security.newPassphrase"), confirm: t("security.confirmPassphrase") }}
          testIds={{ passphrase: "new-passphrase", confirm: "new-passphrase-confirm" }}
          autoFocus={false}
        />
        <FormError error={error} testId="change-passphrase-error" />
        <div className="vault-form__actions">
          <button type="submit" className="button button--primary" data-testid="change-passphrase-submit" disabled={pending}>
            {t("security.changePassphrase")}
          </button>
          {pending && (
            <span className="pending-text" role="status">
              {t("security.working")}
            </span>
          )}
        </div>
      </ImeSafeForm>
      {changed && (
        <p className="security-panel__done" role="status" data-testid="passphrase-changed">
          {t("security.passphraseChanged")}
        </p>
      )}
    </section>
  );
}
