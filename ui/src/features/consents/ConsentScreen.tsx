import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "../../app/navigation";
import { api } from "../../ipc/api";
import { toAppError } from "../../ipc/appError";
import type { AppError } from "../../ipc/appError";
import type { ConsentInput, ConsentSheet, ObtainedBy, RecipientKind, SharePart, SheetLanguage } from "../../ipc/api";
import { FormError } from "../../shared/FormError";
import { invalidProps } from "../../shared/fieldError";
import { todayIsoDate } from "../../shared/format";
import { optional } from "../../shared/text";
import { useLanguage } from "../../shared/useLanguage";
import { useSubmission } from "../../shared/useSubmission";
import { clientQueries } from "../clients/queries";
import { flagQueries } from "../flags/queries";
import { programQueries } from "../programs/queries";
import { ConsentSheetView } from "./ConsentSheetView";
import { SHARE_PARTS_FOR, useGrantConsent } from "./queries";
import { toggled } from "../../shared/toggle";
import "./consents.css";

const RECIPIENT_KINDS: readonly RecipientKind[] = ["hr", "boss", "supervisor"];
const OBTAINED: readonly ObtainedBy[] = ["written", "verbal", "electronic"];

/**
 * Recording a consent: its terms first, then the explanation sheet made from exactly those
 * terms, printed for the client to read and sign, and only then the consent itself. Changing
 * a term after the sheet was made sets the sheet aside: what is recorded is what was read.
 */
