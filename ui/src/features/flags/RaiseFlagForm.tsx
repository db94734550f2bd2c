import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { FlagKind } from "../../ipc/api";
import { FormError } from "../../shared/FormError";
import { ImeSafeForm } from "../../shared/ImeSafeForm";
import { invalidProps } from "../../shared/fieldError";
import { todayIsoDate } from "../../shared/format";
import { optional } from "../../shared/text";
import { useSubmission } from "../../shared/useSubmission";
import { useRaiseFlag } from "./queries";

export const FLAG_KINDS: readonly FlagKind[] = ["mental_health", "life_safety", "organisational"];

interface RaiseFlagFormProps {
  clientId: number;
  interviewId?: number | undefined;
  onDone: () => void;
}

export function RaiseFlagForm({ clientId, interviewId, onDone }: RaiseFlagFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<FlagKind>("mental_health");
  const [note, setNote] = useState("");
  const [referredTo, setReferredTo] = useState("");
  const [raisedOn, setRaisedOn] = useState(todayIsoDate);
  const { pending, error, run } = useSubmission();
  const raise = useRaiseFlag();

  const submit = () =>
    run(async () => {
      await raise.mutateAsync({
        clientId,
        interviewId: interviewId ?? null,
        kind,
        note,
        referredTo: optional(referredTo),
        raisedOn,
        handledOn: null,
      });
      onDone();
    });

  return (
    <ImeSafeForm className="flag-form" data-testid="flag-form" aria-label={t("flags.formTitle")} onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t("flags.kind")}</label>
        <select
          id={`${id}-kind`}
          data-testid="flag-kind"
          value={kind}
          onChange={(event) => {
            setKind(event.target.value as FlagKind);
          }}
          disabled={pending}
        >
          {FLAG_KINDS.map((option) => (
            <option key={option} value={option}>
              {t(`flags.kinds.${option}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t("flags.note")}</label>
        <textarea
          id={`${id}-note`}
          data-testid="flag-note"
          rows={3}
          value={note}
          onChange={(event) => {
            setNote(event.target.value);
          }}
          readOnly={pending}
          {...invalidProps(error, "flagNote")}
        />
      </div>
      <div className="flag-form__row">
        <div className="field">
          <label htmlFor={`${id}-referred`}>
            {t("flags.referredTo")}
            <span className="field__optional">{t("clients.optional")}</span>
          </label>
          <input
            id={`${id}-referred`}
            type="text"
            data-testid="flag-referred-to"
            value={referredTo}
            onChange={(event) => {
              setReferredTo(event.target.value);
            }}
            autoComplete="off"
            readOnly={pending}
            {...invalidProps(error, "referredTo")}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-raised`}>{t("flags.raisedOn")}</label>
          <input
            id={`${id}-raised`}
            type="date"
            data-testid="flag-raised-on"
            value={raisedOn}
            onChange={(event) => {
              setRaisedOn(event.target.value);
            }}
            readOnly={pending}
            {...invalidProps(error, "raisedOn")}
          />
        </div>
      </div>
      <FormError error={error} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" data-testid="flag-save" disabled={pending}>
          {pending ? t("flags.saving") : t("flags.save")}
        </button>
        <button type="button" className="button" data-testid="flag-cancel" onClick={onDone} disabled={pending}>
          {t("flags.cancel")}
        </button>
      </div>
    </ImeSafeForm>
  );
}
