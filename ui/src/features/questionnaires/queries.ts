import { queryOptions } from "@tanstack/react-query";
import { api } from "../../ipc/api";
import type { QuestionnaireInput } from "../../ipc/api";
import { defineMutation, useSpecMutation } from "../../shared/mutation";

export const questionnaireKeys = {
  all: ["questionnaires"] as const,
  /** `programId` null: answers given outside any program. */
  find: (clientId: number, programId: number | null) => [...questionnaireKeys.all, clientId, programId] as const,
};

export const questionnaireQueries = {
  /**
   * The client's answers for the program, or null before the first save. Not kept once
   * its editor closes: the editor saves over what it opened with.
   */
  find: (clientId: number, programId: number | null) =>
    queryOptions({
      queryKey: questionnaireKeys.find(clientId, programId),
      queryFn: () => api.questionnaireFind(clientId, programId),
      gcTime: 0,
    }),
};

export const questionnaireMutations = {
  save: defineMutation({
    mutationFn: (input: QuestionnaireInput) => api.questionnaireSave(input),
    invalidates: (saved) => [questionnaireKeys.find(saved.clientId, saved.programId)],
  }),
};

export function useSaveQuestionnaire() {
  return useSpecMutation(questionnaireMutations.save);
}
