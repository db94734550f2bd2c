import { queryOptions } from "@tanstack/react-query";
import { api } from "../../ipc/api";
import type { OverallTextInput } from "../../ipc/api";
import { defineMutation, useSpecMutation } from "../../shared/mutation";
import { consentKeys } from "../consents/queries";

export const overallKeys = {
  all: ["overallReports"] as const,
  text: (programId: number) => [...overallKeys.all, "text", programId] as const,
  preview: (programId: number) => [...overallKeys.all, "preview", programId] as const,
};

export const overallQueries = {
  /** The findings and proposals; reopened fresh, as the editors save over them. */
  text: (programId: number) =>
    queryOptions({ queryKey: overallKeys.text(programId), queryFn: () => api.overallText(programId), gcTime: 0 }),
  /** The report exactly as it would be sent. */
  preview: (programId: number) =>
    queryOptions({ queryKey: overallKeys.preview(programId), queryFn: () => api.overallPreview(programId) }),
};

export const overallMutations = {
  saveText: defineMutation({
    mutationFn: ({ programId, text }: { programId: number; text: OverallTextInput }) =>
      api.overallSaveText(programId, text),
    invalidates: (_saved, { programId }) => [overallKeys.preview(programId)],
  }),
  export: defineMutation({
    mutationFn: ({
      programId,
      recipients,
      passphrase,
      armored,
    }: {
      programId: number;
      recipients: string[];
      passphrase: string | null;
      armored: boolean;
    }) => api.overallExport(programId, recipients, passphrase, armored),
    // The export is in the audit log.
    invalidates: () => [consentKeys.records()],
  }),
};

export function useSaveOverallText() {
  return useSpecMutation(overallMutations.saveText);
}

export function useExportOverall() {
  return useSpecMutation(overallMutations.export);
}
