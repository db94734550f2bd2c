import { useTranslation } from "react-i18next";
import "./vault.css";

interface DamagedScreenProps {
  /** The database and the recovery file are all recovery needs: offered whatever is lost. */
  onUseRecoveryKey: () => void;
}

/** The vault files exist but cannot be read. The app changes nothing from here on its own. */
export function DamagedScreen({ onUseRecoveryKey }: DamagedScreenProps) {
  const { t } = useTranslation();
  return (
    <main className="vault-screen" data-testid="damaged-screen">
      <h1>{t("damaged.title")}</h1>
      <p className="vault-screen__intro">{t("damaged.body")}</p>
      <p>{t("damaged.recoveryHint")}</p>
      <div className="vault-form__actions">
        <button type="button" className="button button--primary" data-testid="damaged-use-recovery-key" onClick={onUseRecoveryKey}>
          {t("damaged.useRecoveryKey")}
        </button>
      </div>
      <p>{t("damaged.whatToDo")}</p>
    </main>
  );
}
