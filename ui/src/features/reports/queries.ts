import { queryOptions } from "@tanstack/react-query";
import { api } from "../../ipc/api";
import type { Report, ReportPart } from "../../ipc/api";
import { defineMutation, useSpecMutation } from "../../shared/mutation";
import { supervisionKeys } from "../supervision/queries";

export const reportKeys = {
  all: ["reports"] as const,
  ofClient: (clientId: number) => [...reportKeys.all, "client", clientId] as const,
  document: (reportId: number) => [...reportKeys.all, "document", reportId] as const,
  versions: (reportId: number) => [...reportKeys.all, "versions", reportId] as const,
};

/** The parts in the report's order. */
export const REPORT_PARTS: readonly ReportPart[] = ["career_awareness", "workplace", "organisational", "proposed_support"];

/** The key of each part in `ReportParts`. */
export const PART_FIELDS = {
  career_awareness: "careerAwareness",
  workplace: "workplace",
  organisational: "organisational",
  proposed_support: "proposedSupport",
} as const satisfies Record<ReportPart, string>;

export const reportQueries = {
  /** A client's reports, the latest program's first. */
  ofClient: (clientId: number) =>
    queryOptions({ queryKey: reportKeys.ofClient(clientId), queryFn: () => api.reportList(clientId) }),
  /**
   * The report with whom it is about. Not kept once its page closes: the editors save over
   * the text they opened with, so they must open with what is stored now.
   */
  document: (reportId: number) =>
    queryOptions({ queryKey: reportKeys.document(reportId), queryFn: () => api.reportDocument(reportId), gcTime: 0 }),
  /** Its versions, newest first. */
  versions: (reportId: number) =>
    queryOptions({ queryKey: reportKeys.versions(reportId), queryFn: () => api.reportVersions(reportId) }),
};

/** What a change of a report's text makes out of date: its history and its client's list. */
function touchedBy(report: Report) {
  // A supervision preview shows the report's text.
  return [reportKeys.versions(report.id), reportKeys.ofClient(report.clientId), supervisionKeys.previews()];
}

export const reportMutations = {
  create: defineMutation({
    mutationFn: ({ clientId, programId }: { clientId: number; programId: number }) =>
      api.reportCreate(clientId, programId),
    invalidates: touchedBy,
  }),
  savePart: defineMutation({
    mutationFn: ({ reportId, part, text }: { reportId: number; part: ReportPart; text: string }) =>
      api.reportSavePart(reportId, part, text),
    invalidates: touchedBy,
  }),
  restore: defineMutation({
    mutationFn: ({ reportId, versionId }: { reportId: number; versionId: number }) =>
      api.reportRestore(reportId, versionId),
    // The editors reopen on the restored report itself (see ReportScreen), not on a refetch.
    invalidates: touchedBy,
  }),
  choosePdfFolder: defineMutation({
    mutationFn: (title: string) => api.reportChoosePdfFolder(title),
    invalidates: () => [],
  }),
  savePdf: defineMutation({
    mutationFn: (reportId: number) => api.reportSavePdf(reportId),
    invalidates: () => [],
  }),
};

export function useCreateReport() {
  return useSpecMutation(reportMutations.create);
}

export function useSaveReportPart() {
  return useSpecMutation(reportMutations.savePart);
}

export function useRestoreReportVersion() {
  return useSpecMutation(reportMutations.restore);
}

export function useChoosePdfFolder() {
  return useSpecMutation(reportMutations.choosePdfFolder);
}

export function useSaveReportPdf() {
  return useSpecMutation(reportMutations.savePdf);
}
