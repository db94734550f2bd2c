import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "../../../app/navigation";
import type { Interview } from "../../../ipc/api";
import { FormError } from "../../../shared/FormError";
import { useLanguage } from "../../../shared/useLanguage";
import { useSubmission } from "../../../shared/useSubmission";
import { clientQueries } from "../../clients/queries";
import { formatHeldOn } from "../../../shared/format";
import { formatInstant, formatMoment } from "../moments";
import { programQueries } from "../../programs/queries";
import { useMarkHeld } from "../queries";
import { InterviewDetailsForm } from "./InterviewDetailsForm";

interface InterviewHeaderProps {
  interview: Interview;
  historyOpen: boolean;
  onToggleHistory: () => void;
}

/** Who, what kind, when, and the few actions an interview page needs; all on one band. */
export function InterviewHeader({ interview, historyOpen, onToggleHistory }: InterviewHeaderProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const client = useQuery(clientQueries.detail(interview.clientId));
  const program = useQuery({
    ...programQueries.detail(interview.programId ?? 0),
    enabled: interview.programId !== null,
  });
  const [editing, setEditing] = useState(false);
  const held = interview.heldAt !== null;

  const facts = [
    interview.scheduledAt && t("interview.scheduledAt", { time: formatMoment(interview.scheduledAt, language) }),
    interview.heldAt && t("interview.heldAt", { time: formatMoment(interview.heldAt, language) }),
    interview.durationMinutes !== null && t("interview.duration", { minutes: interview.durationMinutes }),
    interview.place && t(`interview.places.${interview.place}`),
    interview.followUpDueOn !== null &&
      t("interview.followUpDue", { date: formatHeldOn(interview.followUpDueOn, language) }),
  ].filter((fact): fact is string => typeof fact === "string");

  return (
    <header className="interview-header">
      <button
        type="button"
        className="link-button"
        data-testid="back-to-client"
        onClick={() => {
          void navigate({ name: "client", clientId: interview.clientId });
        }}
      >
        ← {t("interview.back")}
      </button>
      <div className="interview-header__title">
        {client.data && (
          <h1 className="interview-heading" data-testid="interview-client-name">
            <ruby>
              {client.data.name}
              <rt>{client.data.nameKana}</rt>
            </ruby>
          </h1>
        )}
        <span className="interview-header__kind" data-testid="interview-kind-label">
          {t(`interview.kinds.${interview.kind}`)}
        </span>
        {program.data && <span className="interview-header__program">{program.data.name}</span>}
        {held && (
          <span className="held-badge" data-testid="interview-held-badge">
            {t("interview.held")}
          </span>
        )}
      </div>
      {facts.length > 0 && (
        <p className="interview-header__facts" data-testid="interview-facts">
          {facts.join(" · ")}
        </p>
      )}
      {interview.purpose && <p className="interview-header__aim">{t("interview.purpose", { text: interview.purpose })}</p>}
      {interview.theme && <p className="interview-header__aim">{t("interview.theme", { text: interview.theme })}</p>}
      <div className="interview-header__bar">
        <p className="interview-header__stamps" data-testid="interview-stamps">
          {t("interview.created", { time: formatInstant(interview.createdAt, language) })}
          {" · "}
          {t("interview.changed", { time: formatInstant(interview.updatedAt, language) })}
        </p>
        <div className="interview-header__actions">
          <button
            type="button"
            className="button"
            data-testid="edit-details"
            aria-expanded={editing}
            onClick={() => {
              setEditing(!editing);
            }}
          >
            {t("interview.editDetails")}
          </button>
          {held ? (
            <button
              type="button"
              className="button"
              data-testid="history-toggle"
              aria-expanded={historyOpen}
              onClick={onToggleHistory}
            >
              {historyOpen ? t("history.hide") : t("history.show")}
            </button>
          ) : (
            <MarkHeldButton interviewId={interview.id} />
          )}
        </div>
      </div>
      {editing && (
        <InterviewDetailsForm
          interview={interview}
          onDone={() => {
            setEditing(false);
          }}
        />
      )}
    </header>
  );
}

function MarkHeldButton({ interviewId }: { interviewId: number }) {
  const { t } = useTranslation();
  const markHeld = useMarkHeld();
  const submission = useSubmission();
  return (
    <>
      <button
        type="button"
        className="button"
        data-testid="mark-held"
        disabled={submission.pending}
        onClick={() => {
          void submission.run(async () => {
            await markHeld.mutateAsync(interviewId);
          });
        }}
      >
        {submission.pending ? t("interview.marking") : t("interview.markHeld")}
      </button>
      <FormError error={submission.error} testId="mark-held-error" />
    </>
  );
}
