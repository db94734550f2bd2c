import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "../../app/navigation";
import { FormError } from "../../shared/FormError";
import { formatPeriod } from "../../shared/format";
import { useLanguage } from "../../shared/useLanguage";
import { ProgramForm } from "../programs/ProgramForm";
import { programQueries } from "../programs/queries";
import { CompanyNameForm } from "./CompanyNameForm";
import { companyQueries } from "./queries";
import "./companies.css";

/** One company: its name, and its programs (the newest first). */
export function CompanyScreen({ companyId }: { companyId: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const company = useQuery(companyQueries.detail(companyId));
  const programs = useQuery(programQueries.list(companyId));
  const [renaming, setRenaming] = useState(false);
  const [addingProgram, setAddingProgram] = useState(false);

  return (
    <main className="page" data-testid="company-screen">
      <button
        type="button"
        className="link-button page__back"
        data-testid="back-to-companies"
        onClick={() => {
          void navigate({ name: "companies" });
        }}
      >
        ← {t("companies.back")}
      </button>
      {company.data &&
        (renaming ? (
          <CompanyNameForm
            company={company.data}
            onSaved={() => {
              setRenaming(false);
            }}
            onCancel={() => {
              setRenaming(false);
            }}
          />
        ) : (
          <div className="page__bar">
            <h1 data-testid="company-heading">{company.data.name}</h1>
            <button
              type="button"
              className="button"
              data-testid="rename-company"
              onClick={() => {
                setRenaming(true);
              }}
            >
              {t("companies.rename")}
            </button>
          </div>
        ))}
      <FormError error={company.error ?? programs.error} testId="load-error" />

      <section className="company-programs" aria-label={t("companies.programs")}>
        <div className="page__bar">
          <h2>{t("companies.programs")}</h2>
          <button
            type="button"
            className="button"
            data-testid="add-program"
            onClick={() => {
              setAddingProgram(true);
            }}
            disabled={addingProgram}
          >
            {t("companies.addProgram")}
          </button>
        </div>
        {addingProgram && (
          <ProgramForm
            companyId={companyId}
            onSaved={(program) => {
              void navigate({ name: "program", programId: program.id });
            }}
            onCancel={() => {
              setAddingProgram(false);
            }}
          />
        )}
        {programs.data?.length === 0 && !addingProgram && <p className="quiet">{t("companies.noPrograms")}</p>}
        {programs.data !== undefined && programs.data.length > 0 && (
          <ul className="row-list">
            {programs.data.map((program) => (
              <li key={program.id}>
                <button
                  type="button"
                  className="program-row"
                  data-testid="program-row"
                  onClick={() => {
                    void navigate({ name: "program", programId: program.id });
                  }}
                >
                  <span className="program-row__name">{program.name}</span>
                  <span className="quiet">{formatPeriod(program.startsOn, program.endsOn, language)}</span>
                  <span className="quiet">{t("programs.clientCount", { n: program.clientCount })}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
