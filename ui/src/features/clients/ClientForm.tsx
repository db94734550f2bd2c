import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../ipc/api";
import type { Client } from "../../ipc/api";
import { FormError } from "../../shared/FormError";
import { ImeSafeForm } from "../../shared/ImeSafeForm";
import { useSubmission } from "../../shared/useSubmission";

interface ClientFormProps {
  onCreated: (client: Client) => void;
  onCancel: () => void;
}

/** Optional fields: blank means "not recorded", which the shell stores as null. */
function optional(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

/**
 * Inline form for a new client. Names are typed through an IME, so Enter confirming a
 * conversion must not save a half-typed name (ImeSafeForm).
 */
export function ClientForm({ onCreated, onCancel }: ClientFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState("");
  const [nameKana, setNameKana] = useState("");
  const [company, setCompany] = useState("");
  const [department, setDepartment] = useState("");
  const { pending, error, run } = useSubmission();

  const submit = () =>
    run(async () => {
      // Name and reading are validated by the shell (empty_name, empty_kana, invalid_kana).
      const client = await api.clientCreate({
        name,
        nameKana,
        company: optional(company),
        department: optional(department),
      });
      onCreated(client);
    });

  const field = (
    key: string,
    label: string,
    value: string,
    setValue: (value: string) => void,
    extra: { placeholder?: string; optional?: boolean; autoFocus?: boolean } = {},
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>
        {label}
        {extra.optional && <span className="field__optional">{t("clients.optional")}</span>}
      </label>
      <input
        id={`${id}-${key}`}
        type="text"
        data-testid={`client-${key}`}
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
        }}
        placeholder={extra.placeholder}
        autoFocus={extra.autoFocus}
        autoComplete="off"
        disabled={pending}
      />
    </div>
  );

  return (
    <ImeSafeForm
      className="client-form"
      data-testid="client-form"
      aria-label={t("clients.formTitle")}
      onSubmit={submit}
    >
      <h2 className="client-form__title">{t("clients.formTitle")}</h2>
      <div className="client-form__grid">
        {field("name", t("clients.name"), name, setName, { autoFocus: true })}
        {field("kana", t("clients.kana"), nameKana, setNameKana, { placeholder: t("clients.kanaPlaceholder") })}
        {field("company", t("clients.company"), company, setCompany, { optional: true })}
        {field("department", t("clients.department"), department, setDepartment, { optional: true })}
      </div>
      <FormError error={error} />
      <div className="client-form__actions">
        <button type="submit" className="button button--primary" data-testid="client-save" disabled={pending}>
          {pending ? t("clients.saving") : t("clients.save")}
        </button>
        <button type="button" className="button" data-testid="client-cancel" onClick={onCancel} disabled={pending}>
          {t("clients.cancel")}
        </button>
      </div>
    </ImeSafeForm>
  );
}
