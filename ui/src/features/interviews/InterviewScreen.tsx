import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Interview } from "../../ipc/api";
import { FormError } from "../../shared/FormError";
import { ActionPlanPanel } from "../actionPlans/ActionPlanPanel";
import { ClientFlags } from "../flags/ClientFlags";
import { QuestionnairePanel } from "../questionnaires/QuestionnairePanel";
import { InterviewHeader } from "./header/InterviewHeader";
import { HistoryPanel } from "./history/HistoryPanel";
import { NoteEditor } from "./notes/NoteEditor";
import { interviewQueries } from "./queries";
import { useCaptureTargets } from "./sheet/captureTargets";
import { SheetPanel } from "./sheet/SheetPanel";
import { TopicsPanel } from "./topics/TopicsPanel";
import { captureSections } from "./sheet/sectionTitle";
import "./interviews.css";

/** The page an interview is run on: notes, sheet, questionnaire, action plan and flags side by side. */
export function InterviewScreen({ interviewId }: { interviewId: number }) {
  const interview = useQuery(interviewQueries.detail(interviewId));
  return (
    <main className="interview-screen" data-testid="interview-screen">
      {interview.data ? (
        <InterviewPage interview={interview.data} />
      ) : (
        <FormError error={interview.error} testId="load-error" />
      )}
    </main>
  );
}

function InterviewPage({ interview }: { interview: Interview }) {
  const { t } = useTranslation();
  const sheet = useQuery(interviewQueries.sheet(interview.id));
  const targets = useCaptureTargets();
  const [historyOpen, setHistoryOpen] = useState(false);
  const sections = sheet.data ?? [];
  const reviewsThePlan = interview.kind === "follow_up";
  const actionPlan = <ActionPlanPanel clientId={interview.clientId} interviewId={interview.id} />;

  return (
    <>
      <InterviewHeader
        interview={interview}
        historyOpen={historyOpen}
        onToggleHistory={() => {
          setHistoryOpen(!historyOpen);
        }}
      />
      {historyOpen && interview.heldAt !== null && <HistoryPanel interviewId={interview.id} sections={sections} />}
      <div className="interview-screen__work">
        <div className="interview-screen__notes">
          <NoteEditor
            key={interview.id}
            interview={interview}
            sections={captureSections(t, sections)}
            onCapture={targets.capture}
          />
        </div>
        <div className="interview-screen__sheet">
          <FormError error={sheet.error} testId="sheet-load-error" />
          {sheet.data && <SheetPanel sections={sheet.data} targets={targets} />}
        </div>
        <aside className="interview-screen__side" aria-label={t("interview.side")}>
          {/* A follow-up reviews what the client set out to do: the open items lead. */}
          {reviewsThePlan && actionPlan}
          <QuestionnairePanel clientId={interview.clientId} programId={interview.programId} />
          {!reviewsThePlan && actionPlan}
          <ClientFlags clientId={interview.clientId} interviewId={interview.id} />
          <TopicsPanel interviewId={interview.id} />
        </aside>
      </div>
    </>
  );
}
