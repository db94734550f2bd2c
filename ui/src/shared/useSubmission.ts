import { useState } from "react";
import { toAppError } from "../ipc/appError";
import type { AppError } from "../ipc/appError";

export interface Submission {
  /** A request is on its way: the form's controls are disabled or read-only meanwhile. */
  pending: boolean;
  /** What the last attempt failed with, for FormError; cleared when the next one starts. */
  error: AppError | null;
  /**
   * Runs `action` (the request, then whatever follows its success) unless one is already
   * pending. On failure `onFailure` runs in the same update that enables the form again.
   */
  run: (action: () => Promise<void>, onFailure?: () => void) => Promise<void>;
}

/**
 * The pending/error state of a form that sends one request and then moves on. After a
 * success `pending` stays set: the caller replaces the form, and its controls must not come
 * back to life in between (a second submit would repeat the request). A form that stays on
 * the page to be sent again (`sendsAgain`, the security page's) is enabled again instead.
 */
export function useSubmission({ sendsAgain = false }: { sendsAgain?: boolean } = {}): Submission {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const run = async (action: () => Promise<void>, onFailure?: () => void) => {
    if (pending) {
      return;
    }
    setPending(true);
    setError(null);
    try {
      await action();
      if (sendsAgain) {
        setPending(false);
      }
    } catch (thrown) {
      setError(toAppError(thrown));
      onFailure?.();
      setPending(false);
    }
  };

  return { pending, error, run };
}
