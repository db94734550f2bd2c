import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import type { ApiMock } from "../../test/apiMock";
import { aClient, aProgramSummary } from "../../test/apiMock";
import { renderScreen } from "../../test/render";
import { AUTOSAVE_DELAY_MS } from "../interviews/autosave/useAutosave";
import { ClientReports } from "./ClientReports";
import { ReportPrintScreen } from "./ReportPrintScreen";
import { ReportScreen } from "./ReportScreen";
import { aReport, aReportDocument, aReportSummary, aReportVersion } from "./testing";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

describe("ClientReports", () => {
  it("lists the reports and drafts one for a program that has none, then opens it", async () => {
    mocked.reportList.mockResolvedValue([aReportSummary({ id: 5, programId: 11, programName: "2025年度" })]);
    mocked.programList.mockResolvedValue([
      aProgramSummary({ id: 11, name: "2025年度" }),
      aProgramSummary({ id: 12, name: "2026年度 セルフ・キャリアドック" }),
    ]);
    mocked.reportCreate.mockResolvedValue(aReport({ id: 9, programId: 12 }));
    const user = userEvent.setup();
    const { navigate } = renderScreen(<ClientReports client={aClient({ id: 3, companyId: 1 })} />);
    expect((await screen.findByTestId("open-report")).textContent).toBe("2025年度");
    const draft = screen.getByTestId("draft-report");
    expect(draft.textContent).toBe("「2026年度 セルフ・キャリアドック」の報告書を作成");
    await user.click(draft);
    expect(mocked.reportCreate).toHaveBeenCalledExactlyOnceWith(3, 12);
    expect(navigate).toHaveBeenCalledWith({ name: "report", reportId: 9 });
  });

  it("says why a draft was refused, and stays", async () => {
    mocked.reportList.mockResolvedValue([]);
    mocked.programList.mockResolvedValue([aProgramSummary({ id: 12 })]);
    mocked.reportCreate.mockRejectedValue(new AppError("report_exists", "exists", "program"));
    const user = userEvent.setup();
    const { navigate } = renderScreen(<ClientReports client={aClient({ id: 3, companyId: 1 })} />);
    await user.click(await screen.findByTestId("draft-report"));
    const error = await screen.findByTestId("draft-report-error");
    expect(error.dataset.code).toBe("report_exists");
    expect(error.textContent).toBe("この相談者には、このプログラムの報告書がすでにあります。一覧から開いてください。");
    expect(navigate).not.toHaveBeenCalled();
  });
});

describe("ReportScreen", () => {
  async function advance(ms: number) {
    await act(async () => {
      await vi.advanceTimersByTimeAsync(ms);
    });
  }

  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: false });
    mocked.reportDocument.mockResolvedValue(aReportDocument());
    mocked.reportVersions.mockResolvedValue([
      aReportVersion({ id: 22, origin: "edited", savedAt: "2026-11-02T00:00:00Z" }),
      aReportVersion({ id: 21, origin: "drafted", parts: { ...aReport().parts, workplace: "下書きの職場環境" } }),
    ]);
    mocked.reportSavePart.mockImplementation((id, part, text) =>
      Promise.resolve(aReport({ id, parts: { ...aReport().parts, workplace: part === "workplace" ? text : "" } })),
    );
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("opens the four parts with the stored text and saves a part once typing pauses", async () => {
    renderScreen(<ReportScreen reportId={5} />);
    await advance(0);
    const workplace = screen.getByTestId<HTMLTextAreaElement>("report-part-workplace");
    expect(workplace.value).toBe("【2026-05-01】\n残業が多い");
    expect(screen.getAllByRole("textbox")).toHaveLength(4);
    fireEvent.input(workplace, { target: { value: "残業は減ってきた" } });
    expect(screen.getByTestId("report-status-workplace").dataset.state).toBe("dirty");
    await advance(AUTOSAVE_DELAY_MS);
    expect(mocked.reportSavePart).toHaveBeenCalledExactlyOnceWith(5, "workplace", "残業は減ってきた");
    expect(screen.getByTestId("report-status-workplace").dataset.state).toBe("saved");
  });
});

describe("ReportScreen's history", () => {
  beforeEach(() => {
    mocked.reportDocument.mockResolvedValue(aReportDocument());
    mocked.reportVersions.mockResolvedValue([
      aReportVersion({ id: 22, origin: "edited", savedAt: "2026-11-02T00:00:00Z" }),
      aReportVersion({ id: 21, origin: "drafted", parts: { ...aReport().parts, workplace: "下書きの職場環境" } }),
    ]);
    mocked.reportSavePart.mockImplementation((id, part, text) =>
      Promise.resolve(aReport({ id, parts: { ...aReport().parts, workplace: part === "workplace" ? text : "" } })),
    );
  });

  it("lists the versions newest first and restores an earlier one after saving what is typed", async () => {
    mocked.reportRestore.mockResolvedValue(
      aReport({ updatedAt: "2026-11-03T00:00:00Z", parts: { ...aReport().parts, workplace: "下書きの職場環境" } }),
    );
    renderScreen(<ReportScreen reportId={5} />);
    const versions = await screen.findAllByTestId("report-version");
    expect(versions.map((version) => version.dataset.origin)).toEqual(["edited", "drafted"]);
    expect(within(versions[0]!).queryByTestId("restore-version")).toBeNull();
    fireEvent.input(screen.getByTestId("report-part-workplace"), { target: { value: "打ちかけ" } });
    fireEvent.click(within(versions[1]!).getByTestId("restore-version"));
    // Nothing can be typed until the restored text is in the editors.
    expect(screen.getByTestId<HTMLTextAreaElement>("report-part-workplace").readOnly).toBe(true);
    await waitFor(() => {
      expect(mocked.reportRestore).toHaveBeenCalledTimes(1);
    });
    // What was typed is saved before the restore replaces it.
    expect(mocked.reportSavePart).toHaveBeenCalledWith(5, "workplace", "打ちかけ");
    expect(mocked.reportRestore).toHaveBeenCalledExactlyOnceWith(5, 21);
    expect(mocked.reportSavePart.mock.invocationCallOrder[0]).toBeLessThan(
      mocked.reportRestore.mock.invocationCallOrder[0] ?? 0,
    );
    // The editors reopen on the restored report, editable again, without asking for it anew.
    await waitFor(() => {
      expect(screen.getByTestId<HTMLTextAreaElement>("report-part-workplace").value).toBe("下書きの職場環境");
    });
    expect(screen.getByTestId<HTMLTextAreaElement>("report-part-workplace").readOnly).toBe(false);
    expect(mocked.reportDocument).toHaveBeenCalledTimes(1);
  });
});

