import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { toAppError } from "../../ipc/appError";
import type { AppError } from "../../ipc/appError";
import { FormError } from "../../shared/FormError";
import { invalidProps } from "../../shared/fieldError";
import { isImeComposing } from "../../shared/ime";
import { companyQueries, useCreateCompany } from "../companies/queries";

interface CompanySelectProps {
  value: number | null;
  onChange: (companyId: number | null) => void;
  invalid: boolean;
  disabled: boolean;
}

/**
 * The client's company, chosen from the registered ones; a new one can be registered here
 * without leaving the form (which would lose what was typed), and is then chosen.
 */
export function CompanySelect({ value, onChange, invalid, disabled }: CompanySelectProps) {
  const { t } = useTranslation();
  const id = useId();
  const companies = useQuery(companyQueries.list());
  const none = companies.data?.length === 0;
  const [adding, setAdding] = useState(false);

  return (
    <div className="field company-select">
      <label htmlFor={id}>{t("clients.company")}</label>
      <select
        id={id}
        data-testid="client-company"
        value={value ?? ""}
        onChange={(event) => {
          onChange(event.target.value === "" ? null : Number(event.target.value));
        }}
        disabled={disabled}
        aria-invalid={invalid || undefined}
      >
        <option value="">{t("clients.chooseCompany")}</option>
        {companies.data?.map(({ company }) => (
          <option key={company.id} value={company.id}>
            {company.name}
          </option>
        ))}
      </select>
      {none && <p className="field__hint">{t("clients.noCompanies")}</p>}
      {adding || none ? (
        <NewCompany
          onAdded={(companyId) => {
            setAdding(false);
            onChange(companyId);
          }}
          onCancel={
            none
              ? undefined
              : () => {
                  setAdding(false);
                }
          }
          disabled={disabled}
        />
      ) : (
        <button
          type="button"
          className="link-button company-select__new"
          data-testid="client-new-company-open"
          onClick={() => {
            setAdding(true);
          }}
          disabled={disabled}
        >
          {t("clients.newCompany")}
        </button>
      )}
    </div>
  );
}

interface NewCompanyProps {
  onAdded: (companyId: number) => void;
  onCancel: (() => void) | undefined;
  disabled: boolean;
}

/**
 * Inside the client's form, so not a form of its own: Enter registers the company (unless
 * it confirms an IME conversion) and never submits the client.
 */
function NewCompany({ onAdded, onCancel, disabled }: NewCompanyProps) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState("");
  const [error, setError] = useState<AppError | null>(null);
  const create = useCreateCompany();
  const pending = create.isPending;

  const add = async () => {
    setError(null);
    try {
      const company = await create.mutateAsync({ name });
      onAdded(company.id);
    } catch (thrown) {
      setError(toAppError(thrown));
    }
  };

  return (
    <div className="new-company">
      <label htmlFor={id} className="visually-hidden">
        {t("clients.newCompanyName")}
      </label>
      <input
        id={id}
        type="text"
        data-testid="client-new-company"
        placeholder={t("clients.newCompanyName")}
        value={name}
        onChange={(event) => {
          setName(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter" && !isImeComposing(event)) {
            event.preventDefault();
            void add();
          }
        }}
        autoComplete="off"
        readOnly={disabled || pending}
        {...invalidProps(error, "name")}
      />
      <button
        type="button"
        className="button button--small"
        data-testid="client-add-company"
        onClick={() => {
          void add();
        }}
        disabled={disabled || pending}
      >
        {t("clients.addCompany")}
      </button>
      {onCancel && (
        <button type="button" className="link-button" onClick={onCancel} disabled={pending}>
          {t("clients.cancel")}
        </button>
      )}
      <FormError error={error} testId="company-add-error" />
    </div>
  );
}
