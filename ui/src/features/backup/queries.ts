import { api } from "../../ipc/api";
import { defineMutation } from "../../shared/mutation";
import { consentKeys } from "../consents/queries";

export const backupMutations = {
  /** A backup is in the audit log: the records page shows it. */
  backup: defineMutation({
    mutationFn: ({
      toRecoveryKey,
      passphrase,
      recipients,
      armored,
    }: {
      toRecoveryKey: boolean;
      passphrase: string | null;
      recipients: string[];
      armored: boolean;
    }) => api.vaultBackup(toRecoveryKey, passphrase, recipients, armored),
    invalidates: () => [consentKeys.records()],
  }),
};
