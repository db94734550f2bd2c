import { useTranslation } from "react-i18next";
import "./vault.css";

/** The vault files exist but cannot be read. The app changes nothing from here. */
export function DamagedScreen() {
  const { t } = useTranslation();
  return (
    <main className="vault-screen" data-testid="damaged-screen">
      <h1>{t("damaged.title")}</h1>
      <p className="vault-screen__intro">{t("damaged.body")}</p>
      <p>{t("damaged.whatToDo")}</p>
    </main>
  );
}
