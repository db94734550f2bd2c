import { useTranslation } from "react-i18next";
import { useNavigate } from "../../app/navigation";
import type { OverdueAction } from "../../ipc/api";
import { formatHeldOn } from "../../shared/format";
import { useLanguage } from "../../shared/useLanguage";
import { DashboardEntry } from "./DashboardEntry";
import { DashboardSection } from "./DashboardSection";
import { FirstEntries } from "./FirstEntries";

/** Open action items past their date, oldest date first: each opens its client's plan. */
export function OverdueActions({ actions }: { actions: OverdueAction[] }) {
  const { t } = useTranslation();
  return (
    <DashboardSection
      testId="dashboard-overdue-actions"
      title={t("dashboard.actions.title")}
      count={actions.length}
      none={t("dashboard.actions.none")}
    >
      <FirstEntries
        testId="dashboard-overdue-actions"
        entries={actions}
        render={(action) => <ActionEntry key={action.actionItemId} action={action} />}
      />
    </DashboardSection>
  );
}

function ActionEntry({ action }: { action: OverdueAction }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  return (
    <DashboardEntry
      testId="dashboard-overdue-action"
      hint={t("dashboard.openClient")}
      overdue
      onOpen={() => {
        void navigate({ name: "client", clientId: action.clientId });
      }}
    >
      <span className="dashboard-entry__who">{action.clientName}</span>
      <span className="dashboard-entry__what">{action.what}</span>
      <span className="dashboard-entry__date">
        {t("dashboard.actions.due", { date: formatHeldOn(action.dueOn, language) })}
      </span>
    </DashboardEntry>
  );
}
