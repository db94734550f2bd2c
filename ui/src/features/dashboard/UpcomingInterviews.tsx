import { useTranslation } from "react-i18next";
import { useNavigate } from "../../app/navigation";
import type { UpcomingInterview } from "../../ipc/api";
import { useLanguage } from "../../shared/useLanguage";
import { formatMoment, hasTime } from "../interviews/moments";
import { DashboardEntry } from "./DashboardEntry";
import { DashboardSection } from "./DashboardSection";

interface UpcomingInterviewsProps {
  /** The day the dashboard was drawn for, `YYYY-MM-DD`. */
  today: string;
  /** From today to six days on, in time order (as the core sorts them). */
  interviews: UpcomingInterview[];
}

/** Today's interviews first, always with a line of their own; the rest of the week below. */
export function UpcomingInterviews({ today, interviews }: UpcomingInterviewsProps) {
  const { t } = useTranslation();
  // `at` is `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`: its first ten characters are the day.
  const todays = interviews.filter((interview) => interview.at.slice(0, 10) === today);
  const later = interviews.filter((interview) => interview.at.slice(0, 10) !== today);
  return (
    <DashboardSection
      testId="dashboard-interviews"
      title={t("dashboard.interviews.title")}
      count={interviews.length}
      none={t("dashboard.interviews.none")}
    >
      <h3 className="dashboard-section__day">{t("dashboard.interviews.today")}</h3>
      {todays.length === 0 ? (
        <p className="quiet">{t("dashboard.interviews.noneToday")}</p>
      ) : (
        <ul className="dashboard-list" data-testid="dashboard-interviews-today">
          {todays.map((interview) => (
            <InterviewEntry key={interview.interviewId} interview={interview} isToday />
          ))}
        </ul>
      )}
      {later.length > 0 && (
        <>
          <h3 className="dashboard-section__day">{t("dashboard.interviews.later")}</h3>
          <ul className="dashboard-list" data-testid="dashboard-interviews-later">
            {later.map((interview) => (
              <InterviewEntry key={interview.interviewId} interview={interview} isToday={false} />
            ))}
          </ul>
        </>
      )}
    </DashboardSection>
  );
}

function InterviewEntry({ interview, isToday }: { interview: UpcomingInterview; isToday: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  // Under "today" the day goes without saying: the time alone, or that none is set.
  const when = !isToday
    ? formatMoment(interview.at, language)
    : hasTime(interview.at)
      ? interview.at.slice(11)
      : t("dashboard.interviews.noTime");
  return (
    <DashboardEntry
      testId="dashboard-interview"
      hint={t("dashboard.openInterview")}
      timed
      onOpen={() => {
        void navigate({ name: "interview", interviewId: interview.interviewId });
      }}
    >
      <span className="dashboard-entry__when">{when}</span>
      <span className="dashboard-entry__who">{interview.clientName}</span>
      <span className="dashboard-entry__what">{t(`interview.kinds.${interview.kind}`)}</span>
      <span className={interview.held ? "dashboard-badge dashboard-badge--held" : "dashboard-badge"}>
        {interview.held ? t("interview.held") : t("interview.scheduled")}
      </span>
    </DashboardEntry>
  );
}
