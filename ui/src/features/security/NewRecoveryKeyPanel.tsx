import { useTranslation } from "react-i18next";
import { api } from "../../ipc/api";
import { KeyIssuePanel } from "./KeyIssuePanel";

/**
 * A new recovery key, given the passphrase: when the old one is lost, or its file is missing
 * or damaged. (When it may have been seen, a new database key is what closes the vault to it.)
 */
export function NewRecoveryKeyPanel() {
  const { t } = useTranslation();
  return (
    <KeyIssuePanel
      words={{
        title: t("security.recoveryTitle"),
        hints: [t("security.recoveryHint"), t("security.recoveryOldBackups")],
        passphraseLabel: t("security.currentPassphrase"),
        submit: t("security.issueRecoveryKey"),
        working: t("security.working"),
        done: t("security.recoveryIssued"),
      }}
      testIds={{
        panel: "new-recovery-key-panel",
        passphrase: "recovery-passphrase",
        error: "new-recovery-key-error",
        submit: "new-recovery-key-submit",
        done: "recovery-key-issued",
      }}
      issue={async (passphrase) => (await api.vaultNewRecoveryKey(passphrase)).recoveryKey}
    />
  );
}
