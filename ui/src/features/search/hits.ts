import type { Route } from "../../app/routes";
import type { ClientId, Language, SearchHit } from "../../ipc/api";
import { formatHeldOn, todayIsoDate } from "../../shared/format";
import { formatMoment } from "../interviews/moments";

/**
 * Where one click on a hit leads: what was written in an interview (its notes, its sheet,
 * an action decided there and its progress) opens that interview; a report opens the report;
 * the client's details, their questionnaire and actions from no interview open the client's
 * page.
 */
export function hitRoute(clientId: ClientId, hit: SearchHit): Route {
  switch (hit.kind) {
    case "interview":
    case "sheet_section":
    case "action_item":
    case "progress_note":
      return hit.interviewId === null
        ? { name: "client", clientId }
        : { name: "interview", interviewId: hit.interviewId };
    case "report":
      return { name: "report", reportId: hit.recordId };
    case "client":
    case "questionnaire":
      return { name: "client", clientId };
  }
}

/** What the core keeps as a local wall-clock day or time (an interview, a due date). */
const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2})?$/;

/**
 * A hit's date. Interviews and due dates are wall-clock (`2026-11-21`, `2026-11-21T10:00`)
 * and shown as they are; a record dated by when it was written has an instant (RFC 3339),
 * shown as its local day.
 */
export function formatHitDate(at: string, language: Language): string {
  if (WALL_CLOCK.test(at)) {
    return formatMoment(at, language);
  }
  const instant = new Date(at);
  return Number.isNaN(instant.getTime()) ? at : formatHeldOn(todayIsoDate(instant), language);
}
