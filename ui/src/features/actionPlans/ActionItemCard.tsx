import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ActionItem } from "../../ipc/api";
import { formatHeldOn, todayIsoDate } from "../../shared/format";
import { useLanguage } from "../../shared/useLanguage";
import { ActionItemForm } from "./ActionItemForm";
import { ProgressForm } from "./ProgressForm";
import { isOpen } from "./queries";
import { SMART_CRITERIA } from "./smart";

interface ActionItemCardProps {
  item: ActionItem;
  /** The interview on screen, if any: progress written here is recorded in it. */
  interviewId?: number | undefined;
}

/** One item: what, how, by when, where it stands, what SMART misses, and its progress. */
export function ActionItemCard({ item, interviewId }: ActionItemCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [mode, setMode] = useState<"view" | "edit" | "progress">("view");
  const open = isOpen(item);
  const overdue = open && item.dueOn !== null && item.dueOn < todayIsoDate();

  if (mode === "edit") {
    return (
      <li className="action-item action-item--editing" data-testid="action-row">
        <ActionItemForm
          clientId={item.clientId}
          item={item}
          onDone={() => {
            setMode("view");
          }}
        />
      </li>
    );
  }

  const missing = SMART_CRITERIA.filter(({ criterion }) => item.smartMissing.includes(criterion));
  return (
    <li
      className={open ? "action-item action-item--open" : "action-item action-item--closed"}
      data-testid="action-row"
      data-status={item.status}
    >
      <div className="action-item__head">
        <span className={`action-status action-status--${item.status}`} data-testid="action-row-status">
          {t(`actions.statuses.${item.status}`)}
        </span>
        {item.dueOn !== null && (
          <span className={overdue ? "action-item__due action-item__due--overdue" : "action-item__due"}>
            {overdue
              ? t("actions.overdue", { date: formatHeldOn(item.dueOn, language) })
              : t("actions.due", { date: formatHeldOn(item.dueOn, language) })}
          </span>
        )}
        {interviewId !== undefined && item.interviewId === interviewId && (
          <span className="action-item__here">{t("actions.fromThisInterview")}</span>
        )}
      </div>
      <p className="action-item__what" data-testid="action-row-what">
        {item.what}
      </p>
      {item.how !== null && <p className="action-item__how">{item.how}</p>}
      {missing.length > 0 ? (
        <p className="action-item__smart action-item__smart--missing" data-testid="action-smart-missing">
          {t("actions.smartMissing", {
            criteria: missing.map(({ criterion }) => t(`actions.smart.${criterion}`)).join(t("actions.listSeparator")),
          })}
        </p>
      ) : (
        <p className="action-item__smart">{t("actions.smartMet")}</p>
      )}
      {item.progress.length > 0 && (
        <ol className="action-item__progress" aria-label={t("actions.progress")}>
          {item.progress.map((note) => (
            <li key={note.id} data-testid="progress-row">
              <span className="action-item__progress-date">{formatHeldOn(note.notedOn, language)}</span>
              {note.status !== null && (
                <span className="action-item__progress-status">→ {t(`actions.statuses.${note.status}`)}</span>
              )}
              <span className="action-item__progress-note">{note.note}</span>
            </li>
          ))}
        </ol>
      )}
      {mode === "progress" ? (
        <ProgressForm
          item={item}
          interviewId={interviewId}
          onDone={() => {
            setMode("view");
          }}
        />
      ) : (
        <div className="action-item__actions">
          <button
            type="button"
            className="button"
            data-testid="action-add-progress"
            onClick={() => {
              setMode("progress");
            }}
          >
            {interviewId === undefined ? t("actions.addProgress") : t("actions.review")}
          </button>
          <button
            type="button"
            className="button"
            data-testid="action-edit"
            onClick={() => {
              setMode("edit");
            }}
          >
            {t("actions.edit")}
          </button>
        </div>
      )}
    </li>
  );
}
