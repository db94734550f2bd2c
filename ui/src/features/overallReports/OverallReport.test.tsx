import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import type { OverallDocument, OverallPreview, Table } from "../../ipc/api";
import type { ApiMock } from "../../test/apiMock";
import { aProgram } from "../../test/apiMock";
import { renderScreen } from "../../test/render";
import { OverallReportScreen } from "./OverallReportScreen";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

const KEY = "age1v7f2tn58zpq4yrpw5f5px6g3awpyer5c7aee42w98xljy2z6wqqq99nwth";

function participation(): Table {
  return {
    measure: "participation",
    columns: [
      { code: "people", label: "対象者数", sensitive: false },
      { code: "interviewed", label: "面談実施者数", sensitive: false },
      { code: "interviews", label: "面談回数", sensitive: false },
    ],
    rows: [
      { group: { label: "営業部", code: null }, cells: [12, 12, 20] },
      { group: { label: "開発部", code: null }, cells: [null, null, 9] },
      { group: { label: "その他", code: "other" }, cells: [null, null, null] },
    ],
    totals: [22, 21, 35],
  };
}

function aDocument(): OverallDocument {
  const themes: Table = {
    measure: "themes",
    columns: [{ code: "career_direction", label: "今後のキャリアの方向性", sensitive: false }],
    rows: [{ group: { label: "30代", code: "30s" }, cells: [7] }],
    totals: [null],
  };
  const health: Table = {
    measure: "themes",
    columns: [
      { code: "career_direction", label: "今後のキャリアの方向性", sensitive: false },
      { code: "health", label: "心身の健康", sensitive: true },
    ],
    rows: [{ group: { label: "営業部", code: null }, cells: [7, null] }],
    totals: [null, null],
  };
  return {
    format: "kizuki-overall-report",
    version: 1,
    program: {
      name: "2026年度 セルフ・キャリアドック",
      company: "株式会社サンプル",
      startsOn: "2026-04-01",
      endsOn: "2027-03-31",
      anonymityK: 5,
    },
    createdOn: "2026-11-24",
    byDepartment: { dimension: "department", tables: [participation(), health] },
    byAgeBand: { dimension: "age_band", tables: [participation(), themes] },
    monthly: {
      measure: "monthly",
      columns: [{ code: "interviews", label: "面談回数", sensitive: false }],
      rows: [{ group: { label: "2026年6月", code: "2026-06" }, cells: [35] }],
      totals: [35],
    },
    disclosure: [
      { kind: "small_groups_merged", dimension: "department", count: 2, columns: [], since: [] },
      { kind: "sensitive_by_one_grouping", dimension: "department", count: 1, columns: ["health"], since: [] },
      { kind: "moved_since_earlier_export", dimension: null, count: 3, columns: [], since: ["2026-10-01"] },
    ],
    findings: "所見",
    proposals: "",
  };
}

function aPreview(identifiersInText: string[] = []): OverallPreview {
  return { document: aDocument(), identifiersInText };
}

function setUp(preview: OverallPreview) {
  mocked.programGet.mockResolvedValue(
    aProgram({ contacts: [{ id: 1, name: "山本", role: null, recipients: [KEY] }] }),
  );
  mocked.overallText.mockResolvedValue({ programId: 11, findings: "所見", proposals: "", updatedAt: null });
  mocked.overallPreview.mockResolvedValue(preview);
}

describe("OverallReportScreen", () => {
  it("shows hidden figures as hidden, in the table and the chart, with the k rule", async () => {
    setUp(aPreview());
    renderScreen(<OverallReportScreen programId={11} />);
    const table = await screen.findByTestId("overall-table-department-participation");
    const rows = within(table).getAllByRole("row");
    // Header, then people: 営業部 12, 開発部 hidden, その他 hidden, total 22.
    expect(rows[1]?.textContent).toBe("対象者数12——22");
    expect(within(table).getAllByTestId("overall-hidden").length).toBe(5);
    const chart = screen.getByTestId("overall-chart-participation");
    expect(chart.textContent).toContain("非表示");
    // The age table speaks the UI's labels for age bands and theme codes.
    expect(screen.getByTestId("overall-table-age-themes").textContent).toContain("30代");
    expect(screen.getByTestId("overall-chart-monthly").textContent).toContain("2026年6月");
    expect(screen.getByTestId("overall-k").textContent).toContain("5人未満");
  });

  it("says what was hidden, merged and withheld, and marks the sensitive columns", async () => {
    setUp(aPreview());
    renderScreen(<OverallReportScreen programId={11} />);
    const notes = await screen.findByTestId("overall-disclosure");
    expect(within(notes).getByTestId("overall-disclosure-small_groups_merged").textContent).toBe(
      "5人未満の所属（2）は、名前が出ないよう「その他」にまとめました。",
    );
    expect(within(notes).getByTestId("overall-disclosure-sensitive_by_one_grouping").textContent).toContain(
      "所属別にのみ",
    );
    expect(within(notes).getByTestId("overall-disclosure-moved_since_earlier_export").textContent).toContain(
      "2026-10-01",
    );
    const themes = screen.getByTestId("overall-table-department-themes");
    expect(within(themes).getAllByTestId("overall-sensitive")).toHaveLength(1);
    expect(within(themes).getAllByRole("row")[2]?.textContent).toContain("心身の健康※");
  });

  it("keeps the export closed while the text names a client", async () => {
    setUp(aPreview(["伊藤"]));
    const user = userEvent.setup();
    renderScreen(<OverallReportScreen programId={11} />);
    expect((await screen.findByTestId("overall-identifiers")).textContent).toContain("伊藤");
    await user.click(screen.getByTestId("overall-contact-key-0"));
    expect(screen.getByTestId("overall-export-button")).toHaveProperty("disabled", true);
  });

  it("saves the findings as typed and exports to the key chosen, none chosen for the consultant", async () => {
    setUp(aPreview());
    mocked.overallSaveText.mockImplementation((programId, text) =>
      Promise.resolve({ programId, ...text, updatedAt: "2026-11-24T00:00:00Z" }),
    );
    mocked.overallExport.mockResolvedValue({
      path: "/home/u/Downloads/全体報告書-KZG-11.age",
      bytes: 900,
      sha256: "ab".repeat(32),
      provisionRecord: null,
    });
    const user = userEvent.setup();
    renderScreen(<OverallReportScreen programId={11} />);
    const key = await screen.findByTestId("overall-contact-key-0");
    expect(key).toHaveProperty("checked", false);
    expect(screen.getByTestId("overall-export-button")).toHaveProperty("disabled", true);
    await user.type(screen.getByTestId("overall-proposals"), "研修を提案");
    await user.click(key);
    await user.click(screen.getByTestId("overall-export-button"));
    expect((await screen.findByTestId("overall-exported")).dataset.path).toContain("全体報告書-KZG-11.age");
    // The text on screen was stored before the export read it.
    expect(mocked.overallSaveText).toHaveBeenLastCalledWith(11, { findings: "所見", proposals: "研修を提案" });
    expect(mocked.overallExport).toHaveBeenCalledWith(11, [KEY], null, false);
    await waitFor(() => {
      expect(mocked.overallSaveText.mock.invocationCallOrder.at(-1)).toBeLessThan(
        mocked.overallExport.mock.invocationCallOrder[0] ?? 0,
      );
    });
  });
});
