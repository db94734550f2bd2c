import { describe, expect, it } from "vitest";
import { followCalendar } from "../../shared/format";
import { formatMoment, hasTime, localMomentNow } from "./moments";

describe("formatMoment", () => {
  it("shows a local interview time per language, never shifted by a time zone", () => {
    expect(formatMoment("2026-11-21T09:05", "ja")).toBe("2026年11月21日 09:05");
    expect(formatMoment("2026-11-21T09:05", "en")).toBe("Nov 21, 2026 09:05");
    expect(formatMoment("2026-01-01", "ja")).toBe("2026年1月1日");
  });

  it("shows anything else as it came", () => {
    expect(formatMoment("someday", "en")).toBe("someday");
  });
});

describe("hasTime", () => {
  it("is true only for a moment with its time", () => {
    expect(hasTime("2026-11-21T09:05")).toBe(true);
    expect(hasTime("2026-11-21")).toBe(false);
    expect(hasTime(null)).toBe(false);
  });
});

describe("localMomentNow", () => {
  it("writes Japan's time as <input type=datetime-local> does", () => {
    expect(localMomentNow(new Date(Date.UTC(2026, 0, 5, 22, 3, 59)))).toBe("2026-01-06T07:03");
  });

  it("writes the machine's time when the preferences say so", () => {
    followCalendar("system");
    try {
      expect(localMomentNow(new Date(2026, 0, 5, 7, 3, 59))).toBe("2026-01-05T07:03");
    } finally {
      followCalendar("asia_tokyo");
    }
  });
});
