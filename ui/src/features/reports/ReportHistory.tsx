import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ReportVersion } from "../../ipc/api";
import { FormError } from "../../shared/FormError";
import { useLanguage } from "../../shared/useLanguage";
import { formatInstant } from "../interviews/moments";
import { PART_FIELDS, REPORT_PARTS, reportQueries } from "./queries";

interface ReportHistoryProps {
  reportId: number;
  /** Makes a version the report's text again (ReportScreen saves what is typed first). */
  onRestore: (version: ReportVersion) => void;
  /** A restore is under way: no second one meanwhile. */
  restoring: boolean;
}

/**
 * The report's versions, newest first: as drafted, as each burst of editing left it, as each
 * restoring made it. Any earlier one can be made current again; what it replaces stays here.
 */
export function ReportHistory({ reportId, onRestore, restoring }: ReportHistoryProps) {
  const { t } = useTranslation();
  const versions = useQuery(reportQueries.versions(reportId));
  return (
    <section className="report-history" data-testid="report-history" aria-label={t("reports.history.title")}>
      <h2 className="panel-title">{t("reports.history.title")}</h2>
      <FormError error={versions.error} testId="report-history-error" />
      <ol className="report-history__list">
        {(versions.data ?? []).map((version, index) => (
          <VersionRow
            key={version.id}
            version={version}
            current={index === 0}
            restoring={restoring}
            onRestore={onRestore}
          />
        ))}
      </ol>
    </section>
  );
}

interface VersionRowProps {
  version: ReportVersion;
  current: boolean;
  restoring: boolean;
  onRestore: (version: ReportVersion) => void;
}

function VersionRow({ version, current, restoring, onRestore }: VersionRowProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const started = formatInstant(version.startedAt, language);
  const saved = formatInstant(version.savedAt, language);
  return (
    <li className="report-history__version" data-testid="report-version" data-origin={version.origin}>
      <details>
        <summary>
          <span className="report-history__origin">{t(`reports.history.origins.${version.origin}`)}</span>{" "}
          <span className="quiet">{started === saved ? saved : t("history.span", { start: started, end: saved })}</span>
          {current && <span className="report-history__current"> {t("reports.history.current")}</span>}
        </summary>
        <dl className="report-history__parts">
          {REPORT_PARTS.map((part) => (
            <div key={part}>
              <dt>{t(`reports.parts.${part}`)}</dt>
              <dd>{version.parts[PART_FIELDS[part]] || t("history.emptyText")}</dd>
            </div>
          ))}
        </dl>
        {!current && (
          <button
            type="button"
            className="button"
            data-testid="restore-version"
            disabled={restoring}
            onClick={() => {
              onRestore(version);
            }}
          >
            {t("reports.history.restore")}
          </button>
        )}
      </details>
    </li>
  );
}
