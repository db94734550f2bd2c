import { useTranslation } from "react-i18next";
import { useNavigate } from "../../app/navigation";
import type { OpenFlag } from "../../ipc/api";
import { formatHeldOn } from "../../shared/format";
import { useLanguage } from "../../shared/useLanguage";
import { DashboardEntry } from "./DashboardEntry";
import { DashboardSection } from "./DashboardSection";

/**
 * Flags not yet handled, oldest first: each opens its client, where it is handled. Always
 * listed in full, unlike Home's other sections: a flag about life and safety must never sit
 * behind a "show all".
 */
export function OpenFlags({ flags }: { flags: OpenFlag[] }) {
  const { t } = useTranslation();
  return (
    <DashboardSection
      testId="dashboard-flags"
      title={t("dashboard.flags.title")}
      count={flags.length}
      none={t("dashboard.flags.none")}
    >
      <ul className="dashboard-list">
        {flags.map((flag) => (
          <FlagEntry key={flag.flagId} flag={flag} />
        ))}
      </ul>
    </DashboardSection>
  );
}

function FlagEntry({ flag }: { flag: OpenFlag }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  return (
    <DashboardEntry
      testId="dashboard-flag"
      hint={t("dashboard.openClient")}
      onOpen={() => {
        void navigate({ name: "client", clientId: flag.clientId });
      }}
    >
      <span className="dashboard-entry__who">{flag.clientName}</span>
      <span className="dashboard-entry__what dashboard-entry__flag">
        <span aria-hidden="true">⚑ </span>
        {t(`flags.kinds.${flag.kind}`)}
      </span>
      <span className="dashboard-entry__date">
        {t("flags.raised", { date: formatHeldOn(flag.raisedOn, language) })}
      </span>
    </DashboardEntry>
  );
}
