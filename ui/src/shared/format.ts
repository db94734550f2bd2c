import type { CalendarZone, Language } from "../ipc/api";

const LOCALE_OF: Record<Language, string> = { ja: "ja-JP", en: "en-US" };

const FORMATS = {
  // A calendar date, not an instant: formatted in UTC so no time zone can shift the day.
  day: { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" },
  time: { hour: "2-digit", minute: "2-digit", hour12: false },
  monthDay: { month: "short", day: "numeric" },
  instant: { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per language and format, made on first use: making one costs far more than
 * using it, and a list of two thousand clients formats a date on every row.
 */
export function formatter(language: Language, format: keyof typeof FORMATS): Intl.DateTimeFormat {
  const key = `${language}:${format}`;
  let made = formatters.get(key);
  if (made === undefined) {
    made = new Intl.DateTimeFormat(LOCALE_OF[language], FORMATS[format]);
    formatters.set(key, made);
  }
  return made;
}

/** `2026-11-21` → `2026年11月21日` / `Nov 21, 2026`. */
export function formatHeldOn(isoDate: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) {
    return isoDate;
  }
  const [, year, month, day] = match;
  return formatter(language, "day").format(new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))));
}

/**
 * When a note was last saved: `14:05` today, with the date before it on other days
 * (an old session opened again must not look as if it were saved just now).
 */
export function formatSavedAt(rfc3339: string, language: Language, now: Date = new Date()): string {
  const saved = new Date(rfc3339);
  if (Number.isNaN(saved.getTime())) {
    return "";
  }
  const time = formatter(language, "time").format(saved);
  if (saved.toDateString() === now.toDateString()) {
    return time;
  }
  const date = formatter(language, "monthDay").format(saved);
  return `${date} ${time}`;
}

/** The calendar the consultant's preferences name; the core follows the same one. */
let calendarZone: CalendarZone = "asia_tokyo";

/** Follows the calendar the preferences name from now on (at start, and when it changes). */
export function followCalendar(zone: CalendarZone): void {
  calendarZone = zone;
}

const JAPAN_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The wall clock of the consultant's calendar at `now`: Japan's (UTC+9, no daylight saving) or the machine's. */
export function wallClock(now: Date): { year: number; month: number; day: number; hours: number; minutes: number } {
  if (calendarZone === "asia_tokyo") {
    const japan = new Date(now.getTime() + JAPAN_OFFSET_MS);
    return {
      year: japan.getUTCFullYear(),
      month: japan.getUTCMonth() + 1,
      day: japan.getUTCDate(),
      hours: japan.getUTCHours(),
      minutes: japan.getUTCMinutes(),
    };
  }
  return {
    year: now.getFullYear(),
    month: now.getMonth() + 1,
    day: now.getDate(),
    hours: now.getHours(),
    minutes: now.getMinutes(),
  };
}

/** Zero-padded to two digits. */
export function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** Today on the consultant's calendar as `YYYY-MM-DD` (what <input type="date"> uses). */
export function todayIsoDate(now: Date = new Date()): string {
  const { year, month, day } = wallClock(now);
  return `${String(year)}-${pad2(month)}-${pad2(day)}`;
}

/**
 * A program's period: `2026/04/01〜2027/03/31` in Japanese, as the period of a 年度 is
 * written; `Apr 1, 2026 – Mar 31, 2027` in English.
 */
export function formatPeriod(startsOn: string, endsOn: string, language: Language): string {
  if (language === "ja") {
    return `${startsOn.replaceAll("-", "/")}〜${endsOn.replaceAll("-", "/")}`;
  }
  return `${formatHeldOn(startsOn, language)} – ${formatHeldOn(endsOn, language)}`;
}
