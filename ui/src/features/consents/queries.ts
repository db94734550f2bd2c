import { queryOptions } from "@tanstack/react-query";
import { api } from "../../ipc/api";
import type { Consent, ConsentInput, RecipientKind, RevocationInput, SharePart, SummaryRequest } from "../../ipc/api";
import { defineMutation, useSpecMutation } from "../../shared/mutation";

export const consentKeys = {
  all: ["consents"] as const,
  ofClient: (clientId: number) => [...consentKeys.all, "client", clientId] as const,
  summary: (consentId: number) => [...consentKeys.all, "summary", consentId] as const,
  preview: (request: SummaryRequest) => [...consentKeys.all, "preview", request] as const,
  records: () => [...consentKeys.all, "records"] as const,
};

/**
 * The parts a consent to each kind of recipient may cover, in the order documents show them:
 * what a package to them carries (the core's `SharePart::offered_to`, which refuses any other).
 */
export const SHARE_PARTS_FOR: Readonly<Record<RecipientKind, readonly SharePart[]>> = {
  hr: ["summary", "themes", "action_plan", "strengths", "workplace", "organisational_issues"],
  boss: ["summary", "themes", "action_plan", "strengths", "workplace", "organisational_issues"],
  supervisor: ["career_awareness", "workplace", "organisational_issues", "proposed_support"],
};

export const consentQueries = {
  /** A client's consents, newest first, with their state today. */
  ofClient: (clientId: number) =>
    queryOptions({ queryKey: consentKeys.ofClient(clientId), queryFn: () => api.consentList(clientId) }),
  /** The summary written for a consent's recipient; reopened fresh, as the editor saves over it. */
  summary: (consentId: number) =>
    queryOptions({ queryKey: consentKeys.summary(consentId), queryFn: () => api.summaryGet(consentId), gcTime: 0 }),
  /** Exactly what would be sent, and what the consent leaves out. */
  preview: (request: SummaryRequest) =>
    queryOptions({ queryKey: consentKeys.preview(request), queryFn: () => api.summaryPreview(request) }),
  /** The provision records and the audit log, with the chain checked. */
  records: () =>
    queryOptions({
      queryKey: consentKeys.records(),
      queryFn: async () => {
        const [provisions, entries, verdict] = await Promise.all([
          api.provisionList(),
          api.auditList(),
          api.auditVerify(),
        ]);
        return { provisions, entries, verdict };
      },
    }),
};

function touchedBy(consent: Consent) {
  return [consentKeys.ofClient(consent.clientId), consentKeys.records()];
}

export const consentMutations = {
  grant: defineMutation({
    mutationFn: (input: ConsentInput) => api.consentGrant(input),
    invalidates: touchedBy,
  }),
  revoke: defineMutation({
    mutationFn: ({ id, input }: { id: number; input: RevocationInput }) => api.consentRevoke(id, input),
    invalidates: (consent) => [...touchedBy(consent), [...consentKeys.all, "preview"]],
  }),
  saveSummary: defineMutation({
    mutationFn: ({ consentId, text }: { consentId: number; text: string }) => api.summarySave(consentId, text),
    invalidates: () => [[...consentKeys.all, "preview"]],
  }),
  exportSummary: defineMutation({
    mutationFn: ({
      request,
      recipients,
      passphrase,
      armored,
    }: {
      request: SummaryRequest;
      recipients: string[];
      passphrase: string | null;
      armored: boolean;
    }) => api.summaryExport(request, recipients, passphrase, armored),
    invalidates: () => [consentKeys.records()],
  }),
};

export function useGrantConsent() {
  return useSpecMutation(consentMutations.grant);
}

export function useRevokeConsent() {
  return useSpecMutation(consentMutations.revoke);
}

export function useSaveSummary() {
  return useSpecMutation(consentMutations.saveSummary);
}

export function useExportSummary() {
  return useSpecMutation(consentMutations.exportSummary);
}
