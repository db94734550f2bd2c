import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "../../app/navigation";
import type { Client } from "../../ipc/api";
import { FormError } from "../../shared/FormError";
import { useLanguage } from "../../shared/useLanguage";
import { useSubmission } from "../../shared/useSubmission";
import { formatInstant } from "../interviews/moments";
import { programQueries } from "../programs/queries";
import { reportQueries, useCreateReport } from "./queries";
import "./reports.css";

/**
 * A client's individual reports (個別報告書), one per program, and the programs of their
 * company that have none yet: a report is drafted from the interviews when it is created.
 */
export function ClientReports({ client }: { client: Client }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const headingId = useId();
  const reports = useQuery(reportQueries.ofClient(client.id));
  const programs = useQuery({
    ...programQueries.list(client.companyId ?? 0),
    enabled: client.companyId !== null,
  });
  const withoutReport = (programs.data ?? []).filter(
    (program) => !(reports.data ?? []).some((report) => report.programId === program.id),
  );
  const [chosen, setChosen] = useState<number | null>(null);
  const programId = chosen ?? withoutReport[0]?.id ?? null;
  const { mutateAsync: create } = useCreateReport();
  const { pending, error, run } = useSubmission();

  const draft = () =>
    run(async () => {
      if (programId === null) {
        return;
      }
      const report = await create({ clientId: client.id, programId });
      await navigate({ name: "report", reportId: report.id });
    });

  return (
    <section className="client-reports" data-testid="client-reports" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("reports.title")}</h2>
      <FormError error={reports.error ?? programs.error} testId="reports-load-error" />
      {reports.data?.length === 0 && <p className="quiet">{t("reports.none")}</p>}
      {client.companyId === null && <p className="quiet">{t("reports.noCompany")}</p>}
      {(reports.data ?? []).length > 0 && (
        <ul className="client-reports__list">
          {(reports.data ?? []).map((report) => (
            <li key={report.id}>
              <button
                type="button"
                className="link-button"
                data-testid="open-report"
                onClick={() => {
                  void navigate({ name: "report", reportId: report.id });
                }}
              >
                {report.programName}
              </button>
              <span className="quiet"> {t("reports.changed", { time: formatInstant(report.updatedAt, language) })}</span>
            </li>
          ))}
        </ul>
      )}
      {withoutReport.length > 0 && (
        <div className="client-reports__draft">
          {withoutReport.length > 1 && (
            <select
              aria-label={t("reports.program")}
              data-testid="report-program"
              value={programId ?? ""}
              onChange={(event) => {
                setChosen(Number(event.target.value));
              }}
            >
              {withoutReport.map((program) => (
                <option key={program.id} value={program.id}>
                  {program.name}
                </option>
              ))}
            </select>
          )}
          <button
            type="button"
            className="button"
            data-testid="draft-report"
            disabled={pending}
            onClick={() => {
              void draft();
            }}
          >
            {withoutReport.length === 1
              ? t("reports.draftFor", { program: withoutReport[0]?.name ?? "" })
              : t("reports.draft")}
          </button>
          <p className="quiet">{t("reports.draftHint")}</p>
        </div>
      )}
      <FormError error={error} testId="draft-report-error" />
    </section>
  );
}
