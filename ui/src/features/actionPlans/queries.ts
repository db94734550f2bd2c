import { queryOptions } from "@tanstack/react-query";
import { api } from "../../ipc/api";
import type { ActionItem, ActionItemInput, ProgressInput } from "../../ipc/api";
import { defineMutation, useSpecMutation } from "../../shared/mutation";
import { dashboardKeys } from "../dashboard/queries";

export const actionPlanKeys = {
  all: ["actionPlans"] as const,
  ofClient: (clientId: number) => [...actionPlanKeys.all, "client", clientId] as const,
};

export const actionPlanQueries = {
  /** Open items first (soonest due first), then the rest, newest first. */
  ofClient: (clientId: number) =>
    queryOptions({
      queryKey: actionPlanKeys.ofClient(clientId),
      queryFn: () => api.actionItemList(clientId),
    }),
};

/** An item's list, and the dashboard's "past their date". */
function touchedBy(item: ActionItem) {
  return [actionPlanKeys.ofClient(item.clientId), dashboardKeys.all];
}

export const actionPlanMutations = {
  create: defineMutation({
    mutationFn: (input: ActionItemInput) => api.actionItemCreate(input),
    invalidates: touchedBy,
  }),
  update: defineMutation({
    mutationFn: ({ id, input }: { id: number; input: ActionItemInput }) => api.actionItemUpdate(id, input),
    invalidates: touchedBy,
  }),
  addProgress: defineMutation({
    mutationFn: (input: ProgressInput) => api.actionItemAddProgress(input),
    invalidates: touchedBy,
  }),
};

export function useCreateActionItem() {
  return useSpecMutation(actionPlanMutations.create);
}

export function useUpdateActionItem() {
  return useSpecMutation(actionPlanMutations.update);
}

export function useAddProgress() {
  return useSpecMutation(actionPlanMutations.addProgress);
}

/** Whether the item still asks something of the client. */
export function isOpen(item: ActionItem): boolean {
  return item.status === "not_started" || item.status === "in_progress";
}
