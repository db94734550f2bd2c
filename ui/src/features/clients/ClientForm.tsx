import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AgeBand, Client, ClientStatus } from "../../ipc/api";
import { FormError } from "../../shared/FormError";
import { ImeSafeForm } from "../../shared/ImeSafeForm";
import { invalidProps, isFieldAt } from "../../shared/fieldError";
import { useSubmission } from "../../shared/useSubmission";
import { CompanySelect } from "./CompanySelect";
import { ProgramChoices } from "./ProgramChoices";
import { TagInput } from "./TagInput";
import { AGE_BANDS, STATUSES, clientDraft, clientInput } from "./clientDraft";
import type { ClientDraft } from "./clientDraft";
import { useCreateClient, useUpdateClient } from "./queries";

interface ClientFormProps {
  /** The client to edit; a new one is added when absent. */
  client?: Client | undefined;
  /** The company a new client starts with (the list's filter, say). */
  companyId?: number | null | undefined;
  onSaved: (client: Client) => void;
  onCancel: () => void;
}

type TextKey = "name" | "nameKana" | "employeeNumber" | "department" | "role" | "yearsAtCompany";

/**
 * A client's details, added or edited inline. Names are typed through an IME, so Enter
 * confirming a conversion never saves (ImeSafeForm); a failed save keeps every value and
 * marks the input the core names.
 */
export function ClientForm({ client, companyId = null, onSaved, onCancel }: ClientFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(() => clientDraft(client, companyId));
  const { pending, error, run } = useSubmission();
  const create = useCreateClient();
  const update = useUpdateClient();
  const title = client ? t("clients.editTitle") : t("clients.formTitle");

  const set = (changes: Partial<ClientDraft>) => {
    setDraft((current) => ({ ...current, ...changes }));
  };

  const submit = () =>
    run(async () => {
      const input = clientInput(draft);
      const saved = client ? await update.mutateAsync({ id: client.id, input }) : await create.mutateAsync(input);
      onSaved(saved);
    });

  const label = (key: string, text: string, optional: boolean) => (
    <label htmlFor={`${id}-${key}`}>
      {text}
      {optional && <span className="field__optional">{t("clients.optional")}</span>}
    </label>
  );

  const text = (key: TextKey, testId: string, caption: string, extra: { optional?: boolean; placeholder?: string } = {}) => (
    <div className="field">
      {label(key, caption, extra.optional ?? true)}
      <input
        id={`${id}-${key}`}
        type="text"
        inputMode={key === "yearsAtCompany" ? "numeric" : undefined}
        data-testid={testId}
        value={draft[key]}
        onChange={(event) => {
          set({ [key]: event.target.value });
        }}
        placeholder={extra.placeholder}
        autoFocus={key === "name"}
        autoComplete="off"
        readOnly={pending}
        {...invalidProps(error, key)}
      />
    </div>
  );

  const paragraph = (key: "jobContent" | "desiredCareer", testId: string) => (
    <div className="field">
      {label(key, t(`clients.${key}`), true)}
      <textarea
        id={`${id}-${key}`}
        data-testid={testId}
        rows={3}
        value={draft[key]}
        onChange={(event) => {
          set({ [key]: event.target.value });
        }}
        readOnly={pending}
        {...invalidProps(error, key)}
      />
    </div>
  );

  return (
    <ImeSafeForm className="client-form" data-testid="client-form" aria-label={title} onSubmit={submit}>
      <h2 className="client-form__title">{title}</h2>
      <div className="client-form__grid">
        {text("name", "client-name", t("clients.name"), { optional: false })}
        {text("nameKana", "client-kana", t("clients.kana"), { optional: false, placeholder: t("clients.kanaPlaceholder") })}
        <CompanySelect
          value={draft.companyId}
          onChange={(chosen) => {
            // Programs belong to one company: a choice made for another no longer holds.
            set({ companyId: chosen, programIds: chosen === draft.companyId ? draft.programIds : [] });
          }}
          invalid={isFieldAt(error, "company")}
          disabled={pending}
        />
        {text("employeeNumber", "client-employee-number", t("clients.employeeNumber"))}
        {text("department", "client-department", t("clients.department"))}
        {text("role", "client-role", t("clients.role"))}
        <div className="field">
          {label("ageBand", t("clients.ageBand"), true)}
          <select
            id={`${id}-ageBand`}
            data-testid="client-age-band"
            value={draft.ageBand}
            onChange={(event) => {
              set({ ageBand: event.target.value as AgeBand | "" });
            }}
            disabled={pending}
            {...invalidProps(error, "ageBand")}
          >
            <option value="">{t("clients.notRecorded")}</option>
            {AGE_BANDS.map((band) => (
              <option key={band} value={band}>
                {t(`clients.ageBands.${band}`)}
              </option>
            ))}
          </select>
        </div>
        {text("yearsAtCompany", "client-years", t("clients.years"))}
        <div className="field">
          {label("status", t("clients.status"), false)}
          <select
            id={`${id}-status`}
            data-testid="client-status"
            value={draft.status}
            onChange={(event) => {
              set({ status: event.target.value as ClientStatus });
            }}
            disabled={pending}
          >
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`clients.statuses.${status}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="client-form__grid">
        {paragraph("jobContent", "client-job-content")}
        {paragraph("desiredCareer", "client-desired-career")}
      </div>
      <div className="field">
        {label("tags", t("clients.tags"), true)}
        <TagInput
          id={`${id}-tags`}
          tags={draft.tags}
          text={draft.tagText}
          onChange={(tags, tagText) => {
            set({ tags, tagText });
          }}
          disabled={pending}
          invalid={isFieldAt(error, "tags")}
        />
        <p className="field__hint">{t("clients.tagsHint")}</p>
      </div>
      <ProgramChoices
        companyId={draft.companyId}
        value={draft.programIds}
        onChange={(programIds) => {
          set({ programIds });
        }}
        invalid={isFieldAt(error, "program") || error?.code === "other_company"}
        disabled={pending}
      />
      <FormError error={error} />
      <div className="form-actions">
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
