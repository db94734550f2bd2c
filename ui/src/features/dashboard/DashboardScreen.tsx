import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { FormError } from "../../shared/FormError";
import { formatHeldOn } from "../../shared/format";
import { useLanguage } from "../../shared/useLanguage";
import { FollowUps } from "./FollowUps";
import { OpenFlags } from "./OpenFlags";
import { OverdueActions } from "./OverdueActions";
import { RetentionReviews } from "./RetentionReviews";
import { UpcomingInterviews } from "./UpcomingInterviews";
import { dashboardQueries } from "./queries";
import "./dashboard.css";

/**
 * Home, the first page after unlocking: what needs the consultant today and this week.
 * Every entry is one click from the page where it is dealt with.
 */
export function DashboardScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const dashboard = useQuery(dashboardQueries.home());
  const data = dashboard.data;

  return (
    <main className="page" data-testid="dashboard-screen">
      <div className="page__bar">
        <h1>{t("dashboard.title")}</h1>
        {data !== undefined && (
          <p className="quiet" data-testid="dashboard-today">
            {t("dashboard.today", { date: formatHeldOn(data.today, language) })}
          </p>
        )}
      </div>
      <FormError error={dashboard.error} testId="dashboard-load-error" />
      {/* The answer takes milliseconds: nothing until it comes, no spinner. */}
      {data !== undefined && (
        <div className="dashboard">
          <UpcomingInterviews today={data.today} interviews={data.interviews} />
          <FollowUps followUps={data.followUps} />
          <OpenFlags flags={data.openFlags} />
          <OverdueActions actions={data.overdueActions} />
          <RetentionReviews reviews={data.retentionDue} />
        </div>
      )}
    </main>
  );
}
