import { describe, expect, it } from "vitest";
import { formatHitDate } from "./hits";

describe("formatHitDate", () => {
  it("shows a wall-clock day or time as it is kept", () => {
    expect(formatHitDate("2026-11-21", "ja")).toBe("2026年11月21日");
    expect(formatHitDate("2026-11-21T10:00", "ja")).toBe("2026年11月21日 10:00");
    expect(formatHitDate("2026-11-21T10:00", "en")).toBe("Nov 21, 2026 10:00");
  });

  it("shows an instant (a record's creation) as its local day", () => {
    // 09:30 on 20 November wherever the test runs, written as the core writes instants.
    const instant = new Date(2026, 10, 20, 9, 30).toISOString();
    expect(formatHitDate(instant, "ja")).toBe("2026年11月20日");
  });

  it("leaves anything else as it came", () => {
    expect(formatHitDate("someday", "ja")).toBe("someday");
  });
});
