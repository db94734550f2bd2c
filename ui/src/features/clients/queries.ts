import { queryOptions } from "@tanstack/react-query";
import { api } from "../../ipc/api";
import type { Client, ClientFilter, ClientInput } from "../../ipc/api";
import { defineMutation, useSpecMutation } from "../../shared/mutation";
import { companyKeys } from "../companies/queries";
import { dashboardKeys } from "../dashboard/queries";
import { programKeys } from "../programs/queries";

export const clientKeys = {
  all: ["clients"] as const,
  /** Every list, whatever its filter: what a change to any client makes out of date. */
  list: () => [...clientKeys.all, "list"] as const,
  filtered: (filter: ClientFilter) => [...clientKeys.list(), filter] as const,
  detail: (clientId: number) => [...clientKeys.all, "detail", clientId] as const,
};

export const NO_FILTER: ClientFilter = { companyId: null, programId: null, department: null, status: null, tag: null };

/** Whether the filter narrows the list at all. */
export function isFiltered(filter: ClientFilter): boolean {
  return Object.values(filter).some((value) => value !== null);
}

export const clientQueries = {
  /** Already sorted by reading (furigana). */
  list: (filter: ClientFilter = NO_FILTER) =>
    queryOptions({ queryKey: clientKeys.filtered(filter), queryFn: () => api.clientList(filter) }),
  detail: (clientId: number) =>
    queryOptions({ queryKey: clientKeys.detail(clientId), queryFn: () => api.clientGet(clientId) }),
};

/**
 * A client's company and programs are counted on the company and program lists; Home shows
 * the client's name on each of its entries.
 */
function touchedBy(client: Client) {
  return [clientKeys.list(), clientKeys.detail(client.id), companyKeys.list(), programKeys.lists(), dashboardKeys.all];
}

export const clientMutations = {
  create: defineMutation({
    mutationFn: (input: ClientInput) => api.clientCreate(input),
    invalidates: (client) => touchedBy(client),
  }),
  update: defineMutation({
    mutationFn: ({ id, input }: { id: number; input: ClientInput }) => api.clientUpdate(id, input),
    invalidates: (client) => touchedBy(client),
  }),
};

export function useCreateClient() {
  return useSpecMutation(clientMutations.create);
}

export function useUpdateClient() {
  return useSpecMutation(clientMutations.update);
}
