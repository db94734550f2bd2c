import { queryOptions } from "@tanstack/react-query";
import { api } from "../../ipc/api";
import type { Flag, FlagInput } from "../../ipc/api";
import { defineMutation, useSpecMutation } from "../../shared/mutation";
import { clientKeys } from "../clients/queries";
import { dashboardKeys } from "../dashboard/queries";

export const flagKeys = {
  all: ["flags"] as const,
  ofClient: (clientId: number) => [...flagKeys.all, "client", clientId] as const,
};

export const flagQueries = {
  /** Open ones first, then newest first. */
  ofClient: (clientId: number) =>
    queryOptions({ queryKey: flagKeys.ofClient(clientId), queryFn: () => api.flagList(clientId) }),
};

/** Open flags are counted on every client list and shown on the client and on Home. */
function touchedBy(flag: Flag) {
  return [flagKeys.ofClient(flag.clientId), clientKeys.list(), clientKeys.detail(flag.clientId), dashboardKeys.all];
}

export const flagMutations = {
  raise: defineMutation({
    mutationFn: (input: FlagInput) => api.flagCreate(input),
    invalidates: touchedBy,
  }),
  update: defineMutation({
    mutationFn: ({ id, input }: { id: number; input: FlagInput }) => api.flagUpdate(id, input),
    invalidates: touchedBy,
  }),
};

export function useRaiseFlag() {
  return useSpecMutation(flagMutations.raise);
}

export function useUpdateFlag() {
  return useSpecMutation(flagMutations.update);
}

/** What the form sends to edit a stored flag, unchanged but for `changes`. */
export function flagInput(flag: Flag, changes: Partial<FlagInput> = {}): FlagInput {
  return {
    clientId: flag.clientId,
    interviewId: flag.interviewId,
    kind: flag.kind,
    note: flag.note,
    referredTo: flag.referredTo,
    raisedOn: flag.raisedOn,
    handledOn: flag.handledOn,
    ...changes,
  };
}
