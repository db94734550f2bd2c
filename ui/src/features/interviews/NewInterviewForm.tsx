import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "../../app/navigation";
import type { InterviewKind } from "../../ipc/api";
import { invalidProps } from "../../shared/fieldError";
import { FormError } from "../../shared/FormError";
import { ImeSafeForm } from "../../shared/ImeSafeForm";
import { useSubmission } from "../../shared/useSubmission";
import { KindSelect, ProgramSelect } from "./InterviewChoices";
import { localMomentNow } from "./moments";
import { useClientPrograms, useCreateInterview } from "./queries";

interface NewInterviewFormProps {
  clientId: number;
  /** The kind most likely next: a first interview, or a follow-up. */
  defaultKind: InterviewKind;
  onCancel: () => void;
}

/** A new interview: kind, program and time; it opens at once, ready for notes. */
export function NewInterviewForm({ clientId, defaultKind, onCancel }: NewInterviewFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const createInterview = useCreateInterview();
  const submission = useSubmission();
  const programs = useClientPrograms(clientId);
  const [kind, setKind] = useState(defaultKind);
  // One program is the usual case: it is the one meant. With several, the consultant picks.
  // Untouched (undefined) follows that rule; a choice, "none" included, is kept.
  const [programId, setProgramId] = useState<number | null | undefined>(undefined);
  const onlyProgram = programs.length === 1 ? (programs[0]?.id ?? null) : null;
  const chosenProgram = programId === undefined ? onlyProgram : programId;
  const [scheduledAt, setScheduledAt] = useState(() => localMomentNow());

  const submit = () =>
    submission.run(async () => {
      const created = await createInterview.mutateAsync({
        clientId,
        details: {
          programId: chosenProgram,
          kind,
          scheduledAt: scheduledAt === "" ? null : scheduledAt,
          heldAt: null,
          durationMinutes: null,
          place: null,
          purpose: null,
          theme: null,
        },
      });
      await navigate({ name: "interview", interviewId: created.id });
    });

  const disabled = submission.pending;
  return (
    <ImeSafeForm className="new-interview" data-testid="new-interview-form" onSubmit={submit}>
      <div className="new-interview__fields">
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t("interviews.kind")}</label>
          <KindSelect id={`${id}-kind`} testId="interview-kind" value={kind} onChange={setKind} disabled={disabled} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-program`}>{t("interviews.program")}</label>
          <ProgramSelect
            id={`${id}-program`}
            testId="interview-program"
            value={chosenProgram}
            onChange={setProgramId}
            disabled={disabled}
            programs={programs}
            error={submission.error}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-at`}>{t("fields.scheduledAt")}</label>
          <input
            id={`${id}-at`}
            type="datetime-local"
            data-testid="interview-scheduled-at"
            value={scheduledAt}
            onChange={(event) => {
              setScheduledAt(event.target.value);
            }}
            disabled={disabled}
            {...invalidProps(submission.error, "scheduledAt")}
          />
        </div>
      </div>
      <FormError error={submission.error} testId="interview-create-error" />
      <div className="new-interview__actions">
        <button type="submit" className="button button--primary" data-testid="interview-create" disabled={disabled}>
          {disabled ? t("interviews.creating") : t("interviews.create")}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={disabled}>
          {t("interviews.cancel")}
        </button>
      </div>
    </ImeSafeForm>
  );
}
