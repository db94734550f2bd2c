import { queryOptions } from "@tanstack/react-query";
import { api } from "../../ipc/api";

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
