import { useState } from "react";
import { toAppError } from "../../ipc/appError";
import type { AppError } from "../../ipc/appError";

/**
 * Sends a form that holds a passphrase: one request at a time, its error kept for the form,
 * and `forget` (emptying the passphrase fields) run whatever the outcome. Unlike
 * useSubmission, the form stays usable after a success: these panels stay on the page.
 */
export function useSecretSubmit() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const submit = async (action: () => Promise<void>, forget: () => void) => {
    if (pending) {
      return;
    }
    setPending(true);
    setError(null);
    try {
      await action();
    } catch (thrown) {
      setError(toAppError(thrown));
    } finally {
      forget();
      setPending(false);
    }
  };

  return { pending, error, submit };
}
