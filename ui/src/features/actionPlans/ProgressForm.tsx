import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ActionItem, ActionStatus } from "../../ipc/api";
import { FormError } from "../../shared/FormError";
import { ImeSafeForm } from "../../shared/ImeSafeForm";
import { invalidProps } from "../../shared/fieldError";
import { todayIsoDate } from "../../shared/format";
import { useSubmission } from "../../shared/useSubmission";
import { useAddProgress } from "./queries";
import { StatusField } from "./StatusField";

interface ProgressFormProps {
  item: ActionItem;
  /** The interview on screen: reviewing the item there records the note in it. */
  interviewId?: number | undefined;
  onDone: () => void;
}

/** A dated note of how an item went, perhaps moving it to another status. */
export function ProgressForm({ item, interviewId, onDone }: ProgressFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [note, setNote] = useState("");
  const [notedOn, setNotedOn] = useState(todayIsoDate);
  const [status, setStatus] = useState<ActionStatus>(item.status);
  const { pending, error, run } = useSubmission();
  const addProgress = useAddProgress();

  const submit = () =>
    run(async () => {
      await addProgress.mutateAsync({
        actionItemId: item.id,
        interviewId: interviewId ?? null,
        notedOn,
        note,
        status: status === item.status ? null : status,
      });
      onDone();
    });

  return (
    <ImeSafeForm
      className="progress-form"
      data-testid="progress-form"
      aria-label={interviewId === undefined ? t("actions.addProgress") : t("actions.review")}
      onSubmit={submit}
    >
      <div className="field">
        <label htmlFor={`${id}-note`}>{t("fields.progressNote")}</label>
        <textarea
          id={`${id}-note`}
          data-testid="progress-note"
          rows={2}
          value={note}
          onChange={(event) => {
            setNote(event.target.value);
          }}
          readOnly={pending}
          {...invalidProps(error, "progressNote")}
        />
      </div>
      <div className="action-form__row">
        <div className="field">
          <label htmlFor={`${id}-on`}>{t("fields.notedOn")}</label>
          <input
            id={`${id}-on`}
            type="date"
            data-testid="progress-noted-on"
            value={notedOn}
            onChange={(event) => {
              setNotedOn(event.target.value);
            }}
            readOnly={pending}
            {...invalidProps(error, "notedOn")}
          />
        </div>
        <StatusField
          id={`${id}-status`}
          testId="progress-status"
          value={status}
          onChange={setStatus}
          disabled={pending}
        />
      </div>
      <FormError error={error} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" data-testid="progress-save" disabled={pending}>
          {pending ? t("actions.saving") : t("actions.saveProgress")}
        </button>
        <button type="button" className="button" data-testid="progress-cancel" onClick={onDone} disabled={pending}>
          {t("actions.cancel")}
        </button>
      </div>
    </ImeSafeForm>
  );
}