describe("ReportPrintScreen", () => {
  it("shows the document as printed, and saves a PDF only into a folder chosen after a warning", async () => {
    mocked.reportDocument.mockResolvedValue(aReportDocument());
    mocked.reportChoosePdfFolder.mockResolvedValue("/home/c/報告書");
    mocked.reportSavePdf.mockResolvedValue("/home/c/報告書/個別報告書-KZ-3-5.pdf");
    const user = userEvent.setup();
    renderScreen(<ReportPrintScreen reportId={5} />);
    // Nothing to print until the report is on screen.
    expect(screen.getByTestId<HTMLButtonElement>("print-dialog").disabled).toBe(true);
    const document = await screen.findByTestId("report-document");
    expect(within(document).getByTestId("report-document-client").textContent).toBe("高橋 美咲（たかはし みさき）");
    expect(document.textContent).toContain("出力日");
    expect(document.textContent).toContain("株式会社サンプル　営業部　主任");
    expect(document.textContent).toContain("初回面談");
    expect(within(document).getByTestId("report-document-workplace").textContent).toBe("【2026-05-01】\n残業が多い");
    // A part left empty says so rather than leaving a gap.
    expect(document.textContent).toContain("（記載なし）");
    // Printing is the default; no PDF can be saved before its panel is opened.
    expect(screen.getByTestId("print-dialog").className).toContain("button--primary");
    expect(screen.queryByTestId("save-pdf")).toBeNull();
    await user.click(screen.getByTestId("open-pdf-panel"));
    expect(screen.getByTestId("pdf-warning").textContent).toContain("暗号化されません");
    // Neither a folder alone nor the warning alone lets it through.
    expect(screen.getByTestId<HTMLButtonElement>("save-pdf").disabled).toBe(true);
    await user.click(screen.getByTestId("pdf-choose-folder"));
    expect(mocked.reportChoosePdfFolder).toHaveBeenCalledExactlyOnceWith("個別報告書のPDFを保存するフォルダ");
    expect((await screen.findByText("/home/c/報告書")).dataset.testid).toBe("pdf-folder");
    expect(screen.getByTestId<HTMLButtonElement>("save-pdf").disabled).toBe(true);
    await user.click(screen.getByTestId("pdf-understood"));
    await user.click(screen.getByTestId("save-pdf"));
    expect(mocked.reportSavePdf).toHaveBeenCalledExactlyOnceWith(5);
    expect((await screen.findByTestId("pdf-saved")).textContent).toBe(
      "PDFを保存しました：/home/c/報告書/個別報告書-KZ-3-5.pdf",
    );
  });

  it("keeps no folder when the chooser is cancelled", async () => {
    mocked.reportDocument.mockResolvedValue(aReportDocument());
    mocked.reportChoosePdfFolder.mockResolvedValue(null);
    const user = userEvent.setup();
    renderScreen(<ReportPrintScreen reportId={5} />);
    await screen.findByTestId("report-document");
    await user.click(screen.getByTestId("open-pdf-panel"));
    await user.click(screen.getByTestId("pdf-understood"));
    await user.click(screen.getByTestId("pdf-choose-folder"));
    await waitFor(() => {
      expect(mocked.reportChoosePdfFolder).toHaveBeenCalledTimes(1);
    });
    expect(screen.getByTestId("pdf-folder").textContent).toBe("（まだ選んでいません）");
    expect(screen.getByTestId<HTMLButtonElement>("save-pdf").disabled).toBe(true);
    expect(mocked.reportSavePdf).not.toHaveBeenCalled();
  });

  it("says in the user's language when the PDF could not be written", async () => {
    mocked.reportDocument.mockResolvedValue(aReportDocument());
    mocked.reportChoosePdfFolder.mockResolvedValue("/home/c/報告書");
    mocked.reportSavePdf.mockRejectedValue(new AppError("print_failed", "printing to PDF failed"));
    const user = userEvent.setup();
    renderScreen(<ReportPrintScreen reportId={5} />);
    await screen.findByTestId("report-document");
    await user.click(screen.getByTestId("open-pdf-panel"));
    await user.click(screen.getByTestId("pdf-choose-folder"));
    await screen.findByText("/home/c/報告書");
    await user.click(screen.getByTestId("pdf-understood"));
    await user.click(screen.getByTestId("save-pdf"));
    await waitFor(() => {
      expect(screen.getByTestId("pdf-error").textContent).toBe("PDFを保存できませんでした。もう一度お試しください。");
    });
    expect(screen.queryByTestId("pdf-saved")).toBeNull();
    expect(screen.getByTestId<HTMLButtonElement>("save-pdf").disabled).toBe(false);
  });
});
