import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReportPart, ReportParts, SupervisionDocument } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import { FormError } from "../../shared/FormError";
import { PackageExportForm } from "../../shared/PackageExportForm";
import { usePendingSaves } from "../../shared/pendingSaves";
import { supervisionQueries, useExportSupervision } from "./queries";
import { ReviewedText } from "./ReviewedText";
import "./supervision.css";

const QUESTION_PAUSE_MS = 400;

/** The report's parts in its order: the document's key and the part's wire name. */
const REPORT_PARTS: readonly (readonly [keyof ReportParts, ReportPart])[] = [
  ["careerAwareness", "career_awareness"],
  ["workplace", "workplace"],
  ["organisational", "organisational"],
  ["proposedSupport", "proposed_support"],
];

/**
 * Sending the report to a supervisor: a question for them, the report exactly as they will
 * receive it (pseudonymised unless a consent names a supervisor), and its export.
 */
export function SupervisionPanel({ reportId }: { reportId: number }) {
  const { t } = useTranslation();
  // Nothing is gathered until the consultant opens it.
  const [open, setOpen] = useState(false);
  return (
    <details
      className="supervision-panel"
      data-testid="supervision-panel"
      onToggle={(event) => {
        setOpen(event.currentTarget.open);
      }}
    >
      <summary data-testid="supervision-toggle">{t("supervision.title")}</summary>
      {open && <Supervision reportId={reportId} />}
    </details>
  );
}

function Supervision({ reportId }: { reportId: number }) {
  const { t } = useTranslation();
  const id = useId();
  const { flushAll } = usePendingSaves();
  const [question, setQuestion] = useState("");
  // The preview follows the question once typing pauses, not at every key.
  const [previewed, setPreviewed] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => {
      setPreviewed(question);
    }, QUESTION_PAUSE_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [question]);
  const asked = (text: string) => ({ reportId, question: text.trim() === "" ? null : text });
  const preview = useQuery({ ...supervisionQueries.preview(asked(previewed)), placeholderData: keepPreviousData });
  const exportSupervision = useExportSupervision();
  const { reset } = exportSupervision;
  const document = preview.data;
  // Confirmed for the text on screen only: a changed text is read again (the query keeps an
  // unchanged document as the same object).
  const [confirmedFor, setConfirmedFor] = useState<SupervisionDocument | null>(null);
  const confirmed = document !== undefined && confirmedFor === document;

  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-question`}>{t("fields.question")}</label>
        <textarea
          id={`${id}-question`}
          data-testid="supervision-question"
          rows={3}
          spellCheck={false}
          value={question}
          onChange={(event) => {
            setQuestion(event.target.value);
          }}
        />
      </div>
      <FormError error={preview.error} testId="supervision-preview-error" />
      {document && (
        <div className="supervision-preview" data-testid="supervision-preview">
          <p className={document.pseudonymised ? "supervision-preview__badge" : "supervision-preview__badge named"}>
            {document.pseudonymised
              ? t("supervision.pseudonymised")
              : t("supervision.named", { consent: document.consent ?? "", recipient: document.recipient ?? "" })}
          </p>
          <p data-testid="supervision-client">{document.client.label}</p>
          {document.question &&
            (document.pseudonymised ? (
              <ReviewedText text={document.question} testId="supervision-question-preview" />
            ) : (
              <p className="supervision-preview__text">{document.question}</p>
            ))}
          {REPORT_PARTS.map(([part, wire]) =>
            document.leftOut.includes(wire) ? (
              <p key={part} className="quiet" data-testid={`supervision-left-out-${part}`}>
                {t("supervision.leftOut", { part: t(`reports.parts.${wire}`) })}
              </p>
            ) : document.pseudonymised ? (
              <ReviewedText key={part} text={document.parts[part]} testId={`supervision-part-${part}`} />
            ) : (
              <p key={part} className="supervision-preview__text" data-testid={`supervision-part-${part}`}>
                {document.parts[part]}
              </p>
            ),
          )}
          {document.pseudonymised && (
            <label className="check-field supervision-preview__confirm">
              <input
                type="checkbox"
                data-testid="supervision-confirm"
                checked={confirmed}
                onChange={(event) => {
                  setConfirmedFor(event.target.checked ? document : null);
                }}
              />
              {t("supervision.confirm")}
            </label>
          )}
        </div>
      )}
      <PackageExportForm
        title={t("supervision.exportTitle")}
        offeredKeys={[]}
        testIdPrefix="supervision"
        // What goes is what was read: not while the preview is catching up with the question.
        blocked={
          !preview.isSuccess ||
          preview.isFetching ||
          question !== previewed ||
          (document?.pseudonymised === true && !confirmed)
        }
        onForget={reset}
        onExport={async (encryption) => {
          // The report's parts being typed are stored first: the package holds what is on screen.
          if (!(await flushAll())) {
            throw new AppError("storage", "a part of the report could not be saved", null);
          }
          return exportSupervision.mutateAsync({ request: asked(question), ...encryption });
        }}
      />
    </>
  );
}
