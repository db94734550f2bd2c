import { useTranslation } from "react-i18next";
import { useNavigate } from "../../app/navigation";
import type { FollowUpDue } from "../../ipc/api";
import { formatHeldOn } from "../../shared/format";
import { useLanguage } from "../../shared/useLanguage";
import { CalendarExport } from "./CalendarExport";
import { DashboardEntry } from "./DashboardEntry";
import { DashboardSection } from "./DashboardSection";
import { FirstEntries } from "./FirstEntries";

/**
 * Clients whose next interview falls due soon or is overdue, soonest first. An entry opens
 * the client, where that next interview is added.
 */
export function FollowUps({ followUps }: { followUps: FollowUpDue[] }) {
  const { t } = useTranslation();
  return (
    <DashboardSection
      testId="dashboard-follow-ups"
      title={t("dashboard.followUps.title")}
      count={followUps.length}
      none={t("dashboard.followUps.none")}
      footer={<CalendarExport />}
    >
      <FirstEntries
        testId="dashboard-follow-ups"
        entries={followUps}
        render={(followUp) => <FollowUpEntry key={followUp.interviewId} followUp={followUp} />}
      />
    </DashboardSection>
  );
}

function FollowUpEntry({ followUp }: { followUp: FollowUpDue }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  return (
    <DashboardEntry
      testId="dashboard-follow-up"
      hint={t("dashboard.openClient")}
      overdue={followUp.overdue}
      onOpen={() => {
        void navigate({ name: "client", clientId: followUp.clientId });
      }}
    >
      <span className="dashboard-entry__who">{followUp.clientName}</span>
      <span className="dashboard-entry__what">
        {t("dashboard.followUps.due", { date: formatHeldOn(followUp.dueOn, language) })}
      </span>
      {followUp.overdue && (
        <span className="dashboard-badge dashboard-badge--overdue">{t("dashboard.followUps.overdue")}</span>
      )}
    </DashboardEntry>
  );
}
