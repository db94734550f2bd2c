import { queryOptions, useQueries, useQuery } from "@tanstack/react-query";
import { api } from "../../ipc/api";
import type { InterviewDetails, NewInterview, Topics } from "../../ipc/api";
import { defineMutation, useSpecMutation } from "../../shared/mutation";
import { clientKeys, clientQueries } from "../clients/queries";
import { dashboardKeys } from "../dashboard/queries";
import { programQueries } from "../programs/queries";

export const interviewKeys = {
  all: ["interviews"] as const,
  list: (clientId: number) => [...interviewKeys.all, "list", clientId] as const,
  detail: (interviewId: number) => [...interviewKeys.all, "detail", interviewId] as const,
  sheet: (interviewId: number) => [...interviewKeys.all, "sheet", interviewId] as const,
  history: (interviewId: number) => [...interviewKeys.all, "history", interviewId] as const,
  topics: (interviewId: number) => [...interviewKeys.all, "topics", interviewId] as const,
};

export const interviewQueries = {
  /** A client's interviews, newest first. */
  list: (clientId: number) =>
    queryOptions({ queryKey: interviewKeys.list(clientId), queryFn: () => api.interviewList(clientId) }),
  /**
   * One interview with its notes. Not kept once its page closes: the notes editor saves
   * over the text it opened with, so it must open with what is stored now.
   */
  detail: (interviewId: number) =>
    queryOptions({
      queryKey: interviewKeys.detail(interviewId),
      queryFn: () => api.interviewGet(interviewId),
      gcTime: 0,
    }),
  /** The sheet's sections in order; not kept either, for the same reason as the notes. */
  sheet: (interviewId: number) =>
    queryOptions({
      queryKey: interviewKeys.sheet(interviewId),
      queryFn: () => api.sheetSections(interviewId),
      gcTime: 0,
    }),
  /** The amendments of a held interview, oldest first. */
  history: (interviewId: number) =>
    queryOptions({ queryKey: interviewKeys.history(interviewId), queryFn: () => api.interviewHistory(interviewId) }),
  /** What the interview was about, from the fixed lists. */
  topics: (interviewId: number) =>
    queryOptions({ queryKey: interviewKeys.topics(interviewId), queryFn: () => api.interviewTopics(interviewId) }),
};

export const interviewMutations = {
  setTopics: defineMutation({
    mutationFn: ({ interviewId, topics }: { interviewId: number; topics: Topics }) =>
      api.interviewSetTopics(interviewId, topics),
    // Overall reports count them.
    invalidates: (_saved, { interviewId }) => [interviewKeys.topics(interviewId), ["overallReports"]],
  }),
  create: defineMutation({
    mutationFn: (interview: NewInterview) => api.interviewCreate(interview),
    // The client list shows each client's latest interview; Home, the week's interviews.
    invalidates: (created) => [interviewKeys.list(created.clientId), clientKeys.list(), dashboardKeys.all],
  }),
  update: defineMutation({
    mutationFn: ({ interviewId, details }: { interviewId: number; details: InterviewDetails }) =>
      api.interviewUpdate(interviewId, details),
    // Its time, held state and follow-up date are on Home.
    invalidates: (updated) => [
      interviewKeys.detail(updated.id),
      interviewKeys.list(updated.clientId),
      clientKeys.list(),
      dashboardKeys.all,
    ],
  }),
  markHeld: defineMutation({
    mutationFn: (interviewId: number) => api.interviewMarkHeld(interviewId, null),
    invalidates: (held) => [
      interviewKeys.detail(held.id),
      interviewKeys.list(held.clientId),
      interviewKeys.history(held.id),
      clientKeys.list(),
      dashboardKeys.all,
    ],
  }),
  saveNotes: defineMutation({
    mutationFn: ({ interviewId, notes }: { interviewId: number; notes: string }) =>
      api.interviewSaveNotes(interviewId, notes),
    // The list previews the notes; the page shows when the interview last changed; a held
    // interview keeps the change as an amendment.
    invalidates: (saved) => [
      interviewKeys.list(saved.clientId),
      interviewKeys.detail(saved.id),
      ...(saved.heldAt === null ? [] : [interviewKeys.history(saved.id)]),
    ],
  }),
  saveSection: defineMutation({
    mutationFn: ({ sectionId, text }: { sectionId: number; text: string }) => api.sheetSaveSection(sectionId, text),
    invalidates: (saved) => sheetChanged(saved.interviewId),
  }),
  capture: defineMutation({
    mutationFn: ({ sectionId, passage }: { sectionId: number; passage: string }) => api.sheetCapture(sectionId, passage),
    invalidates: (saved) => sheetChanged(saved.interviewId),
  }),
};

/** A section's change touches the interview's last-changed time and, once held, its history. */
function sheetChanged(interviewId: number) {
  return [interviewKeys.sheet(interviewId), interviewKeys.history(interviewId), interviewKeys.detail(interviewId)];
}

export function useCreateInterview() {
  return useSpecMutation(interviewMutations.create);
}

export function useUpdateInterview() {
  return useSpecMutation(interviewMutations.update);
}

export function useMarkHeld() {
  return useSpecMutation(interviewMutations.markHeld);
}

export function useSaveNotes() {
  return useSpecMutation(interviewMutations.saveNotes);
}

export function useSaveSection() {
  return useSpecMutation(interviewMutations.saveSection);
}

export function useCaptureToSection() {
  return useSpecMutation(interviewMutations.capture);
}

export interface ProgramChoice {
  id: number;
  /** Undefined while its name loads (the id is shown meanwhile). */
  name: string | undefined;
}

/**
 * The programs an interview of this client can belong to: those the client is enrolled
 * in, plus `current` (a program the client has since left keeps showing on its interviews).
 */
export function useClientPrograms(clientId: number, current: number | null = null): ProgramChoice[] {
  const client = useQuery(clientQueries.detail(clientId));
  const ids = [...(client.data?.programIds ?? [])];
  if (current !== null && !ids.includes(current)) {
    ids.push(current);
  }
  const programs = useQueries({ queries: ids.map((id) => programQueries.detail(id)) });
  return ids.map((id, index) => ({ id, name: programs[index]?.data?.name }));
}

export function useSetTopics() {
  return useSpecMutation(interviewMutations.setTopics);
}
