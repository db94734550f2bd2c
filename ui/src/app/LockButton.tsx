import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../ipc/api";
import { toAppError } from "../ipc/appError";
import type { AppError } from "../ipc/appError";
import { FormError } from "../shared/FormError";
import { usePendingSaves } from "../shared/pendingSaves";

interface LockButtonProps {
  onLocked: () => void;
}

/**
 * Saves the open note, then locks. If the note cannot be saved, locking would lose it:
 * say so inline, and lock without saving only when asked a second time (someone may need
 * to lock now, e.g. when leaving the room).
 */
export function LockButton({ onLocked }: LockButtonProps) {
  const { t } = useTranslation();
  const { flushAll } = usePendingSaves();
  const [pending, setPending] = useState(false);
  const [warnedUnsaved, setWarnedUnsaved] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const lock = async () => {
    setPending(true);
    setError(null);
    const saved = await flushAll();
    if (!saved && !warnedUnsaved) {
      setWarnedUnsaved(true);
      setPending(false);
      return;
    }
    try {
      await api.vaultLock();
      onLocked();
    } catch (thrown) {
      setError(toAppError(thrown));
      setPending(false);
    }
  };

  return (
    <div className="lock">
      <button
        type="button"
        className="button"
        data-testid="lock-button"
        onClick={() => {
          void lock();
        }}
        disabled={pending}
      >
        {t("header.lock")}
      </button>
      {warnedUnsaved && (
        <p className="lock__message" data-testid="lock-warning" role="alert">
          {t("header.lockUnsaved")}
        </p>
      )}
      <FormError error={error} testId="lock-error" />
    </div>
  );
}
