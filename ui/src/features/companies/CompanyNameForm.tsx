import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Company } from "../../ipc/api";
import { FormError } from "../../shared/FormError";
import { ImeSafeForm } from "../../shared/ImeSafeForm";
import { invalidProps } from "../../shared/fieldError";
import { useSubmission } from "../../shared/useSubmission";
import { useCreateCompany, useRenameCompany } from "./queries";

interface CompanyNameFormProps {
  /** The company to rename; a new one is added when absent. */
  company?: Company | undefined;
  onSaved: (company: Company) => void;
  onCancel: () => void;
}

/** A company's name, added or changed inline. Company names are typed through an IME. */
export function CompanyNameForm({ company, onSaved, onCancel }: CompanyNameFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState(company?.name ?? "");
  const { pending, error, run } = useSubmission();
  const create = useCreateCompany();
  const rename = useRenameCompany();
  const title = company ? t("companies.renameTitle") : t("companies.formTitle");

  const submit = () =>
    run(async () => {
      // Blank and duplicate names are the core's to refuse (required, duplicate).
      const saved = company
        ? await rename.mutateAsync({ id: company.id, input: { name } })
        : await create.mutateAsync({ name });
      onSaved(saved);
    });

  return (
    <ImeSafeForm className="company-form" data-testid="company-form" aria-label={title} onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t("companies.name")}</label>
        <input
          id={`${id}-name`}
          type="text"
          data-testid="company-name"
          value={name}
          onChange={(event) => {
            setName(event.target.value);
          }}
          autoFocus
          autoComplete="off"
          readOnly={pending}
          {...invalidProps(error, "name")}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" data-testid="company-save" disabled={pending}>
          {pending ? t("companies.saving") : t("companies.save")}
        </button>
        <button type="button" className="button" data-testid="company-cancel" onClick={onCancel} disabled={pending}>
          {t("companies.cancel")}
        </button>
      </div>
      <FormError error={error} />
    </ImeSafeForm>
  );
}
