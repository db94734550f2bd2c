import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "../../app/navigation";
import { FormError } from "../../shared/FormError";
import { ReportDocumentView } from "./ReportDocumentView";
import { reportQueries, useChoosePdfFolder, useSaveReportPdf } from "./queries";
import "./reports.css";

/**
 * The report as a printed page. "Print" (the default) opens the system's print dialog. A PDF
 * is not encrypted, so saving one is a choice made on purpose: the consultant opens the PDF
 * panel, reads why, picks a folder with the system's chooser (never Downloads by default,
 * which indexers and sync clients read) and confirms; the shell, which keeps the folder chosen,
 * then prints this page into it. The print style sheet leaves only the document on paper.
 */
export function ReportPrintScreen({ reportId }: { reportId: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const document = useQuery(reportQueries.document(reportId));
  const [pdfPanel, setPdfPanel] = useState(false);
  const [folder, setFolder] = useState<string | null>(null);
  const [understood, setUnderstood] = useState(false);
  const choose = useChoosePdfFolder();
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
            data-testid="open-pdf-panel"
            aria-expanded={pdfPanel}
            disabled={!ready || pdf.isPending}
            onClick={() => {
              setPdfPanel(true);
            }}
          >
            {t("reports.print.savePdf")}
          </button>
          <button
            type="button"
            className="button button--primary"
            data-testid="print-dialog"
            disabled={!ready || pdf.isPending}
            onClick={() => {
              window.print();
            }}
          >
            {t("reports.print.print")}
          </button>
        </div>
      </div>
      {pdfPanel && (
        <section className="report-print__pdf no-print" data-testid="pdf-panel" aria-labelledby={`${id}-pdf`}>
          <h2 id={`${id}-pdf`}>{t("reports.print.pdfTitle")}</h2>
          <p className="report-print__warning" data-testid="pdf-warning">
            {t("reports.print.unencrypted")}
          </p>
          <p>
            <button
              type="button"
              className="button"
              data-testid="pdf-choose-folder"
              disabled={choose.isPending || pdf.isPending}
              onClick={() => {
                pdf.reset();
                choose.mutate(t("reports.print.chooseTitle"), {
                  onSuccess: (chosen) => {
                    if (chosen !== null) setFolder(chosen);
                  },
                });
              }}
            >
              {t("reports.print.chooseFolder")}
            </button>{" "}
            <span data-testid="pdf-folder">{folder ?? t("reports.print.noFolder")}</span>
          </p>
          <label className="check-field">
            <input
              type="checkbox"
              data-testid="pdf-understood"
              checked={understood}
              onChange={(event) => {
                setUnderstood(event.target.checked);
              }}
            />
            {t("reports.print.understood")}
          </label>
          <p>
            <button
              type="button"
              className="button button--primary"
              data-testid="save-pdf"
              disabled={!ready || folder === null || !understood || pdf.isPending}
              onClick={() => {
                pdf.mutate(reportId);
              }}
            >
              {pdf.isPending ? t("reports.print.saving") : t("reports.print.saveHere")}
            </button>
          </p>
          {pdf.isSuccess && (
            <p className="report-print__saved" role="status" data-testid="pdf-saved">
              {t("reports.print.saved", { path: pdf.data })}
            </p>
          )}
          <FormError error={pdf.error ?? choose.error} testId="pdf-error" />
        </section>
      )}
      <FormError error={document.error} testId="document-error" />
      {document.data && <ReportDocumentView document={document.data} />}
    </main>
  );
}
