import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Program } from "../../ipc/api";
import { FormError } from "../../shared/FormError";
import { ImeSafeForm } from "../../shared/ImeSafeForm";
import { invalidProps } from "../../shared/fieldError";
import { useSubmission } from "../../shared/useSubmission";
import { ContactFields } from "./ContactFields";
import { emptyContact, programDraft, programInput } from "./programDraft";
import type { ProgramDraft } from "./programDraft";
import { useCreateProgram, useUpdateProgram } from "./queries";
import "./programs.css";

interface ProgramFormProps {
  companyId: number;
  /** The program to edit; a new one is added when absent. */
  program?: Program | undefined;
  onSaved: (program: Program) => void;
  onCancel: () => void;
}

/**
 * A program's details and HR contacts, added or edited inline. Nothing typed is lost on an
 * error: the draft stays as it was and the input at fault is marked.
 */
export function ProgramForm({ companyId, program, onSaved, onCancel }: ProgramFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(() => programDraft(program));
  const { pending, error, run } = useSubmission();
  const create = useCreateProgram();
  const update = useUpdateProgram();
  const title = program ? t("programs.editTitle") : t("programs.formTitle");

  const set = (changes: Partial<ProgramDraft>) => {
    setDraft((current) => ({ ...current, ...changes }));
  };

  const submit = () =>
    run(async () => {
      const input = programInput(companyId, draft);
      const saved = program
        ? await update.mutateAsync({ id: program.id, input })
        : await create.mutateAsync(input);
      onSaved(saved);
    });

  const text = (key: "name" | "startsOn" | "endsOn", type: "text" | "date", testId: string, placeholder?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{t(`programs.${key}`)}</label>
      <input
        id={`${id}-${key}`}
        type={type}
        data-testid={testId}
        value={draft[key]}
        onChange={(event) => {
          set({ [key]: event.target.value });
        }}
        placeholder={placeholder}
        autoComplete="off"
        readOnly={pending}
        {...invalidProps(error, key)}
      />
    </div>
  );

  const paragraph = (key: "purpose" | "theme") => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>
        {t(`programs.${key}`)}
        <span className="field__optional">{t("programs.optional")}</span>
      </label>
      <textarea
        id={`${id}-${key}`}
        data-testid={`program-${key}`}
        rows={3}
        value={draft[key]}
        onChange={(event) => {
          set({ [key]: event.target.value });
        }}
        readOnly={pending}
        aria-describedby={`${id}-shared`}
        {...invalidProps(error, key)}
      />
    </div>
  );

  return (
    <ImeSafeForm className="program-form" data-testid="program-form" aria-label={title} onSubmit={submit}>
      <h2>{title}</h2>
      {text("name", "text", "program-name", t("programs.namePlaceholder"))}
      <div className="program-form__period">
        {text("startsOn", "date", "program-starts-on")}
        {text("endsOn", "date", "program-ends-on")}
      </div>
      <p id={`${id}-shared`} className="field__hint">
        {t("programs.sharedHint")}
      </p>
      <div className="program-form__texts">
        {paragraph("purpose")}
        {paragraph("theme")}
      </div>
      <div className="field program-form__k">
        <label htmlFor={`${id}-k`}>{t("programs.k")}</label>
        <input
          id={`${id}-k`}
          type="number"
          min={2}
          max={100}
          step={1}
          data-testid="program-k"
          value={draft.anonymityK}
          onChange={(event) => {
            set({ anonymityK: event.target.value });
          }}
          readOnly={pending}
          aria-describedby={`${id}-k-hint`}
          {...invalidProps(error, "anonymityK")}
        />
        <p id={`${id}-k-hint`} className="field__hint">
          {t("programs.kHint")}
        </p>
      </div>
      <div className="field program-form__k">
        <label htmlFor={`${id}-follow-up`}>{t("fields.followUpAfterDays")}</label>
        <input
          id={`${id}-follow-up`}
          type="number"
          min={1}
          max={3660}
          step={1}
          data-testid="program-follow-up-days"
          value={draft.followUpAfterDays}
          onChange={(event) => {
            set({ followUpAfterDays: event.target.value });
          }}
          readOnly={pending}
          aria-describedby={`${id}-follow-up-hint`}
          {...invalidProps(error, "followUpAfterDays")}
        />
        <p id={`${id}-follow-up-hint`} className="field__hint">
          {t("programs.followUpHint")}
        </p>
      </div>

      <div className="program-form__contacts">
        <h3>{t("programs.contacts")}</h3>
        {draft.contacts.map((contact, index) => (
          <ContactFields
            key={contact.uid}
            contact={contact}
            number={index + 1}
            error={error}
            disabled={pending}
            onChange={(changed) => {
              set({ contacts: draft.contacts.map((each) => (each.uid === changed.uid ? changed : each)) });
            }}
            onRemove={() => {
              set({ contacts: draft.contacts.filter((each) => each.uid !== contact.uid) });
            }}
          />
        ))}
        <button
          type="button"
          className="button program-form__add-contact"
          data-testid="add-contact"
          onClick={() => {
            set({ contacts: [...draft.contacts, emptyContact()] });
          }}
          disabled={pending}
          {...invalidProps(error, "contacts")}
        >
          {t("programs.addContact")}
        </button>
      </div>

      <FormError error={error} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" data-testid="program-save" disabled={pending}>
          {pending ? t("programs.saving") : t("programs.save")}
        </button>
        <button type="button" className="button" data-testid="program-cancel" onClick={onCancel} disabled={pending}>
          {t("programs.cancel")}
        </button>
      </div>
    </ImeSafeForm>
  );
}
