import { useState } from "react";
import { AppError } from "../../../ipc/appError";

/** Files a passage under one section, through that section's editor. */
export type CaptureTarget = (passage: string) => Promise<void>;

export interface CaptureTargets {
  /** A section editor offers itself while it is on screen; returns the withdrawal. */
  register: (sectionId: number, target: CaptureTarget) => () => void;
  /** For useCapture's onCapture: rejects when the section cannot take it. */
  capture: (sectionId: number, passage: string) => Promise<void>;
}

/**
 * Capture goes through the section's editor rather than straight to the store, because
 * only the editor knows whether it holds text not saved yet, which a stored capture would
 * otherwise overwrite (see NoteAutosave.addFromOutside).
 */
export function useCaptureTargets(): CaptureTargets {
  const [targets] = useState(() => {
    const bySection = new Map<number, CaptureTarget>();
    return {
      register: (sectionId: number, target: CaptureTarget) => {
        bySection.set(sectionId, target);
        return () => {
          if (bySection.get(sectionId) === target) {
            bySection.delete(sectionId);
          }
        };
      },
      capture: (sectionId: number, passage: string) => {
        const target = bySection.get(sectionId);
        return target ? target(passage) : Promise.reject(new AppError("not_found"));
      },
    };
  });
  return targets;
}
