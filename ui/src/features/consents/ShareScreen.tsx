import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { useNavigate } from "../../app/navigation";
import type { Consent, Exported, Flag, SharePart, Summary, SummaryRequest } from "../../ipc/api";
import { toAppError } from "../../ipc/appError";
import type { AppError } from "../../ipc/appError";
import { FormError } from "../../shared/FormError";
import { PassphraseTwice, keyLines } from "../../shared/PassphraseTwice";
import { SaveStatus } from "../interviews/autosave/SaveStatus";
import { textBindings, useAutosave } from "../interviews/autosave/useAutosave";
import type { Autosave } from "../interviews/autosave/useAutosave";
import { flagQueries } from "../flags/queries";
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
  const flags = useQuery(flagQueries.ofClient(clientId));

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
      {consent && summary.data && <Share consent={consent} summary={summary.data} flags={flags.data ?? []} />}
    </main>
  );
}

/** A flag as the consent sheet named it: its kind and the day it was recorded. */
function flagLabel(t: TFunction, flags: Flag[], id: number) {
  const flag = flags.find((candidate) => candidate.id === id);
  return flag
    ? t("consent.flagChoice", { kind: t(`flags.kinds.${flag.kind}`), date: flag.raisedOn })
    : t("share.flagItem", { id });
}

function Share({ consent, summary, flags }: { consent: Consent; summary: Summary; flags: Flag[] }) {
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
        <h2 id={`${id}-summary-title`}>{t("share.summaryTitle")}</h2>
        <p className="quiet">{t("share.summaryHint")}</p>
        <textarea
          id={`${id}-summary`}
          aria-labelledby={`${id}-summary-title`}
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
          <label key={part} className="check-field">
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
          <label key={flagId} className="check-field">
            <input
              type="checkbox"
              data-testid={`share-flag-${String(flagId)}`}
              checked={flagIds.includes(flagId)}
              onChange={() => {
                setFlagIds(toggled(flagIds, flagId));
              }}
            />
            {flagLabel(t, flags, flagId)}
          </label>
        ))}
      </fieldset>
      <section className="share__preview">
        <h2>{t("share.previewTitle")}</h2>
        <FormError error={preview.error} testId="share-preview-error" />
        {uncovered > 0 && preview.data && (
          <p className="form-error" role="alert" data-testid="share-uncovered">
            {t(preview.data.consentState === "active" ? "share.uncovered" : `share.notActive.${preview.data.consentState}`, {
              parts: [
                ...preview.data.uncoveredParts.map((part) => t(`consent.parts.${part}`)),
                ...preview.data.uncoveredFlags.map((flag) => flagLabel(t, flags, flag)),
              ].join(t("share.separator")),
            })}
          </p>
        )}
        {preview.data && <SummaryPreviewView preview={preview.data} />}
      </section>
      <ExportForm
        consent={consent}
        request={request}
        autosave={autosave}
        blocked={uncovered > 0 || !preview.isSuccess}
      />
    </div>
  );
}

interface ExportFormProps {
  consent: Consent;
  request: SummaryRequest;
  autosave: Autosave<string>;
  blocked: boolean;
}

/**
 * Whom the package is encrypted to, and the export. No key is chosen for the consultant: the
 * package must open for the consented recipient only, so even the program's HR contacts are
 * offered, never preselected. The summary sent is the one on screen, saved with the export.
 */
function ExportForm({ consent, request, autosave, blocked }: ExportFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const hr = consent.recipientKind === "hr" && consent.programId !== null;
  const program = useQuery({ ...programQueries.detail(consent.programId ?? 0), enabled: hr });
  const contactKeys = hr
    ? (program.data?.contacts ?? []).flatMap((contact) =>
        contact.recipients.map((key) => ({ key, label: `${contact.name}（${key.slice(0, 16)}…）` })),
      )
    : [];
  const [keys, setKeys] = useState<string[]>([]);
  const [otherKeys, setOtherKeys] = useState("");
  const [usePassphrase, setUsePassphrase] = useState(false);
  const [passphrase, setPassphrase] = useState("");
  const [again, setAgain] = useState("");
  const [armored, setArmored] = useState(false);
  const [exported, setExported] = useState<Exported | null>(null);
  // Not useSubmission: the form stays usable after an export (another key, armored).
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const exportSummary = useExportSummary();
  const { reset } = exportSummary;
  const recipients = [...keys, ...keyLines(otherKeys)];
  const mismatch = usePassphrase && passphrase !== again;
  const forgetPassphrase = () => {
    setPassphrase("");
    setAgain("");
  };
  // The passphrase leaves memory with the page, and with the mutation's own copy.
  useEffect(() => () => {
    reset();
  }, [reset]);

  const submit = async () => {
    if (pending) {
      return;
    }
    setPending(true);
    setError(null);
    setExported(null);
    try {
      // What is on screen, saved or not, is what goes; the core saves it with the export.
      await autosave.flush();
      setExported(
        await exportSummary.mutateAsync({
          request: { ...request, summary: autosave.current() },
          recipients: usePassphrase ? [] : recipients,
          passphrase: usePassphrase ? passphrase : null,
          armored,
        }),
      );
      forgetPassphrase();
    } catch (thrown) {
      setError(toAppError(thrown));
    } finally {
      reset();
      setPending(false);
    }
  };

  return (
    <section className="share__export" data-testid="share-export">
      <h2>{t("share.exportTitle")}</h2>
      <label className="check-field">
        <input
          type="checkbox"
          data-testid="share-use-passphrase"
          checked={usePassphrase}
          onChange={() => {
            setUsePassphrase(!usePassphrase);
            forgetPassphrase();
          }}
        />
        {t("share.usePassphrase")}
      </label>
      {!usePassphrase && (
        <>
          {contactKeys.map(({ key, label }, index) => (
            <label key={key} className="check-field">
              <input
                type="checkbox"
                data-testid={`share-contact-key-${String(index)}`}
                checked={keys.includes(key)}
                onChange={() => {
                  setKeys(toggled(keys, key));
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
        <PassphraseTwice
          label={t("share.passphrase")}
          passphrase={passphrase}
          again={again}
          onPassphrase={setPassphrase}
          onAgain={setAgain}
          testIdPrefix="share"
        >
          <p className="quiet">{t("share.passphraseHint")}</p>
        </PassphraseTwice>
      )}
      <label className="check-field">
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
      <FormError error={error} testId="share-export-error" />
      <button
        type="button"
        className="button button--primary"
        data-testid="share-export-button"
        disabled={pending || blocked || mismatch || (!usePassphrase && recipients.length === 0)}
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
