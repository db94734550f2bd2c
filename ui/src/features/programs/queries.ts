import { queryOptions } from "@tanstack/react-query";
import { api } from "../../ipc/api";
import type { ProgramInput, TemplateSectionInput } from "../../ipc/api";
import { defineMutation, useSpecMutation } from "../../shared/mutation";
import { companyKeys } from "../companies/queries";

export const programKeys = {
  all: ["programs"] as const,
  /** Every program list, of any company. */
  lists: () => [...programKeys.all, "list"] as const,
  list: (companyId: number) => [...programKeys.lists(), companyId] as const,
  detail: (programId: number) => [...programKeys.all, "detail", programId] as const,
  template: (programId: number) => [...programKeys.all, "template", programId] as const,
};

export const programQueries = {
  /** A company's programs, newest first. */
  list: (companyId: number) =>
    queryOptions({ queryKey: programKeys.list(companyId), queryFn: () => api.programList(companyId) }),
  detail: (programId: number) =>
    queryOptions({ queryKey: programKeys.detail(programId), queryFn: () => api.programGet(programId) }),
  /** In order, retired sections included. */
  template: (programId: number) =>
    queryOptions({ queryKey: programKeys.template(programId), queryFn: () => api.sheetTemplateGet(programId) }),
};

export const programMutations = {
  create: defineMutation({
    mutationFn: (input: ProgramInput) => api.programCreate(input),
    // The company list counts its programs.
    invalidates: (program) => [programKeys.list(program.companyId), companyKeys.list()],
  }),
  update: defineMutation({
    mutationFn: ({ id, input }: { id: number; input: ProgramInput }) => api.programUpdate(id, input),
    invalidates: (program) => [programKeys.list(program.companyId), programKeys.detail(program.id)],
  }),
  saveTemplate: defineMutation({
    mutationFn: ({ programId, sections }: { programId: number; sections: TemplateSectionInput[] }) =>
      api.sheetTemplateSave(programId, sections),
    invalidates: (_saved, { programId }) => [programKeys.template(programId)],
  }),
};

export function useCreateProgram() {
  return useSpecMutation(programMutations.create);
}

export function useUpdateProgram() {
  return useSpecMutation(programMutations.update);
}

export function useSaveTemplate() {
  return useSpecMutation(programMutations.saveTemplate);
}
