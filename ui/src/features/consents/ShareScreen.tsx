import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { useNavigate } from "../../app/navigation";
import type { Consent, Flag, SharePart, Summary, SummaryRequest } from "../../ipc/api";
import { FormError } from "../../shared/FormError";
import { PackageExportForm } from "../../shared/PackageExportForm";
import { SaveStatus } from "../interviews/autosave/SaveStatus";
import { textBindings, useAutosave } from "../interviews/autosave/useAutosave";
import type { Autosave } from "../interviews/autosave/useAutosave";
import { flagQueries } from "../flags/queries";
import { contactKeys } from "../programs/contactKeys";
import { programQueries } from "../programs/queries";
import { SummaryPreviewView } from "./SummaryPreviewView";
import { SHARE_PARTS_FOR, consentQueries, useExportSummary, useSaveSummary } from "./queries";
import { toggled } from "../../shared/toggle";
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
        {SHARE_PARTS_FOR.hr.map((part) => (
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
 * The summary's export. No key is chosen for the consultant: the package must open for the
 * consented recipient only, so even the program's HR contacts are offered, never preselected.
 * The summary sent is the one on screen, saved with the export.
 */
function ExportForm({ consent, request, autosave, blocked }: ExportFormProps) {
  const { t } = useTranslation();
  const hr = consent.recipientKind === "hr" && consent.programId !== null;
  const program = useQuery({ ...programQueries.detail(consent.programId ?? 0), enabled: hr });
  const exportSummary = useExportSummary();
  const { reset } = exportSummary;

  return (
    <PackageExportForm
      title={t("share.exportTitle")}
      offeredKeys={hr ? contactKeys(program.data?.contacts ?? []) : []}
      testIdPrefix="share"
      blocked={blocked}
      onForget={reset}
      onExport={async (encryption) => {
        // What is on screen, saved or not, is what goes; the core saves it with the export.
        await autosave.flush();
        return exportSummary.mutateAsync({ request: { ...request, summary: autosave.current() }, ...encryption });
      }}
    />
  );
}
