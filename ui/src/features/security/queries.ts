import { api } from "../../ipc/api";
import type { CalendarZone } from "../../ipc/api";
import { followCalendar } from "../../shared/format";
import { defineMutation } from "../../shared/mutation";

export const securityKeys = {
  health: () => ["vault", "health"] as const,
  preferences: () => ["preferences"] as const,
};

export const securityQueries = {
  /** Asked once per unlock: the recovery file changes only when a new key is issued here. */
  health: () => ({
    queryKey: securityKeys.health(),
    queryFn: () => api.vaultHealth(),
    staleTime: Infinity,
  }),
};

export const preferenceQueries = {
  preferences: () => ({
    queryKey: securityKeys.preferences(),
    queryFn: () => api.preferencesGet(),
    staleTime: Infinity,
  }),
};

export const preferenceMutations = {
  autoLock: defineMutation({
    mutationFn: (minutes: number) => api.preferencesSetAutoLock(minutes),
    invalidates: () => [securityKeys.preferences()],
  }),
  /** Every screen's "today" may move: everything is asked for again. */
  calendar: defineMutation({
    mutationFn: async (zone: CalendarZone) => {
      const saved = await api.preferencesSetCalendar(zone);
      followCalendar(saved.calendar ?? "asia_tokyo");
      return saved;
    },
    invalidates: () => [[]],
  }),
};
