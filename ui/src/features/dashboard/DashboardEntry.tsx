import type { ReactNode } from "react";

interface DashboardEntryProps {
  testId: string;
  /** Where the entry leads ("open the client"), given on hover and to screen readers. */
  hint: string;
  /** Past its date: marked in the danger colour (and `data-overdue` for tests). */
  overdue?: boolean;
  /** Leads with a time column (the interviews). */
  timed?: boolean;
  onOpen: () => void;
  children: ReactNode;
}

/** One row of a dashboard list: the whole row is one button, reached with Tab, opened with Enter. */
export function DashboardEntry({ testId, hint, overdue = false, timed = false, onOpen, children }: DashboardEntryProps) {
  const classes = ["dashboard-entry"];
  if (timed) classes.push("dashboard-entry--timed");
  if (overdue) classes.push("dashboard-entry--overdue");
  return (
    <li>
      <button
        type="button"
        className={classes.join(" ")}
        data-testid={testId}
        data-overdue={overdue}
        title={hint}
        onClick={onOpen}
      >
        {children}
      </button>
    </li>
  );
}
