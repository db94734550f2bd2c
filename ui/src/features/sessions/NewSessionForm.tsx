import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../ipc/api";
import type { Session } from "../../ipc/api";
import { toAppError } from "../../ipc/appError";
import type { AppError } from "../../ipc/appError";
import { FormError } from "../../shared/FormError";
import { todayIsoDate } from "../../shared/format";
import { ImeSafeForm } from "../../shared/ImeSafeForm";
import { usePendingSaves } from "../../shared/pendingSaves";

interface NewSessionFormProps {
  clientId: number;
  onCreated: (session: Session) => void;
}

/** A new interview on a date (today unless changed), with empty notes, opened at once. */
export function NewSessionForm({ clientId, onCreated }: NewSessionFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const { flushAll } = usePendingSaves();
  const [heldOn, setHeldOn] = useState(() => todayIsoDate());
  // Not useSubmission: this form stays after a session is added, and flushAll can decline
  // without an error, so pending ends either way.
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const submit = async () => {
    if (pending) {
      return;
    }
    setPending(true);
    setError(null);
    try {
      // The open note is stored before another one replaces it; if that fails, stay.
      if (await flushAll()) {
        onCreated(await api.sessionCreate({ clientId, heldOn, notes: "" }));
      }
    } catch (thrown) {
      setError(toAppError(thrown));
    } finally {
      setPending(false);
    }
  };

  return (
    <ImeSafeForm className="new-session" onSubmit={submit}>
      <label htmlFor={`${id}-date`}>{t("client.date")}</label>
      <div className="new-session__row">
        <input
          id={`${id}-date`}
          type="date"
          data-testid="session-date"
          value={heldOn}
          onChange={(event) => {
            setHeldOn(event.target.value);
          }}
          disabled={pending}
        />
        <button type="submit" className="button" data-testid="add-session" disabled={pending}>
          {t("client.addSession")}
        </button>
      </div>
      <FormError error={error} />
    </ImeSafeForm>
  );
}
