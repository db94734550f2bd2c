import type { Language } from "../ipc/api";

const LOCALE_OF: Record<Language, string> = { ja: "ja-JP", en: "en-US" };

/** `2026-11-21` → `2026年11月21日` / `Nov 21, 2026`. */
export function formatHeldOn(isoDate: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) {
    return isoDate;
  }
  const [, year, month, day] = match;
  // A calendar date, not an instant: format it in UTC so no time zone can shift the day.
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return new Intl.DateTimeFormat(LOCALE_OF[language], {
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  }).format(date);
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
  const time = new Intl.DateTimeFormat(LOCALE_OF[language], {
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(saved);
  if (saved.toDateString() === now.toDateString()) {
    return time;
  }
  const date = new Intl.DateTimeFormat(LOCALE_OF[language], { month: "short", day: "numeric" }).format(saved);
  return `${date} ${time}`;
}

/** Today's local calendar date as `YYYY-MM-DD` (what <input type="date"> uses). */
export function todayIsoDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
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
