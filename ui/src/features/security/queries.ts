import { api } from "../../ipc/api";

export const securityKeys = {
  recoveryFile: () => ["vault", "recoveryFile"] as const,
};

export const securityQueries = {
  /** Asked once per unlock: the file changes only when a new recovery key is issued here. */
  recoveryFile: () => ({
    queryKey: securityKeys.recoveryFile(),
    queryFn: () => api.vaultRecoveryFileState(),
    staleTime: Infinity,
  }),
};
