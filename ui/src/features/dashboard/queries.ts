import { queryOptions } from "@tanstack/react-query";
import { api } from "../../ipc/api";
import type { KeepInput } from "../../ipc/api";
import { defineMutation, useSpecMutation } from "../../shared/mutation";

/**
 * One key for the whole dashboard: it gathers interviews, follow-ups, flags and action
 * items, so every change to one of those lists `dashboardKeys.all` among what it makes
 * out of date (in that feature's own queries.ts).
 */
export const dashboardKeys = {
  all: ["dashboard"] as const,
};

export const dashboardQueries = {
  /**
   * What needs the consultant as of today. Always asked again when Home opens: it is the
   * page returned to between other work, and one read of a few small lists is cheap.
   */
  home: () =>
    queryOptions({
      queryKey: dashboardKeys.all,
      queryFn: () => api.dashboardHome(),
      staleTime: 0,
      refetchOnMount: "always",
    }),
};

export const retentionKeys = {
  years: ["retention", "years"] as const,
};

export const retentionQueries = {
  years: () => queryOptions({ queryKey: retentionKeys.years, queryFn: () => api.retentionYears() }),
};

export const retentionMutations = {
  /** Keeping a client takes them off the dashboard's review list. */
  keep: defineMutation({
    mutationFn: (input: KeepInput) => api.retentionKeep(input),
    invalidates: () => [dashboardKeys.all],
  }),
  /** A new period changes who is past it. */
  setYears: defineMutation({
    mutationFn: (years: number) => api.retentionSetYears(years),
    invalidates: () => [retentionKeys.years, dashboardKeys.all],
  }),
};

export function useKeepClient() {
  return useSpecMutation(retentionMutations.keep);
}

export function useSetRetentionYears() {
  return useSpecMutation(retentionMutations.setYears);
}
