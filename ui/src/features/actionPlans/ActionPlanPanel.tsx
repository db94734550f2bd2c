import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../shared/FormError";
import { ActionItemCard } from "./ActionItemCard";
import { ActionItemForm } from "./ActionItemForm";
import { actionPlanQueries, isOpen } from "./queries";
import "./actionPlans.css";

interface ActionPlanPanelProps {
  clientId: number;
  /** On an interview's page: new items are decided in it, and reviews are recorded in it. */
  interviewId?: number | undefined;
}

/**
 * A client's action plan (アクションプラン): open items first, each with its SMART check and
 * progress; finished ones below, folded away on an interview's page so the open ones lead.
 */
export function ActionPlanPanel({ clientId, interviewId }: ActionPlanPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const items = useQuery(actionPlanQueries.ofClient(clientId));
  const [adding, setAdding] = useState(false);
  const all = items.data ?? [];
  const open = all.filter(isOpen);
  const closed = all.filter((item) => !isOpen(item));

  return (
    <section className="action-plan" data-testid="action-plan" aria-labelledby={headingId}>
      <div className="action-plan__bar">
        <h2 id={headingId}>{t("actions.title", { n: open.length })}</h2>
        {!adding && (
          <button
            type="button"
            className="button"
            data-testid="add-action"
            onClick={() => {
              setAdding(true);
            }}
          >
            {t("actions.add")}
          </button>
        )}
      </div>
      {adding && (
        <ActionItemForm
          clientId={clientId}
          interviewId={interviewId}
          onDone={() => {
            setAdding(false);
          }}
        />
      )}
      <FormError error={items.error} testId="actions-load-error" />
      {items.data !== undefined && open.length === 0 && <p className="quiet">{t("actions.noneOpen")}</p>}
      {open.length > 0 && (
        <ul className="action-list" data-testid="open-actions">
          {open.map((item) => (
            <ActionItemCard key={item.id} item={item} interviewId={interviewId} />
          ))}
        </ul>
      )}
      {closed.length > 0 && (
        <details className="action-plan__closed" open={interviewId === undefined}>
          <summary>{t("actions.closed", { n: closed.length })}</summary>
          <ul className="action-list">
            {closed.map((item) => (
              <ActionItemCard key={item.id} item={item} interviewId={interviewId} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