export function ConsentScreen({ clientId }: { clientId: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const id = useId();
  const client = useQuery(clientQueries.detail(clientId));
  const companyId = client.data?.companyId ?? null;
  const programs = useQuery({ ...programQueries.list(companyId ?? 0), enabled: companyId !== null });
  const flags = useQuery(flagQueries.ofClient(clientId));
  const [recipientKind, setRecipientKind] = useState<RecipientKind>("hr");
  const [recipientName, setRecipientName] = useState("");
  const [programId, setProgramId] = useState<number | null>(null);
  const [parts, setParts] = useState<SharePart[]>(["summary"]);
  const [flagIds, setFlagIds] = useState<number[]>([]);
  const [purpose, setPurpose] = useState("");
  const [grantedOn, setGrantedOn] = useState(todayIsoDate);
  const [expiresOn, setExpiresOn] = useState("");
  const [obtainedBy, setObtainedBy] = useState<ObtainedBy>("written");
  const [obtainedNote, setObtainedNote] = useState("");
  const [sheetLanguage, setSheetLanguage] = useState<SheetLanguage>(language);
  // The sheet with the very terms it was made from: those, and nothing typed since, are recorded.
  const [made, setMade] = useState<{ terms: ConsentInput; sheet: ConsentSheet } | null>(null);
  const sheet = made?.sheet ?? null;
  // The sheet is remade as often as the terms change, so making it never locks the form
  // (useSubmission keeps a form locked after success; granting, which leaves the page, does).
  const [making, setMaking] = useState(false);
  const [sheetError, setSheetError] = useState<AppError | null>(null);
  const grantRun = useSubmission();
  const grant = useGrantConsent();
  const chosenProgram = programId ?? programs.data?.[0]?.id ?? null;
  const offeredParts = SHARE_PARTS_FOR[recipientKind];

  const input = (): ConsentInput => ({
    clientId,
    recipientKind,
    recipientName,
    // Only HR belongs to a program here: a boss or a supervisor is named on their own.
    programId: recipientKind === "hr" ? chosenProgram : null,
    // A part ticked for another kind of recipient is not one this recipient is ever sent.
    parts: parts.filter((part) => offeredParts.includes(part)),
    flagIds,
    purpose,
    grantedOn,
    obtainedBy,
    obtainedNote: optional(obtainedNote),
    expiresOn: optional(expiresOn),
  });
  /** Any change to the terms: the sheet made from the old ones no longer stands. */
  const changed = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setMade(null);
  };

  const makeSheet = async () => {
    setMaking(true);
    setSheetError(null);
    try {
      const terms = input();
      setMade({ terms, sheet: await api.consentSheet(terms, sheetLanguage) });
    } catch (thrown) {
      setSheetError(toAppError(thrown));
    } finally {
      setMaking(false);
    }
  };
  const record = () =>
    grantRun.run(async () => {
      if (!made) {
        return;
      }
      await grant.mutateAsync({ ...made.terms, obtainedBy, obtainedNote: optional(obtainedNote) });
      await navigate({ name: "client", clientId });
    });
  const error = sheetError ?? grantRun.error;
  const pending = making || grantRun.pending;

  return (
    <main className="page consent-screen" data-testid="consent-screen">
      <div className="no-print">
        <button
          type="button"
          className="link-button page__back"
          onClick={() => {
            void navigate({ name: "client", clientId });
          }}
        >
          ← {client.data?.name ?? t("client.back")}
        </button>
        <h1>{t("consent.newTitle")}</h1>
        <p className="quiet">{t("consent.newHint")}</p>
        <div className="consent-form" data-testid="consent-form">
          <div className="consent-form__row">
            <div className="field">
              <label htmlFor={`${id}-kind`}>{t("consent.recipientKind")}</label>
              <select
                id={`${id}-kind`}
                data-testid="consent-recipient-kind"
                value={recipientKind}
                disabled={pending}
                onChange={(event) => {
                  changed(setRecipientKind)(event.target.value as RecipientKind);
                }}
              >
                {RECIPIENT_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`consent.recipientKinds.${kind}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-recipient`}>{t("fields.recipientName")}</label>
              <input
                id={`${id}-recipient`}
                type="text"
                data-testid="consent-recipient-name"
                value={recipientName}
                placeholder={t("consent.recipientPlaceholder")}
                autoComplete="off"
                readOnly={pending}
                onChange={(event) => {
                  changed(setRecipientName)(event.target.value);
                }}
                {...invalidProps(error, "recipientName")}
              />
            </div>
            {recipientKind === "hr" && (
              <div className="field">
                <label htmlFor={`${id}-program`}>{t("consent.program")}</label>
                <select
                  id={`${id}-program`}
                  data-testid="consent-program"
                  value={chosenProgram ?? ""}
                  disabled={pending}
                  onChange={(event) => {
                    changed(setProgramId)(Number(event.target.value));
                  }}
                  {...invalidProps(error, "program")}
                >
                  {(programs.data ?? []).map((program) => (
                    <option key={program.id} value={program.id}>
                      {program.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </div>
          <fieldset className="consent-form__parts" {...invalidProps(error, "parts")}>
            <legend>{t("fields.parts")}</legend>
            {offeredParts.map((part) => (
              <label key={part} className="check-field">
                <input
                  type="checkbox"
                  data-testid={`consent-part-${part}`}
                  checked={parts.includes(part)}
                  disabled={pending}
                  onChange={() => {
                    changed(setParts)(toggled(parts, part));
                  }}
                />
                {t(`consent.parts.${part}`)}
              </label>
            ))}
            {(flags.data ?? []).map((flag) => (
              <label key={flag.id} className="check-field consent-form__flag">
                <input
                  type="checkbox"
                  data-testid={`consent-flag-${String(flag.id)}`}
                  checked={flagIds.includes(flag.id)}
                  disabled={pending}
                  onChange={() => {
                    changed(setFlagIds)(toggled(flagIds, flag.id));
                  }}
                />
                {t("consent.flagChoice", { kind: t(`flags.kinds.${flag.kind}`), date: flag.raisedOn })}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-purpose`}>{t("fields.purpose")}</label>
            <textarea
              id={`${id}-purpose`}
              data-testid="consent-purpose"
              rows={2}
              value={purpose}
              readOnly={pending}
              onChange={(event) => {
                changed(setPurpose)(event.target.value);
              }}
              {...invalidProps(error, "purpose")}
            />
          </div>
          <div className="consent-form__row">
            <div className="field">
              <label htmlFor={`${id}-granted`}>{t("fields.grantedOn")}</label>
              <input
                id={`${id}-granted`}
                type="date"
                data-testid="consent-granted-on"
                value={grantedOn}
                readOnly={pending}
                onChange={(event) => {
                  changed(setGrantedOn)(event.target.value);
                }}
                {...invalidProps(error, "grantedOn")}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-expires`}>
                {t("fields.expiresOn")}
                <span className="field__optional">{t("clients.optional")}</span>
              </label>
              <input
                id={`${id}-expires`}
                type="date"
                data-testid="consent-expires-on"
                value={expiresOn}
                readOnly={pending}
                onChange={(event) => {
                  changed(setExpiresOn)(event.target.value);
                }}
                {...invalidProps(error, "expiresOn")}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-sheet-language`}>{t("consent.sheetLanguage")}</label>
              <select
                id={`${id}-sheet-language`}
                data-testid="consent-sheet-language"
                value={sheetLanguage}
                disabled={pending}
                onChange={(event) => {
                  changed(setSheetLanguage)(event.target.value as SheetLanguage);
                }}
              >
                <option value="ja">日本語</option>
                <option value="en">English</option>
              </select>
            </div>
          </div>
          <div className="form-actions">
            <button
              type="button"
              className="button button--primary"
              data-testid="make-consent-sheet"
              disabled={pending}
              onClick={() => {
                void makeSheet();
              }}
            >
              {t("consent.makeSheet")}
            </button>
          </div>
          {!sheet && <FormError error={error} testId="consent-error" />}
        </div>
      </div>
      {sheet && (
        <>
          <div className="consent-screen__sheet-actions no-print">
            <button
              type="button"
              className="button"
              data-testid="print-consent-sheet"
              onClick={() => {
                window.print();
              }}
            >
              {t("reports.print.print")}
            </button>
          </div>
          <ConsentSheetView sheet={sheet} />
          <div className="consent-record no-print" data-testid="consent-record">
            <h2>{t("consent.recordTitle")}</h2>
            <div className="consent-form__row">
              <div className="field">
                <label htmlFor={`${id}-obtained`}>{t("consent.obtainedBy")}</label>
                <select
                  id={`${id}-obtained`}
                  data-testid="consent-obtained-by"
                  value={obtainedBy}
                  disabled={pending}
                  onChange={(event) => {
                    setObtainedBy(event.target.value as ObtainedBy);
                  }}
                >
                  {OBTAINED.map((way) => (
                    <option key={way} value={way}>
                      {t(`consent.obtained.${way}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-obtained-note`}>
                  {t("fields.obtainedNote")}
                  <span className="field__optional">{t("clients.optional")}</span>
                </label>
                <input
                  id={`${id}-obtained-note`}
                  type="text"
                  data-testid="consent-obtained-note"
                  value={obtainedNote}
                  autoComplete="off"
                  readOnly={pending}
                  onChange={(event) => {
                    setObtainedNote(event.target.value);
                  }}
                />
              </div>
            </div>
            <FormError error={error} testId="consent-error" />
            <button
              type="button"
              className="button button--primary"
              data-testid="grant-consent"
              disabled={pending}
              onClick={() => {
                void record();
              }}
            >
              {t("consent.grant")}
            </button>
          </div>
        </>
      )}
    </main>
  );
}
