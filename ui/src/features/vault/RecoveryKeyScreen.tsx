import { useTranslation } from "react-i18next";
import { RecoveryKeyShown } from "./RecoveryKeyShown";
import "./vault.css";

interface RecoveryKeyScreenProps {
  recoveryKey: string;
  onContinue: () => void;
}

/** Shown once, right after setup. */
export function RecoveryKeyScreen({ recoveryKey, onContinue }: RecoveryKeyScreenProps) {
  const { t } = useTranslation();
  return (
    <main className="vault-screen" data-testid="recovery-key-screen">
      <h1>{t("recoveryKey.title")}</h1>
      <p className="vault-screen__intro">{t("recoveryKey.intro")}</p>
      <RecoveryKeyShown recoveryKey={recoveryKey} onContinue={onContinue} />
    </main>
  );
}
