import type { Language } from "../ipc/api";

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
