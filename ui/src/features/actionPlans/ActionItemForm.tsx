import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ActionItem, ActionStatus, Smart } from "../../ipc/api";
import { FormError } from "../../shared/FormError";
import { ImeSafeForm } from "../../shared/ImeSafeForm";
import { invalidProps } from "../../shared/fieldError";
import { optionalParagraph } from "../../shared/text";
import { useSubmission } from "../../shared/useSubmission";
import { StatusField } from "./StatusField";
import { useCreateActionItem, useUpdateActionItem } from "./queries";
import { NOTHING_TICKED, SMART_CRITERIA } from "./smart";

interface ActionItemFormProps {
  clientId: number;
  /** The interview on screen: a new item is recorded as decided in it. */
  interviewId?: number | undefined;
  /** The item to edit; absent for a new one. */
  item?: ActionItem | undefined;
  onDone: () => void;
}

/** What, how, by when, the SMART check and the status of one item, new or edited. */
export function ActionItemForm({ clientId, interviewId, item, onDone }: ActionItemFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [what, setWhat] = useState(item?.what ?? "");
  const [how, setHow] = useState(item?.how ?? "");
  const [dueOn, setDueOn] = useState(item?.dueOn ?? "");
  const [smart, setSmart] = useState<Smart>(item?.smart ?? NOTHING_TICKED);
  const [status, setStatus] = useState<ActionStatus>(item?.status ?? "not_started");
  const { pending, error, run } = useSubmission();
  const create = useCreateActionItem();
  const update = useUpdateActionItem();

  const submit = () =>
    run(async () => {
      const input = {
        clientId,
        interviewId: item ? item.interviewId : (interviewId ?? null),
        what,
        how: optionalParagraph(how),
        dueOn: dueOn === "" ? null : dueOn,
        smart,
        status,
      };
      if (item) {
        await update.mutateAsync({ id: item.id, input });
      } else {
        await create.mutateAsync(input);
      }
      onDone();
    });

  // A date before the interview that decided the item comes back as a period ending early.
  const dueInvalid = invalidProps(error, "dueOn");

  return (
    <ImeSafeForm
      className="action-form"
      data-testid="action-form"
      aria-label={item ? t("actions.editTitle") : t("actions.addTitle")}
      onSubmit={submit}
    >
      <div className="field">
        <label htmlFor={`${id}-what`}>{t("fields.what")}</label>
        <textarea
          id={`${id}-what`}
          data-testid="action-what"
          rows={2}
          value={what}
          onChange={(event) => {
            setWhat(event.target.value);
          }}
          readOnly={pending}
          {...invalidProps(error, "what")}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-how`}>
          {t("fields.how")}
          <span className="field__optional">{t("clients.optional")}</span>
        </label>
        <textarea
          id={`${id}-how`}
          data-testid="action-how"
          rows={2}
          value={how}
          onChange={(event) => {
            setHow(event.target.value);
          }}
          readOnly={pending}
          {...invalidProps(error, "how")}
        />
      </div>
      <div className="action-form__row">
        <div className="field">
          <label htmlFor={`${id}-due`}>
            {t("fields.dueOn")}
            <span className="field__optional">{t("clients.optional")}</span>
          </label>
          <input
            id={`${id}-due`}
            type="date"
            data-testid="action-due-on"
            value={dueOn}
            onChange={(event) => {
              setDueOn(event.target.value);
            }}
            readOnly={pending}
            {...dueInvalid}
          />
        </div>
        <StatusField
          id={`${id}-status`}
          testId="action-status"
          value={status}
          onChange={setStatus}
          disabled={pending}
        />
      </div>
      <fieldset className="action-form__smart" disabled={pending}>
        <legend>{t("actions.smartCheck")}</legend>
        {SMART_CRITERIA.map(({ criterion, key, letter }) => (
          <label key={criterion} className="action-form__tick">
            <input
              type="checkbox"
              data-testid={`action-smart-${criterion}`}
              checked={smart[key]}
              onChange={(event) => {
                setSmart({ ...smart, [key]: event.target.checked });
              }}
            />
            <span className="action-form__letter" aria-hidden="true">
              {letter}
            </span>
            {t(`actions.smart.${criterion}`)}
          </label>
        ))}
      </fieldset>
      <FormError error={error} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" data-testid="action-save" disabled={pending}>
          {pending ? t("actions.saving") : t("actions.save")}
        </button>
        <button type="button" className="button" data-testid="action-cancel" onClick={onDone} disabled={pending}>
          {t("actions.cancel")}
        </button>
      </div>
    </ImeSafeForm>
  );
}
