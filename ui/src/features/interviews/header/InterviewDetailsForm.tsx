import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Interview, InterviewDetails, Place } from "../../../ipc/api";
import { AppError } from "../../../ipc/appError";
import { invalidProps } from "../../../shared/fieldError";
import { FormError } from "../../../shared/FormError";
import { ImeSafeForm } from "../../../shared/ImeSafeForm";
import { optionalParagraph } from "../../../shared/text";
import { useSubmission } from "../../../shared/useSubmission";
import { KindSelect, ProgramSelect } from "../InterviewChoices";
import { hasTime, PLACES } from "../moments";
import { useClientPrograms, useUpdateInterview } from "../queries";

interface InterviewDetailsFormProps {
  interview: Interview;
  onDone: () => void;
}

/**
 * A time field for `<input type="datetime-local">`, which cannot show a date without a
 * time (the CLI may store one): such a value is kept as it is unless the field is changed.
 */
interface MomentField {
  stored: string | null;
  /** Undefined until the consultant changes the field. */
  typed: string | undefined;
}

function shown(field: MomentField): string {
  return field.typed ?? (hasTime(field.stored) ? field.stored : "");
}

function submitted(field: MomentField): string | null {
  if (field.typed === undefined) {
    return field.stored;
  }
  return field.typed === "" ? null : field.typed;
}

/** Kind, program, times, length, next due date, place, purpose and theme, saved together. */
export function InterviewDetailsForm({ interview, onDone }: InterviewDetailsFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const update = useUpdateInterview();
  const programs = useClientPrograms(interview.clientId, interview.programId);
  const [kind, setKind] = useState(interview.kind);
  const [programId, setProgramId] = useState(interview.programId);
  const [scheduledAt, setScheduledAt] = useState<MomentField>({ stored: interview.scheduledAt, typed: undefined });
  const [heldAt, setHeldAt] = useState<MomentField>({ stored: interview.heldAt, typed: undefined });
  const [duration, setDuration] = useState(interview.durationMinutes?.toString() ?? "");
  const [place, setPlace] = useState(interview.place);
  const [purpose, setPurpose] = useState(interview.purpose ?? "");
  const [theme, setTheme] = useState(interview.theme ?? "");
  const [followUpDueOn, setFollowUpDueOn] = useState(interview.followUpDueOn ?? "");
  // The form closes on success, so the submission's pending state never outlives it.
  const submission = useSubmission();

  const submit = () =>
    submission.run(async () => {
      const minutes = duration.trim() === "" ? null : Number(duration);
      if (minutes !== null && !(Number.isSafeInteger(minutes) && minutes >= 0)) {
        // A fraction or a negative cannot even cross IPC as the core's unsigned minutes: say
        // it as the core says it for a number out of its range.
        throw new AppError("out_of_range", undefined, "durationMinutes");
      }
      const details: InterviewDetails = {
        kind,
        programId,
        scheduledAt: submitted(scheduledAt),
        heldAt: submitted(heldAt),
        durationMinutes: minutes,
        place,
        purpose: optionalParagraph(purpose),
        theme: optionalParagraph(theme),
        followUpDueOn: followUpDueOn === "" ? null : followUpDueOn,
      };
      await update.mutateAsync({ interviewId: interview.id, details });
      onDone();
    });

  const shownError = submission.error;
  const disabled = submission.pending;
  return (
    <ImeSafeForm
      className="details-form"
      data-testid="interview-details-form"
      aria-label={t("interview.detailsTitle")}
      onSubmit={submit}
    >
      <div className="details-form__grid">
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t("interviews.kind")}</label>
          <KindSelect id={`${id}-kind`} testId="details-kind" value={kind} onChange={setKind} disabled={disabled} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-program`}>{t("fields.program")}</label>
          <ProgramSelect
            id={`${id}-program`}
            testId="details-program"
            value={programId}
            onChange={setProgramId}
            disabled={disabled}
            programs={programs}
            error={shownError}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-scheduled`}>{t("fields.scheduledAt")}</label>
          <input
            id={`${id}-scheduled`}
            type="datetime-local"
            data-testid="details-scheduled-at"
            value={shown(scheduledAt)}
            disabled={disabled}
            onChange={(event) => {
              setScheduledAt({ ...scheduledAt, typed: event.target.value });
            }}
            {...invalidProps(shownError, "scheduledAt")}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-held`}>{t("fields.heldAt")}</label>
          <input
            id={`${id}-held`}
            type="datetime-local"
            data-testid="details-held-at"
            value={shown(heldAt)}
            disabled={disabled}
            onChange={(event) => {
              setHeldAt({ ...heldAt, typed: event.target.value });
            }}
            {...invalidProps(shownError, "heldAt")}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-duration`}>{t("fields.durationMinutes")}</label>
          <input
            id={`${id}-duration`}
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            data-testid="details-duration"
            value={duration}
            disabled={disabled}
            onChange={(event) => {
              setDuration(event.target.value);
            }}
            {...invalidProps(shownError, "durationMinutes")}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-follow-up`}>{t("fields.followUpDueOn")}</label>
          <input
            id={`${id}-follow-up`}
            type="date"
            data-testid="details-follow-up-due-on"
            value={followUpDueOn}
            disabled={disabled}
            onChange={(event) => {
              setFollowUpDueOn(event.target.value);
            }}
            {...invalidProps(shownError, "followUpDueOn")}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-place`}>{t("interview.place")}</label>
          <select
            id={`${id}-place`}
            data-testid="details-place"
            value={place ?? ""}
            disabled={disabled}
            onChange={(event) => {
              setPlace(event.target.value === "" ? null : (event.target.value as Place));
            }}
          >
            <option value="">{t("interview.placeNone")}</option>
            {PLACES.map((option) => (
              <option key={option} value={option}>
                {t(`interview.places.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field details-form__wide">
          <label htmlFor={`${id}-purpose`}>{t("fields.purpose")}</label>
          <textarea
            id={`${id}-purpose`}
            data-testid="details-purpose"
            rows={2}
            value={purpose}
            disabled={disabled}
            onChange={(event) => {
              setPurpose(event.target.value);
            }}
            {...invalidProps(shownError, "purpose")}
          />
        </div>
        <div className="field details-form__wide">
          <label htmlFor={`${id}-theme`}>{t("fields.theme")}</label>
          <textarea
            id={`${id}-theme`}
            data-testid="details-theme"
            rows={2}
            value={theme}
            disabled={disabled}
            onChange={(event) => {
              setTheme(event.target.value);
            }}
            {...invalidProps(shownError, "theme")}
          />
        </div>
      </div>
      <FormError error={shownError} testId="details-error" />
      <div className="details-form__actions">
        <button type="submit" className="button button--primary" data-testid="details-save" disabled={disabled}>
          {disabled ? t("interview.saving") : t("interview.save")}
        </button>
        <button type="button" className="button" data-testid="details-cancel" disabled={disabled} onClick={onDone}>
          {t("interview.cancel")}
        </button>
      </div>
    </ImeSafeForm>
  );
}
