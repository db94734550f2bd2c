import { api } from "../../ipc/api";
import { defineMutation } from "../../shared/mutation";
import { consentKeys } from "../consents/queries";

export const backupMutations = {
  /** A backup is in the audit log: the records page shows it. */
  backup: defineMutation({
    mutationFn: ({
      passphrase,
      recipients,
      armored,
    }: {
      passphrase: string | null;
      recipients: string[];
      armored: boolean;
    }) => api.vaultBackup(passphrase, recipients, armored),
    invalidates: () => [consentKeys.records()],
  }),
};
