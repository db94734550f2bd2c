import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Amendment, SheetSection } from "../../../ipc/api";
import { FormError } from "../../../shared/FormError";
import { useLanguage } from "../../../shared/useLanguage";
import { formatInstant } from "../moments";
import { interviewQueries } from "../queries";
import { sectionTitle } from "../sheet/sectionTitle";

interface HistoryPanelProps {
  interviewId: number;
  sections: readonly SheetSection[];
}

/**
 * What changed after the interview was held, newest first, each with the text it replaced
 * in full: the record of a held interview is never rewritten without a trace.
 */
export function HistoryPanel({ interviewId, sections }: HistoryPanelProps) {
  const { t } = useTranslation();
  const history = useQuery(interviewQueries.history(interviewId));
  const amendments = [...(history.data ?? [])].reverse();
  return (
    <section className="history-panel" aria-label={t("history.title")} data-testid="history-panel">
      <h2 className="panel-title">{t("history.title")}</h2>
      <p className="quiet">{t("history.intro")}</p>
      <FormError error={history.error} testId="history-load-error" />
      {history.isSuccess && amendments.length === 0 && <p className="quiet">{t("history.empty")}</p>}
      <ol className="amendment-list">
        {amendments.map((amendment) => (
          <AmendmentRow key={amendment.id} amendment={amendment} sections={sections} />
        ))}
      </ol>
    </section>
  );
}

function AmendmentRow({ amendment, sections }: { amendment: Amendment; sections: readonly SheetSection[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const section = sections.find((candidate) => candidate.id === amendment.sheetSectionId);
  let what = t("history.notes");
  if (amendment.sheetSectionId !== null) {
    what = section
      ? t("history.section", { number: section.position, title: sectionTitle(t, section) })
      : t("history.unknownSection");
  }
  const started = formatInstant(amendment.startedAt, language);
  const changed = formatInstant(amendment.changedAt, language);
  return (
    <li className="amendment-row" data-testid="amendment-row">
      <p className="amendment-row__head">
        <span className="amendment-row__what">{what}</span>
        <span className="amendment-row__when">
          {started === changed ? changed : t("history.span", { start: started, end: changed })}
        </span>
      </p>
      <div className="amendment-row__texts">
        <div className="amendment-row__text amendment-row__text--before">
          <p className="amendment-row__label">{t("history.before")}</p>
          <p className="amendment-row__body" data-testid="amendment-before">
            {amendment.before === "" ? t("history.emptyText") : amendment.before}
          </p>
        </div>
        <div className="amendment-row__text">
          <p className="amendment-row__label">{t("history.after")}</p>
          <p className="amendment-row__body" data-testid="amendment-after">
            {amendment.after === "" ? t("history.emptyText") : amendment.after}
          </p>
        </div>
      </div>
    </li>
  );
}
