import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../ipc/appError";
import { isFieldAt } from "../../shared/fieldError";
import type { ContactDraft } from "./programDraft";

interface ContactFieldsProps {
  contact: ContactDraft;
  /** 1-based, to tell the contacts apart for a screen reader. */
  number: number;
  onChange: (contact: ContactDraft) => void;
  onRemove: () => void;
  error: AppError | null;
  disabled: boolean;
}

/**
 * One HR contact. The core's errors name the field, not the contact, so the inputs that
 * can be at fault are marked: a blank name, a role, recipients that were typed.
 */
export function ContactFields({ contact, number, onChange, onRemove, error, disabled }: ContactFieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  const set = (changes: Partial<ContactDraft>) => {
    onChange({ ...contact, ...changes });
  };
  const nameInvalid = isFieldAt(error, "contactName") && contact.name.trim() === "";
  const roleInvalid = isFieldAt(error, "contactRole") && contact.role.trim() !== "";
  const recipientsInvalid = isFieldAt(error, "recipients") && contact.recipients.trim() !== "";

  return (
    <fieldset className="contact-fields" data-testid="contact">
      <legend className="visually-hidden">{`${t("programs.contacts")} ${number}`}</legend>
      <div className="contact-fields__row">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t("programs.contactName")}</label>
          <input
            id={`${id}-name`}
            type="text"
            data-testid="contact-name"
            value={contact.name}
            onChange={(event) => {
              set({ name: event.target.value });
            }}
            autoComplete="off"
            readOnly={disabled}
            aria-invalid={nameInvalid || undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>
            {t("programs.contactRole")}
            <span className="field__optional">{t("programs.optional")}</span>
          </label>
          <input
            id={`${id}-role`}
            type="text"
            data-testid="contact-role"
            value={contact.role}
            onChange={(event) => {
              set({ role: event.target.value });
            }}
            autoComplete="off"
            readOnly={disabled}
            aria-invalid={roleInvalid || undefined}
          />
        </div>
        <button
          type="button"
          className="link-button contact-fields__remove"
          data-testid="contact-remove"
          onClick={onRemove}
          disabled={disabled}
        >
          {t("programs.removeContact")}
        </button>
      </div>
      <div className="field">
        <label htmlFor={`${id}-recipients`}>{t("programs.contactRecipients")}</label>
        <textarea
          id={`${id}-recipients`}
          className="contact-fields__recipients"
          data-testid="contact-recipients"
          rows={2}
          value={contact.recipients}
          onChange={(event) => {
            set({ recipients: event.target.value });
          }}
          spellCheck={false}
          autoComplete="off"
          readOnly={disabled}
          aria-invalid={recipientsInvalid || undefined}
          aria-describedby={`${id}-recipients-hint`}
        />
        <p id={`${id}-recipients-hint`} className="field__hint">
          {t("programs.recipientsHint")}
        </p>
      </div>
    </fieldset>
  );
}
