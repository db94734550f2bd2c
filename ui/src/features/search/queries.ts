import { queryOptions } from "@tanstack/react-query";
import { api } from "../../ipc/api";

/**
 * Search reads every feature's records, so its results go stale with any change. Rather
 * than have each feature list `searchKeys.all` among what it invalidates, a search is
 * asked again each time its page opens: nothing can change while that page is shown.
 */
export const searchKeys = {
  all: ["search"] as const,
  query: (query: string) => ["search", query] as const,
};

export const searchQueries = {
  /**
   * Records holding every word of `query`, grouped by client. In memory only, like every
   * query, and cleared with the rest when the vault locks. The app's retry rule applies:
   * a query the core refuses (`query_has_no_words`) is not asked again.
   */
  results: (query: string) =>
    queryOptions({
      queryKey: searchKeys.query(query),
      queryFn: () => api.searchRecords(query),
      staleTime: 0,
      refetchOnMount: "always",
    }),
};
