import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "../../app/navigation";
import { FormError } from "../../shared/FormError";
import { companyQueries } from "../companies/queries";
import { ProgramDetails } from "./ProgramDetails";
import { ProgramForm } from "./ProgramForm";
import { TemplateEditor } from "./TemplateEditor";
import { programQueries } from "./queries";
import "./programs.css";

/** One program: its details and contacts (edited inline), and its sheet template. */
export function ProgramScreen({ programId }: { programId: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const program = useQuery(programQueries.detail(programId));
  const companyId = program.data?.companyId;
  const company = useQuery({ ...companyQueries.detail(companyId ?? 0), enabled: companyId !== undefined });
  const [editing, setEditing] = useState(false);

  return (
    <main className="page" data-testid="program-screen">
      <button
        type="button"
        className="link-button page__back"
        data-testid="back-to-company"
        onClick={() => {
          void navigate(companyId === undefined ? { name: "companies" } : { name: "company", companyId });
        }}
      >
        ← {company.data?.name ?? t("programs.back")}
      </button>
      <FormError error={program.error} testId="load-error" />
      {program.data && (
        <>
          <div className="page__bar">
            <h1 data-testid="program-heading">{program.data.name}</h1>
            <button
              type="button"
              className="button"
              data-testid="open-overall-report"
              onClick={() => {
                void navigate({ name: "overallReport", programId });
              }}
            >
              {t("overall.open")}
            </button>
            {!editing && (
              <button
                type="button"
                className="button"
                data-testid="edit-program"
                onClick={() => {
                  setEditing(true);
                }}
              >
                {t("programs.edit")}
              </button>
            )}
          </div>
          {editing ? (
            <ProgramForm
              companyId={program.data.companyId}
              program={program.data}
              onSaved={() => {
                setEditing(false);
              }}
              onCancel={() => {
                setEditing(false);
              }}
            />
          ) : (
            <ProgramDetails program={program.data} />
          )}
          <TemplateEditor programId={programId} />
        </>
      )}
    </main>
  );
}
