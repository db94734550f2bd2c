import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "../../app/navigation";
import type { ReportDocument, ReportVersion } from "../../ipc/api";
import { FormError } from "../../shared/FormError";
import { usePendingSaves } from "../../shared/pendingSaves";
import { SupervisionPanel } from "../supervision/SupervisionPanel";
import { ReportHistory } from "./ReportHistory";
import { ReportPartEditor } from "./ReportPartEditor";
import { PART_FIELDS, REPORT_PARTS, reportKeys, reportQueries, useRestoreReportVersion } from "./queries";
import "./reports.css";

/**
 * An individual report (個別報告書) being written: its four parts, saved as they are typed,
 * beside its history. The printed form is a page of its own.
 */
export function ReportScreen({ reportId }: { reportId: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const document = useQuery(reportQueries.document(reportId));
  const report = document.data?.report;
  const queryClient = useQueryClient();
  const { flushAll } = usePendingSaves();
  const restore = useRestoreReportVersion();
  const [restoring, setRestoring] = useState(false);
  const [unsaved, setUnsaved] = useState(false);

  // What is typed is saved first (a version of its own), the editors are read-only until the
  // restored text is in them, and they reopen on the report the core returned: nothing typed
  // can land on top of the restored text.
  const restoreVersion = (version: ReportVersion) => {
    if (restoring) {
      return;
    }
    setRestoring(true);
    setUnsaved(false);
    void (async () => {
      try {
        if (!(await flushAll())) {
          setUnsaved(true);
          return;
        }
        const restored = await restore.mutateAsync({ reportId, versionId: version.id });
        queryClient.setQueryData<ReportDocument>(reportKeys.document(reportId), (shown) =>
          shown === undefined ? shown : { ...shown, report: restored },
        );
      } catch {
        // The mutation keeps the error, shown below the history.
      } finally {
        setRestoring(false);
      }
    })();
  };
  return (
    <main className="page report-screen" data-testid="report-screen">
      {report && (
        <button
          type="button"
          className="link-button page__back"
          data-testid="back-to-client"
          onClick={() => {
            void navigate({ name: "client", clientId: report.clientId });
          }}
        >
          ← {t("reports.backToClient", { name: document.data?.clientName ?? "" })}
        </button>
      )}
      <FormError error={document.error} testId="report-load-error" />
      {document.data && report && (
        <>
          <div className="page__bar">
            <h1>
              {t("reports.heading")}
              <span className="report-screen__program">{document.data.programName}</span>
            </h1>
            <button
              type="button"
              className="button button--primary"
              data-testid="print-report"
              onClick={() => {
                void navigate({ name: "reportPrint", reportId });
              }}
            >
              {t("reports.print.open")}
            </button>
          </div>
          <p className="quiet">{t("reports.editHint")}</p>
          <div className="report-screen__body">
            <div className="report-screen__parts">
              {REPORT_PARTS.map((part, index) => (
                <ReportPartEditor
                  // A restored version replaces the text: the editors reopen on it.
                  key={`${part}:${report.updatedAt}`}
                  reportId={reportId}
                  part={part}
                  number={index + 1}
                  title={t(`reports.parts.${part}`)}
                  text={report.parts[PART_FIELDS[part]]}
                  savedAt={report.updatedAt}
                  readOnly={restoring}
                />
              ))}
            </div>
            <aside className="report-screen__side">
              <ReportHistory reportId={reportId} onRestore={restoreVersion} restoring={restoring} />
              {unsaved && (
                <p className="form-error" role="alert" data-testid="restore-error">
                  {t("reports.history.unsaved")}
                </p>
              )}
              <FormError error={restore.error} testId="restore-error" />
              <SupervisionPanel reportId={reportId} />
            </aside>
          </div>
        </>
      )}
    </main>
  );
}
