import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "../../app/navigation";
import { FormError } from "../../shared/FormError";
import { ReportHistory } from "./ReportHistory";
import { ReportPartEditor } from "./ReportPartEditor";
import { PART_FIELDS, REPORT_PARTS, reportQueries } from "./queries";
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
                />
              ))}
            </div>
            <aside className="report-screen__side">
              <ReportHistory reportId={reportId} />
            </aside>
          </div>
        </>
      )}
    </main>
  );
}
