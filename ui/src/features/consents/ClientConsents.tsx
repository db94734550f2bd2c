import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "../../app/navigation";
import type { Consent } from "../../ipc/api";
import { FormError } from "../../shared/FormError";
import { ImeSafeForm } from "../../shared/ImeSafeForm";
import { invalidProps } from "../../shared/fieldError";
import { todayIsoDate } from "../../shared/format";
import { optional } from "../../shared/text";
import { useSubmission } from "../../shared/useSubmission";
import { consentQueries, useRevokeConsent } from "./queries";
import "./consents.css";

/**
 * A client's consents at a glance: to whom, what, and whether each holds today. An active one
 * leads to sharing; any active one can be revoked (it is kept, marked revoked).
 */
export function ClientConsents({ clientId }: { clientId: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const headingId = useId();
  const consents = useQuery(consentQueries.ofClient(clientId));

  return (
    <section className="client-consents" data-testid="client-consents" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("consent.title")}</h2>
      <FormError error={consents.error} testId="consents-load-error" />
      {consents.data?.length === 0 && (
        <p className="quiet" data-testid="consents-none">
          {t("consent.none")}
        </p>
      )}
      <ul className="client-consents__list">
        {(consents.data ?? []).map((consent) => (
          <ConsentItem key={consent.id} consent={consent} />
        ))}
      </ul>
      <button
        type="button"
        className="button"
        data-testid="new-consent"
        onClick={() => {
          void navigate({ name: "consentNew", clientId });
        }}
      >
        {t("consent.new")}
      </button>
    </section>
  );
}

function ConsentItem({ consent }: { consent: Consent }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [revoking, setRevoking] = useState(false);
  const covered = [
    ...consent.parts.map((part) => t(`consent.parts.${part}`)),
    ...(consent.flagIds.length > 0 ? [t("consent.flagsCovered", { n: consent.flagIds.length })] : []),
  ];
  return (
    <li className="consent-item" data-testid="consent-item" data-state={consent.state}>
      <div className="consent-item__head">
        <span className="consent-state" data-state={consent.state} data-testid="consent-state">
          {t(`consent.states.${consent.state}`)}
        </span>
        <strong>
          {t(`consent.recipientKinds.${consent.recipientKind}`)}：{consent.recipientName}
        </strong>
      </div>
      <p className="consent-item__parts">{covered.join("・")}</p>
      <p className="quiet">
        {consent.expiresOn
          ? t("consent.period", { from: consent.grantedOn, to: consent.expiresOn })
          : t("consent.periodOpen", { from: consent.grantedOn })}
        {consent.revokedOn && ` ${t("consent.revokedOnDate", { date: consent.revokedOn })}`}
        {` KZC-${String(consent.id)}`}
      </p>
      {consent.state === "active" && !revoking && (
        <div className="consent-item__actions">
          <button
            type="button"
            className="button button--primary"
            data-testid="share-consent"
            onClick={() => {
              void navigate({ name: "share", clientId: consent.clientId, consentId: consent.id });
            }}
          >
            {t("consent.share")}
          </button>
          <button
            type="button"
            className="link-button"
            data-testid="revoke-consent"
            onClick={() => {
              setRevoking(true);
            }}
          >
            {t("consent.revoke")}
          </button>
        </div>
      )}
      {revoking && (
        <RevokeForm
          consent={consent}
          onDone={() => {
            setRevoking(false);
          }}
        />
      )}
    </li>
  );
}

function RevokeForm({ consent, onDone }: { consent: Consent; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [revokedOn, setRevokedOn] = useState(todayIsoDate);
  const [note, setNote] = useState("");
  const { pending, error, run } = useSubmission();
  const revoke = useRevokeConsent();
  const submit = () =>
    run(async () => {
      await revoke.mutateAsync({ id: consent.id, input: { revokedOn, note: optional(note) } });
      onDone();
    });
  return (
    <ImeSafeForm className="revoke-form" data-testid="revoke-form" aria-label={t("consent.revoke")} onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-on`}>{t("fields.revokedOn")}</label>
        <input
          id={`${id}-on`}
          type="date"
          data-testid="revoked-on"
          value={revokedOn}
          onChange={(event) => {
            setRevokedOn(event.target.value);
          }}
          readOnly={pending}
          {...invalidProps(error, "revokedOn")}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>
          {t("fields.revocationNote")}
          <span className="field__optional">{t("clients.optional")}</span>
        </label>
        <input
          id={`${id}-note`}
          type="text"
          data-testid="revocation-note"
          value={note}
          onChange={(event) => {
            setNote(event.target.value);
          }}
          autoComplete="off"
          readOnly={pending}
        />
      </div>
      <FormError error={error} />
      <p className="quiet">{t("consent.revokeHint")}</p>
      <div className="form-actions">
        <button type="submit" className="button button--danger" data-testid="revoke-save" disabled={pending}>
          {t("consent.revokeConfirm")}
        </button>
        <button type="button" className="button" onClick={onDone} disabled={pending}>
          {t("flags.cancel")}
        </button>
      </div>
    </ImeSafeForm>
  );
}
