import type { InterviewKind, Language, Place } from "../../ipc/api";
import { formatHeldOn, formatter, pad2, todayIsoDate, wallClock } from "../../shared/format";

/** In the order a Self-Career Dock meets them; the select lists them so. */
export const INTERVIEW_KINDS: readonly InterviewKind[] = [
  "initial",
  "follow_up",
  "additional",
  "boss_consultation",
  "supervision",
];

export const PLACES: readonly Place[] = ["online", "in_person"];

const MOMENT = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?$/;

/**
 * An interview time as the core keeps it, a local wall-clock `YYYY-MM-DD` or
 * `YYYY-MM-DDTHH:MM`: `2026年11月21日 14:00`. Never through Date: no time zone may shift it.
 */
export function formatMoment(moment: string, language: Language): string {
  const match = MOMENT.exec(moment);
  if (!match) {
    return moment;
  }
  const [, date = "", time] = match;
  const day = formatHeldOn(date, language);
  return time === undefined ? day : `${day} ${time}`;
}

/** Whether an `<input type="datetime-local">` can show the moment as it is. */
export function hasTime(moment: string | null): moment is string {
  return moment !== null && MOMENT.exec(moment)?.[2] !== undefined;
}

/** Now on the consultant's calendar, to the minute, as `<input type="datetime-local">` writes it. */
export function localMomentNow(now: Date = new Date()): string {
  const { hours, minutes } = wallClock(now);
  return `${todayIsoDate(now)}T${pad2(hours)}:${pad2(minutes)}`;
}

/** When a record was created or changed (an instant), with its date: `2026年11月20日 09:30`. */
export function formatInstant(rfc3339: string, language: Language): string {
  const instant = new Date(rfc3339);
  if (Number.isNaN(instant.getTime())) {
    return "";
  }
  return formatter(language, "instant").format(instant);
}
