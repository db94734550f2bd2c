import { useTranslation } from "react-i18next";
import type { ReportDocument } from "../../ipc/api";
import { formatHeldOn, todayIsoDate } from "../../shared/format";
import { useLanguage } from "../../shared/useLanguage";
import { formatMoment } from "../interviews/moments";
import { PART_FIELDS, REPORT_PARTS } from "./queries";

/**
 * The report as it is printed: an A4 document set for Japanese (see `reports.css`: strict
 * line breaking, hanging punctuation, Mincho body and Gothic headings). What the screen
 * shows here is what the PDF holds.
 */
export function ReportDocumentView({ document }: { document: ReportDocument }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { report } = document;
  const affiliation = [document.companyName, document.department, document.role]
    .filter((part) => part !== null && part !== "")
    .join("　");
  return (
    <article className="report-document" data-testid="report-document" lang={language}>
      <p className="report-document__mark">{t("reports.print.confidential")}</p>
      <h1 className="report-document__title">{t("reports.heading")}</h1>
      <p className="report-document__program">{document.programName}</p>
      <table className="report-document__facts">
        <tbody>
          <tr>
            <th scope="row">{t("reports.print.client")}</th>
            <td data-testid="report-document-client">
              {document.clientName}（{document.clientNameKana}）
            </td>
          </tr>
          <tr>
            <th scope="row">{t("reports.print.affiliation")}</th>
            <td>{affiliation}</td>
          </tr>
          <tr>
            <th scope="row">{t("reports.print.interviews")}</th>
            <td>
              {document.interviews.length === 0
                ? t("reports.print.noInterviews")
                : document.interviews.map((interview) => (
                    <span className="report-document__interview" key={interview.id}>
                      {formatMoment(interview.heldAt, language)} {t(`interview.kinds.${interview.kind}`)}
                    </span>
                  ))}
            </td>
          </tr>
          <tr>
            <th scope="row">{t("reports.print.date")}</th>
            <td>{formatHeldOn(todayIsoDate(), language)}</td>
          </tr>
        </tbody>
      </table>
      {REPORT_PARTS.map((part, index) => {
        const text = report.parts[PART_FIELDS[part]];
        return (
          <section className="report-document__part" key={part}>
            <h2>
              {index + 1}. {t(`reports.parts.${part}`)}
            </h2>
            {text.trim() === "" ? (
              <p className="report-document__empty">{t("reports.print.emptyPart")}</p>
            ) : (
              // What the consultant wrote is Japanese, whatever the UI's language: it is set
              // (line breaking, fonts) as Japanese.
              <p className="report-document__text" lang="ja" data-testid={`report-document-${part}`}>
                {text}
              </p>
            )}
          </section>
        );
      })}
    </article>
  );
}
