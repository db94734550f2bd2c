import { useTranslation } from "react-i18next";
import { api } from "../../ipc/api";
import { KeyIssuePanel } from "./KeyIssuePanel";

/**
 * A new database key, for when a passphrase, a recovery key or a backup may have been seen: a
 * new passphrase or recovery key alone still leaves the old key files (every backup holds
 * them) opening today's data with the old secret. It comes with a new recovery key.
 */
export function RekeyPanel() {
  const { t } = useTranslation();
  return (
    <KeyIssuePanel
      words={{
        title: t("security.rekeyTitle"),
        hints: [t("security.rekeyHint"), t("security.rekeyAfter")],
        passphraseLabel: t("security.currentPassphrase"),
        submit: t("security.rekey"),
        working: t("security.rekeyWorking"),
        done: t("security.rekeyDone"),
      }}
      testIds={{
        panel: "rekey-panel",
        passphrase: "rekey-passphrase",
        error: "rekey-error",
        submit: "rekey-submit",
        done: "rekey-done",
      }}
      issue={async (passphrase) => (await api.vaultRekey(passphrase, null)).recoveryKey}
    />
  );
}
