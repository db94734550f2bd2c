import { queryOptions } from "@tanstack/react-query";
import { api } from "../../ipc/api";
import type { SupervisionRequest } from "../../ipc/api";
import { defineMutation, useSpecMutation } from "../../shared/mutation";
import { consentKeys } from "../consents/queries";

export const supervisionKeys = {
  all: ["supervision"] as const,
  previews: () => [...supervisionKeys.all, "preview"] as const,
  preview: (request: SupervisionRequest) => [...supervisionKeys.previews(), request] as const,
  inbox: () => [...supervisionKeys.all, "inbox"] as const,
  recipient: () => [...supervisionKeys.all, "recipient"] as const,
  candidates: () => [...supervisionKeys.all, "candidates"] as const,
};

export const supervisionQueries = {
  /** The report exactly as the supervisor would receive it. */
  preview: (request: SupervisionRequest) =>
    queryOptions({ queryKey: supervisionKeys.preview(request), queryFn: () => api.supervisionPreview(request) }),
  /** What the inbox holds, newest first. */
  inbox: () => queryOptions({ queryKey: supervisionKeys.inbox(), queryFn: () => api.inboxList() }),
  /** The key to give the supervisor. */
  recipient: () => queryOptions({ queryKey: supervisionKeys.recipient(), queryFn: () => api.inboxRecipient() }),
  /** The `.age` files in Downloads, looked at again whenever the page asks. */
  candidates: () =>
    queryOptions({ queryKey: supervisionKeys.candidates(), queryFn: () => api.inboxCandidates(), staleTime: 0 }),
};

export const supervisionMutations = {
  export: defineMutation({
    mutationFn: ({
      request,
      recipients,
      passphrase,
      armored,
    }: {
      request: SupervisionRequest;
      recipients: string[];
      passphrase: string | null;
      armored: boolean;
    }) => api.supervisionExport(request, recipients, passphrase, armored),
    invalidates: () => [consentKeys.records()],
  }),
  import: defineMutation({
    mutationFn: (fileName: string) => api.inboxImport(fileName),
    invalidates: () => [supervisionKeys.inbox(), consentKeys.records()],
  }),
};

export function useExportSupervision() {
  return useSpecMutation(supervisionMutations.export);
}

export function useImportPackage() {
  return useSpecMutation(supervisionMutations.import);
}
