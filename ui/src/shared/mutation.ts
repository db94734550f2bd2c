import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { QueryKey, UseMutationResult } from "@tanstack/react-query";
import type { AppError } from "../ipc/appError";

/**
 * A change sent to the shell, and the queries it makes out of date. Declared next to the
 * queries of its feature, so what a write touches is read in one place, not in the screens.
 */
export interface MutationSpec<Variables, Data> {
  mutationFn: (variables: Variables) => Promise<Data>;
  /** The keys to refetch (if on screen) or mark stale, given what the shell returned. */
  invalidates: (data: Data, variables: Variables) => readonly QueryKey[];
}

/** Only for type inference: the spec is returned as it is. */
export function defineMutation<Variables, Data>(spec: MutationSpec<Variables, Data>): MutationSpec<Variables, Data> {
  return spec;
}

/**
 * Runs a MutationSpec. The mutation settles as soon as the shell has answered; the refetches
 * it causes run on their own, so a slow list never holds up the next save of a note. The
 * invalidation is set on the mutation, not per call, so it still runs when the caller has
 * unmounted meanwhile (a note saved on the way out of its page).
 */
export function useSpecMutation<Variables, Data>(
  spec: MutationSpec<Variables, Data>,
): UseMutationResult<Data, AppError, Variables> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: spec.mutationFn,
    onSuccess: (data, variables) => {
      for (const queryKey of spec.invalidates(data, variables)) {
        void queryClient.invalidateQueries({ queryKey });
      }
    },
  });
}
