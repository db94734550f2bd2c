import { afterEach, describe, expect, it } from "vitest";
import { followCalendar, formatHeldOn, formatSavedAt, todayIsoDate } from "./format";

describe("formatHeldOn", () => {
  it("formats a calendar date per language", () => {
    expect(formatHeldOn("2026-11-21", "ja")).toBe("2026年11月21日");
    expect(formatHeldOn("2026-11-21", "en")).toBe("Nov 21, 2026");
  });

  it("never shifts the day, whatever the time zone", () => {
    expect(formatHeldOn("2026-01-01", "ja")).toBe("2026年1月1日");
  });

  it("shows anything else as it came", () => {
    expect(formatHeldOn("someday", "en")).toBe("someday");
  });
});

describe("formatSavedAt", () => {
  const now = new Date(2026, 10, 21, 15, 0);

  it("shows only the time for a save made today", () => {
    expect(formatSavedAt(new Date(2026, 10, 21, 14, 5).toISOString(), "ja", now)).toBe("14:05");
  });

  it("adds the date for an earlier day", () => {
    const saved = new Date(2026, 10, 20, 9, 30).toISOString();
    expect(formatSavedAt(saved, "ja", now)).toBe("11月20日 09:30");
    expect(formatSavedAt(saved, "en", now)).toBe("Nov 20 09:30");
  });

  it("shows nothing for an unreadable time", () => {
    expect(formatSavedAt("not a time", "ja", now)).toBe("");
  });
});

describe("todayIsoDate", () => {
  afterEach(() => {
    followCalendar("asia_tokyo");
  });

  it("is Japan's date by default, whatever the machine's zone", () => {
    expect(todayIsoDate(new Date(Date.UTC(2026, 11, 7, 14, 59)))).toBe("2026-12-07");
    expect(todayIsoDate(new Date(Date.UTC(2026, 11, 7, 15, 0)))).toBe("2026-12-08");
    expect(todayIsoDate(new Date(Date.UTC(2026, 11, 31, 15, 0)))).toBe("2027-01-01");
  });

  it("is the machine's local date when the preferences say so", () => {
    followCalendar("system");
    expect(todayIsoDate(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
  });
});
