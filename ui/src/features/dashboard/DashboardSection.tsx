import { useId } from "react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

interface DashboardSectionProps {
  /** `dashboard-interviews` …; its count is `<testId>-count`. */
  testId: string;
  title: string;
  count: number;
  /** The quiet line shown instead of the entries when there are none. */
  none: string;
  children: ReactNode;
  /** Shown below the entries, or below the "nothing" line. */
  footer?: ReactNode;
}

/** One part of Home: a heading that says how many, then the entries or a quiet "nothing". */
export function DashboardSection({ testId, title, count, none, children, footer }: DashboardSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="dashboard-section" data-testid={testId} aria-labelledby={headingId}>
      <h2 id={headingId} className="dashboard-section__title">
        {title}{" "}
        <span className="dashboard-section__count" data-testid={`${testId}-count`}>
          {t("dashboard.count", { n: count })}
        </span>
      </h2>
      {count === 0 ? <p className="quiet">{none}</p> : children}
      {footer}
    </section>
  );
}
