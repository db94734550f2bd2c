import { useEffect, useState } from "react";
import { api } from "../ipc/api";
import { usePendingSaves } from "../shared/pendingSaves";

/** Dispatched on `window` by the shell when the consultant closes the window (closing.rs). */
export const CLOSE_REQUESTED_EVENT = "kizuki:close-requested";

/**
 * Saves everything pending when the window is closed, then lets it close. An editor saves a
 * moment after the last keystroke, so without this the last words typed before closing would
 * be lost. When a save fails the window stays open with the text on screen; the shell closes
 * at once on the second request, so the returned flag tells the header to say so.
 */
export function useSaveBeforeClose(): boolean {
  const { flushAll } = usePendingSaves();
  const [saveFailed, setSaveFailed] = useState(false);

  useEffect(() => {
    const onCloseRequested = () => {
      void flushAll().then(async (saved) => {
        if (!saved) {
          setSaveFailed(true);
          return;
        }
        await api.windowClose();
      });
    };
    window.addEventListener(CLOSE_REQUESTED_EVENT, onCloseRequested);
    return () => {
      window.removeEventListener(CLOSE_REQUESTED_EVENT, onCloseRequested);
    };
  }, [flushAll]);

  return saveFailed;
}
