import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "../../app/navigation";
import { FormError } from "../../shared/FormError";
import { CompanyNameForm } from "./CompanyNameForm";
import { companyQueries } from "./queries";
import "./companies.css";

/** The consultant's client companies, each with how many programs and clients it has. */
export function CompanyListScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const companies = useQuery(companyQueries.list());
  const [adding, setAdding] = useState(false);

  return (
    <main className="page" data-testid="companies-screen">
      <div className="page__bar">
        <h1>{t("companies.title")}</h1>
        <button
          type="button"
          className="button"
          data-testid="add-company"
          onClick={() => {
            setAdding(true);
          }}
          disabled={adding}
        >
          {t("companies.add")}
        </button>
      </div>

      {adding && (
        <CompanyNameForm
          onSaved={() => {
            setAdding(false);
          }}
          onCancel={() => {
            setAdding(false);
          }}
        />
      )}

      <FormError error={companies.error} testId="load-error" />
      {companies.data?.length === 0 && !adding && <p className="quiet">{t("companies.empty")}</p>}
      {companies.data !== undefined && companies.data.length > 0 && (
        <ul className="row-list">
          {companies.data.map(({ company, programCount, clientCount }) => (
            <li key={company.id}>
              <button
                type="button"
                className="company-row"
                data-testid="company-row"
                onClick={() => {
                  void navigate({ name: "company", companyId: company.id });
                }}
              >
                <span className="company-row__name">{company.name}</span>
                <span className="quiet">{t("companies.programCount", { n: programCount })}</span>
                <span className="quiet">{t("companies.clientCount", { n: clientCount })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
