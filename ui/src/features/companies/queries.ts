import { queryOptions } from "@tanstack/react-query";
import { api } from "../../ipc/api";
import type { CompanyInput } from "../../ipc/api";
import { defineMutation, useSpecMutation } from "../../shared/mutation";

export const companyKeys = {
  all: ["companies"] as const,
  list: () => [...companyKeys.all, "list"] as const,
  detail: (companyId: number) => [...companyKeys.all, "detail", companyId] as const,
};

/** Client lists show the company's name: a rename makes them out of date. */
const CLIENT_LISTS = ["clients", "list"] as const;

export const companyQueries = {
  /** By name, with how many programs and clients each has. */
  list: () => queryOptions({ queryKey: companyKeys.list(), queryFn: () => api.companyList() }),
  detail: (companyId: number) =>
    queryOptions({ queryKey: companyKeys.detail(companyId), queryFn: () => api.companyGet(companyId) }),
};

export const companyMutations = {
  create: defineMutation({
    mutationFn: (input: CompanyInput) => api.companyCreate(input),
    invalidates: () => [companyKeys.list()],
  }),
  rename: defineMutation({
    mutationFn: ({ id, input }: { id: number; input: CompanyInput }) => api.companyUpdate(id, input),
    invalidates: (company) => [companyKeys.list(), companyKeys.detail(company.id), CLIENT_LISTS],
  }),
};

export function useCreateCompany() {
  return useSpecMutation(companyMutations.create);
}

export function useRenameCompany() {
  return useSpecMutation(companyMutations.rename);
}
