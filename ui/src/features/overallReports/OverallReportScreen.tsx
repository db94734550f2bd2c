import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "../../app/navigation";
import type { OverallText, Program } from "../../ipc/api";
import { FormError } from "../../shared/FormError";
import { PackageExportForm } from "../../shared/PackageExportForm";
import { SaveStatus } from "../interviews/autosave/SaveStatus";
import { textBindings, useAutosave } from "../interviews/autosave/useAutosave";
import { contactKeys } from "../programs/contactKeys";
import { programQueries } from "../programs/queries";
import { OverallPreviewView } from "./OverallPreviewView";
import { overallQueries, useExportOverall, useSaveOverallText } from "./queries";
import "./overallReports.css";

/**
 * A program's overall report (全体報告書): the consultant's findings and proposals, the report
 * exactly as it will be sent, and its export. Nothing in it names anyone: groups and counts
 * below the program's k are hidden by the core, and the export is refused while the text
 * holds a client's name or employee number.
 */
export function OverallReportScreen({ programId }: { programId: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const program = useQuery(programQueries.detail(programId));
  const text = useQuery(overallQueries.text(programId));

  return (
    <main className="page overall-screen" data-testid="overall-screen">
      <button
        type="button"
        className="link-button page__back"
        data-testid="back-to-program"
        onClick={() => {
          void navigate({ name: "program", programId });
        }}
      >
        ← {program.data?.name ?? t("overall.backToProgram")}
      </button>
      <h1>{t("overall.title")}</h1>
      <FormError error={program.error ?? text.error} testId="overall-load-error" />
      {program.data && text.data && <OverallReport program={program.data} text={text.data} />}
    </main>
  );
}

function OverallReport({ program, text }: { program: Program; text: OverallText }) {
  const { t } = useTranslation();
  const id = useId();
  const { mutateAsync: saveText } = useSaveOverallText();
  // One row holds both texts: each editor saves its own value with the other's last one sent,
  // so whichever saves last stores what both hold.
  // Not state: nothing renders from it. Saves run one after another, each sending both
  // texts as they stand when it runs, so the last to run stores the latest pair.
  const [saving] = useState(() => ({
    latest: { findings: text.findings, proposals: text.proposals },
    queue: Promise.resolve(),
  }));
  const saveField = (field: "findings" | "proposals") => (value: string) => {
    saving.latest[field] = value;
    const run = saving.queue.then(() => saveText({ programId: program.id, text: { ...saving.latest } }));
    saving.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run.then((saved) => ({ updatedAt: saved.updatedAt ?? "" }));
  };
  const findings = useAutosave({
    initial: text.findings,
    initialSavedAt: text.updatedAt ?? "",
    save: saveField("findings"),
  });
  const proposals = useAutosave({
    initial: text.proposals,
    initialSavedAt: text.updatedAt ?? "",
    save: saveField("proposals"),
  });
  const preview = useQuery(overallQueries.preview(program.id));
  const exportOverall = useExportOverall();
  const { reset } = exportOverall;
  const identifiers = preview.data?.identifiersInText ?? [];

  return (
    <div className="overall">
      <p className="quiet">{t("overall.hint")}</p>
      <section className="overall__text">
        <h2 id={`${id}-findings`}>{t("fields.findings")}</h2>
        <textarea
          aria-labelledby={`${id}-findings`}
          data-testid="overall-findings"
          rows={6}
          spellCheck={false}
          {...textBindings(findings)}
        />
        <SaveStatus snapshot={findings.snapshot} testId="overall-findings-status" />
        <h2 id={`${id}-proposals`}>{t("fields.proposals")}</h2>
        <textarea
          aria-labelledby={`${id}-proposals`}
          data-testid="overall-proposals"
          rows={5}
          spellCheck={false}
          {...textBindings(proposals)}
        />
        <SaveStatus snapshot={proposals.snapshot} testId="overall-proposals-status" />
        {identifiers.length > 0 && (
          <p className="form-error" role="alert" data-testid="overall-identifiers">
            {t("overall.identifiers", { found: identifiers.join(t("share.separator")) })}
          </p>
        )}
      </section>
      <section className="overall__preview">
        <h2>{t("overall.previewTitle")}</h2>
        <FormError error={preview.error} testId="overall-preview-error" />
        {preview.data && <OverallPreviewView document={preview.data.document} />}
      </section>
      <PackageExportForm
        title={t("share.exportTitle")}
        offeredKeys={contactKeys(program.contacts)}
        testIdPrefix="overall"
        blocked={identifiers.length > 0 || !preview.isSuccess}
        onForget={reset}
        onExport={async (encryption) => {
          // What is on screen is what goes: both texts are stored before the export reads them.
          await findings.flush();
          await proposals.flush();
          return exportOverall.mutateAsync({ programId: program.id, ...encryption });
        }}
      />
    </div>
  );
}
