import { useTranslation } from "react-i18next";
import { AutoLockPanel } from "./AutoLockPanel";
import { CalendarPanel } from "./CalendarPanel";
import { ChangePassphrasePanel } from "./ChangePassphrasePanel";
import { NewRecoveryKeyPanel } from "./NewRecoveryKeyPanel";
import { RekeyPanel } from "./RekeyPanel";
import "./security.css";

/**
 * The vault's keys (the passphrase, the recovery key and the database key, each replaced given
 * the passphrase) and how soon it locks itself.
 */
export function SecurityScreen() {
  const { t } = useTranslation();
  return (
    <main className="page security-screen" data-testid="security-screen">
      <h1>{t("security.title")}</h1>
      <ChangePassphrasePanel />
      <NewRecoveryKeyPanel />
      <RekeyPanel />
      <AutoLockPanel />
      <CalendarPanel />
    </main>
  );
}
