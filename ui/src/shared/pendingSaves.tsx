import { createContext, use, useState } from "react";
import type { ReactNode } from "react";

/** Saves everything typed so far; false when a save failed (the text is still on screen). */
export type Flush = () => Promise<boolean>;

export interface PendingSaves {
  /** An editor registers how to save itself; the returned function unregisters it. */
  register: (flush: Flush) => () => void;
  /** Called before leaving a note (lock, switching session or client). */
  flushAll: () => Promise<boolean>;
}

export function createPendingSaves(): PendingSaves {
  const flushes = new Set<Flush>();
  return {
    register(flush) {
      flushes.add(flush);
      return () => {
        flushes.delete(flush);
      };
    },
    async flushAll() {
      const results = await Promise.all([...flushes].map((flush) => flush()));
      return results.every(Boolean);
    },
  };
}

// Outside a provider (a component tested on its own) nothing is coordinated.
const PendingSavesContext = createContext<PendingSaves>(createPendingSaves());

export function PendingSavesProvider({ children }: { children: ReactNode }) {
  const [pendingSaves] = useState(createPendingSaves);
  return <PendingSavesContext value={pendingSaves}>{children}</PendingSavesContext>;
}

export function usePendingSaves(): PendingSaves {
  return use(PendingSavesContext);
}
