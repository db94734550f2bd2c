import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "../../app/navigation";
import type { InterviewSummary } from "../../ipc/api";
import { FormError } from "../../shared/FormError";
import { useLanguage } from "../../shared/useLanguage";
import { formatMoment } from "./moments";
import { NewInterviewForm } from "./NewInterviewForm";
import { interviewQueries } from "./queries";
import "./interviews.css";

/** A client's interviews, newest first, each opening its own page; and a new one. */
export function ClientInterviews({ clientId }: { clientId: number }) {
  const { t } = useTranslation();
  const interviews = useQuery(interviewQueries.list(clientId));
  const [adding, setAdding] = useState(false);
  const rows = interviews.data ?? [];

  return (
    <section className="client-interviews" aria-label={t("interviews.title")} data-testid="client-interviews">
      <div className="client-interviews__bar">
        <h2>{t("interviews.title")}</h2>
        {!adding && (
          <button
            type="button"
            className="button"
            data-testid="add-interview"
            onClick={() => {
              setAdding(true);
            }}
          >
            {t("interviews.add")}
          </button>
        )}
      </div>
      {adding && (
        <NewInterviewForm
          clientId={clientId}
          defaultKind={rows.length === 0 ? "initial" : "follow_up"}
          onCancel={() => {
            setAdding(false);
          }}
        />
      )}
      <FormError error={interviews.error} testId="interviews-load-error" />
      {interviews.isSuccess && rows.length === 0 && <p className="quiet">{t("interviews.empty")}</p>}
      {rows.length > 0 && (
        <ul className="interview-list">
          {rows.map((interview) => (
            <InterviewRow key={interview.id} interview={interview} />
          ))}
        </ul>
      )}
    </section>
  );
}

function InterviewRow({ interview }: { interview: InterviewSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const when = interview.heldAt ?? interview.scheduledAt;
  const held = interview.heldAt !== null;
  return (
    <li>
      <button
        type="button"
        className="interview-row"
        data-testid="interview-row"
        onClick={() => {
          void navigate({ name: "interview", interviewId: interview.id });
        }}
      >
        <span className="interview-row__when">{when === null ? "" : formatMoment(when, language)}</span>
        <span className="interview-row__kind">{t(`interview.kinds.${interview.kind}`)}</span>
        <span className={held ? "held-badge" : "scheduled-badge"} data-testid="interview-row-state">
          {held ? t("interview.held") : t("interview.scheduled")}
        </span>
        <span className="interview-row__preview">{interview.notesPreview || t("interviews.noNotes")}</span>
      </button>
    </li>
  );
}
