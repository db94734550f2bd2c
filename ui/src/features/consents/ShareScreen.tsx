import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "../../app/navigation";
import type { Consent, Exported, SharePart, Summary, SummaryRequest } from "../../ipc/api";
import { FormError } from "../../shared/FormError";
import { useSubmission } from "../../shared/useSubmission";
import { SaveStatus } from "../interviews/autosave/SaveStatus";
import { textBindings, useAutosave } from "../interviews/autosave/useAutosave";
import { programQueries } from "../programs/queries";
import { SummaryPreviewView } from "./SummaryPreviewView";
import { SHARE_PARTS, consentQueries, useExportSummary, useSaveSummary } from "./queries";
import { toggled } from "./toggle";
import "./consents.css";

interface ShareScreenProps {
  clientId: number;
  consentId: number;
}

/**
 * Sharing under one consent: the summary written for its recipient, the parts chosen, the
 * package previewed field by field, and its encryption. Export stays closed while anything
 * chosen is outside the consent; the shell refuses it as well.
 */
export function ShareScreen({ clientId, consentId }: ShareScreenProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const consents = useQuery(consentQueries.ofClient(clientId));
  const consent = consents.data?.find((candidate) => candidate.id === consentId);
  const summary = useQuery(consentQueries.summary(consentId));

  return (
    <main className="page share-screen" data-testid="share-screen">
      <button
        type="button"
        className="link-button page__back"
        onClick={() => {
          void navigate({ name: "client", clientId });
        }}
      >
        ← {t("client.back")}
      </button>
      <h1>{t("share.title")}</h1>
      <FormError error={consents.error ?? summary.error} testId="share-load-error" />
      {consent && summary.data && <Share consent={consent} summary={summary.data} />}
    </main>
  );
}

function Share({ consent, summary }: { consent: Consent; summary: Summary }) {
  const { t } = useTranslation();
  const id = useId();
  const { mutateAsync: saveSummary } = useSaveSummary();
  const autosave = useAutosave({
    initial: summary.text,
    initialSavedAt: summary.updatedAt ?? "",
    save: async (text) => {
      const saved = await saveSummary({ consentId: consent.id, text });
      return { updatedAt: saved.updatedAt ?? "" };
    },
  });
  const [parts, setParts] = useState<SharePart[]>(consent.parts);
  const [flagIds, setFlagIds] = useState<number[]>(consent.flagIds);
  // The summary is autosaved on its own: the request uses the saved one.
  const request: SummaryRequest = { consentId: consent.id, parts, flagIds, summary: null };
  const preview = useQuery(consentQueries.preview(request));
  const uncovered = (preview.data?.uncoveredParts.length ?? 0) + (preview.data?.uncoveredFlags.length ?? 0);

  return (
    <div className="share">
      <p className="share__recipient" data-testid="share-recipient">
        {t(`consent.recipientKinds.${consent.recipientKind}`)}：{consent.recipientName}（KZC-{consent.id}）
      </p>
      <section className="share__summary">
        <label htmlFor={`${id}-summary`}>
          <h2>{t("share.summaryTitle")}</h2>
        </label>
        <p className="quiet">{t("share.summaryHint")}</p>
        <textarea
          id={`${id}-summary`}
          className="share__summary-text"
          data-testid="share-summary"
          rows={8}
          spellCheck={false}
          {...textBindings(autosave)}
        />
        <SaveStatus snapshot={autosave.snapshot} testId="share-summary-status" />
      </section>
      <fieldset className="share__parts">
        <legend>{t("share.include")}</legend>
        {SHARE_PARTS.map((part) => (
          <label key={part} className="check">
            <input
              type="checkbox"
              data-testid={`share-part-${part}`}
              checked={parts.includes(part)}
              onChange={() => {
                setParts(toggled(parts, part));
              }}
            />
            {t(`consent.parts.${part}`)}
            {!consent.parts.includes(part) && <span className="share__outside"> {t("share.outside")}</span>}
          </label>
        ))}
        {consent.flagIds.map((flagId) => (
          <label key={flagId} className="check">
            <input
              type="checkbox"
              data-testid={`share-flag-${String(flagId)}`}
              checked={flagIds.includes(flagId)}
              onChange={() => {
                setFlagIds(toggled(flagIds, flagId));
              }}
            />
            {t("share.flagItem", { id: flagId })}
          </label>
        ))}
      </fieldset>
      <section className="share__preview">
        <h2>{t("share.previewTitle")}</h2>
        <FormError error={preview.error} testId="share-preview-error" />
        {uncovered > 0 && preview.data && (
          <p className="form-error" role="alert" data-testid="share-uncovered">
            {t("share.uncovered", {
              parts: [
                ...preview.data.uncoveredParts.map((part) => t(`consent.parts.${part}`)),
                ...preview.data.uncoveredFlags.map((flag) => t("share.flagItem", { id: flag })),
              ].join("、"),
            })}
          </p>
        )}
        {preview.data && <SummaryPreviewView preview={preview.data} />}
      </section>
      <ExportForm consent={consent} request={request} blocked={uncovered > 0 || !preview.isSuccess} />
    </div>
  );
}

