import { useTranslation } from "react-i18next";
import type { Dated, SummaryPreview } from "../../ipc/api";

/** What the package will hold, field by field: the very document that becomes its JSON. */
export function SummaryPreviewView({ preview }: { preview: SummaryPreview }) {
  const { t } = useTranslation();
  const { document } = preview;
  const dated = (testId: string, title: string, passages: Dated[] | null | undefined) =>
    passages !== undefined &&
    passages !== null && (
      <section className="summary-preview__part" data-testid={testId}>
        <h3>{title}</h3>
        {passages.length === 0 && <p className="quiet">{t("share.nothingWritten")}</p>}
        {passages.map((passage, index) => (
          <p key={index} className="summary-preview__text">
            <span className="quiet">【{passage.on}】</span> {passage.text}
          </p>
        ))}
      </section>
    );
  return (
    <div className="summary-preview" data-testid="summary-preview">
      <dl className="summary-preview__facts">
        <dt>{t("share.client")}</dt>
        <dd>
          {document.client.name}（{document.client.reference}）
        </dd>
        <dt>{t("fields.recipientName")}</dt>
        <dd>
          {t(`consent.recipientKinds.${document.consent.recipientKind}`)}：{document.consent.recipientName}
        </dd>
        <dt>{t("fields.purpose")}</dt>
        <dd>{document.consent.purpose}</dd>
        <dt>{t("share.consent")}</dt>
        <dd>{document.consent.reference}</dd>
      </dl>
      {document.summary !== undefined && document.summary !== null && (
        <section className="summary-preview__part" data-testid="preview-summary">
          <h3>{t("consent.parts.summary")}</h3>
          <p className="summary-preview__text">{document.summary}</p>
        </section>
      )}
      {dated("preview-themes", t("consent.parts.themes"), document.themes)}
      {document.actionPlan !== undefined && document.actionPlan !== null && (
        <section className="summary-preview__part" data-testid="preview-action_plan">
          <h3>{t("consent.parts.action_plan")}</h3>
          {document.actionPlan.length === 0 && <p className="quiet">{t("share.nothingWritten")}</p>}
          <ul>
            {document.actionPlan.map((item, index) => (
              <li key={index}>
                {item.what}
                {item.how && `：${item.how}`}
                {item.dueOn && `（${item.dueOn}）`} — {t(`actions.statuses.${item.status}`)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {dated("preview-strengths", t("consent.parts.strengths"), document.strengths)}
      {dated("preview-workplace", t("consent.parts.workplace"), document.workplace)}
      {dated(
        "preview-organisational_issues",
        t("consent.parts.organisational_issues"),
        document.organisationalIssues,
      )}
      {document.flags.length > 0 && (
        <section className="summary-preview__part" data-testid="preview-flags">
          <h3>{t("share.flags")}</h3>
          {document.flags.map((flag, index) => (
            <p key={index} className="summary-preview__text">
              <span className="quiet">
                {t(`flags.kinds.${flag.kind}`)}（{flag.raisedOn}）
              </span>{" "}
              {flag.note}
            </p>
          ))}
        </section>
      )}
    </div>
  );
}
