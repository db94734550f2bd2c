import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "../../app/navigation";
import { FormError } from "../../shared/FormError";
import { ReportDocumentView } from "./ReportDocumentView";
import { reportQueries, useSaveReportPdf } from "./queries";
import "./reports.css";

/**
 * The report as a printed page. "Print" opens the system's print dialog; "Save as PDF"
 * has the shell print this page into the Downloads folder without a dialog. The print style
 * sheet leaves only the document on paper.
 */
export function ReportPrintScreen({ reportId }: { reportId: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const document = useQuery(reportQueries.document(reportId));
  // Saved as often as the consultant likes: each PDF gets a name of its own.
  const pdf = useSaveReportPdf();
  // The shell prints what the window shows: only the report as stored now, and nothing else
  // (no page change) until the PDF is written.
  const ready = document.isSuccess && !document.isFetching;

  return (
    <main className="page report-print" data-testid="report-print-screen">
      <div className="report-print__toolbar no-print">
        <button
          type="button"
          className="link-button"
          data-testid="back-to-report"
          disabled={pdf.isPending}
          onClick={() => {
            void navigate({ name: "report", reportId });
          }}
        >
          ← {t("reports.print.back")}
        </button>
        <div className="report-print__actions">
          <button
            type="button"
            className="button"
            data-testid="print-dialog"
            disabled={!ready || pdf.isPending}
            onClick={() => {
              window.print();
            }}
          >
            {t("reports.print.print")}
          </button>
          <button
            type="button"
            className="button button--primary"
            data-testid="save-pdf"
            disabled={!ready || pdf.isPending}
            onClick={() => {
              pdf.mutate(reportId);
            }}
          >
            {pdf.isPending ? t("reports.print.saving") : t("reports.print.savePdf")}
          </button>
        </div>
      </div>
      <div className="no-print">
        <p className="quiet">{t("reports.print.unencrypted")}</p>
        {pdf.isSuccess && (
          <p className="report-print__saved" role="status" data-testid="pdf-saved">
            {t("reports.print.saved", { path: pdf.data })}
          </p>
        )}
        <FormError error={pdf.error ?? document.error} testId="pdf-error" />
      </div>
      {document.data && <ReportDocumentView document={document.data} />}
    </main>
  );
}