function ExportForm({ consent, request, blocked }: { consent: Consent; request: SummaryRequest; blocked: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const program = useQuery({ ...programQueries.detail(consent.programId ?? 0), enabled: consent.programId !== null });
  const contactKeys = (program.data?.contacts ?? []).flatMap((contact) =>
    contact.recipients.map((key) => ({ key, label: `${contact.name}（${key.slice(0, 16)}…）` })),
  );
  const [chosenKeys, setChosenKeys] = useState<string[] | null>(null);
  const keys = chosenKeys ?? contactKeys.map(({ key }) => key);
  const [otherKeys, setOtherKeys] = useState("");
  const [usePassphrase, setUsePassphrase] = useState(false);
  const [passphrase, setPassphrase] = useState("");
  const [again, setAgain] = useState("");
  const [armored, setArmored] = useState(false);
  const [exported, setExported] = useState<Exported | null>(null);
  const { pending, error, run } = useSubmission();
  const exportSummary = useExportSummary();
  const recipients = [
    ...keys,
    ...otherKeys
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== ""),
  ];
  const mismatch = usePassphrase && passphrase !== again;

  const submit = () =>
    run(async () => {
      setExported(null);
      setExported(
        await exportSummary.mutateAsync({
          request,
          recipients: usePassphrase ? [] : recipients,
          passphrase: usePassphrase ? passphrase : null,
          armored,
        }),
      );
      setPassphrase("");
      setAgain("");
    });

  return (
    <section className="share__export" data-testid="share-export">
      <h2>{t("share.exportTitle")}</h2>
      <label className="check">
        <input
          type="checkbox"
          data-testid="share-use-passphrase"
          checked={usePassphrase}
          onChange={() => {
            setUsePassphrase(!usePassphrase);
          }}
        />
        {t("share.usePassphrase")}
      </label>
      {!usePassphrase && (
        <>
          {contactKeys.map(({ key, label }) => (
            <label key={key} className="check">
              <input
                type="checkbox"
                checked={keys.includes(key)}
                onChange={() => {
                  setChosenKeys(toggled(keys, key));
                }}
              />
              {label}
            </label>
          ))}
          <div className="field">
            <label htmlFor={`${id}-keys`}>{t("share.otherKeys")}</label>
            <textarea
              id={`${id}-keys`}
              data-testid="share-keys"
              rows={2}
              spellCheck={false}
              value={otherKeys}
              placeholder="age1…"
              onChange={(event) => {
                setOtherKeys(event.target.value);
              }}
            />
          </div>
        </>
      )}
      {usePassphrase && (
        <div className="consent-form__row">
          <div className="field">
            <label htmlFor={`${id}-passphrase`}>{t("share.passphrase")}</label>
            <input
              id={`${id}-passphrase`}
              type="password"
              data-testid="share-passphrase"
              autoComplete="new-password"
              value={passphrase}
              onChange={(event) => {
                setPassphrase(event.target.value);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-again`}>{t("share.passphraseAgain")}</label>
            <input
              id={`${id}-again`}
              type="password"
              data-testid="share-passphrase-again"
              autoComplete="new-password"
              value={again}
              onChange={(event) => {
                setAgain(event.target.value);
              }}
            />
          </div>
          <p className="quiet">{t("share.passphraseHint")}</p>
        </div>
      )}
      <label className="check">
        <input
          type="checkbox"
          data-testid="share-armored"
          checked={armored}
          onChange={() => {
            setArmored(!armored);
          }}
        />
        {t("share.armored")}
      </label>
      {mismatch && again !== "" && <p className="form-error">{t("share.passphraseMismatch")}</p>}
      <FormError error={error} testId="share-export-error" />
      <button
        type="button"
        className="button button--primary"
        data-testid="share-export-button"
        disabled={pending || blocked || mismatch}
        onClick={() => {
          void submit();
        }}
      >
        {pending ? t("share.exporting") : t("share.export")}
      </button>
      {exported && (
        <p className="share__done" role="status" data-testid="share-exported" data-path={exported.path}>
          {t("share.exported", { path: exported.path })}
          <br />
          <span className="quiet">SHA-256 {exported.sha256}</span>
        </p>
      )}
    </section>
  );
}
