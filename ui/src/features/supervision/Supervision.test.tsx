import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import type { InboxItem, SupervisionDocument } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import type { ApiMock } from "../../test/apiMock";
import { renderScreen } from "../../test/render";
import { InboxScreen } from "./InboxScreen";
import { segments } from "./ReviewedText";
import { SupervisionPanel } from "./SupervisionPanel";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

const KEY = "age1v7f2tn58zpq4yrpw5f5px6g3awpyer5c7aee42w98xljy2z6wqqq99nwth";

function aDocument(overrides: Partial<SupervisionDocument> = {}): SupervisionDocument {
  return {
    format: "kizuki-supervision-report",
    version: 1,
    pseudonymised: true,
    client: { label: "相談者（P-7KQ2MX）", reference: "P-7KQ2MX", department: null, role: null, company: null, ageBand: "40s" },
    program: "2026年度 セルフ・キャリアドック",
    interviews: [{ kind: "initial", heldOn: "2026-06-10" }],
    parts: { careerAwareness: "〇〇さんは異動を迷う。", workplace: "", organisational: "", proposedSupport: "" },
    leftOut: [],
    question: null,
    consent: null,
    recipient: null,
    regarding: null,
    ...overrides,
  };
}

function anItem(overrides: Partial<InboxItem> = {}): InboxItem {
  return {
    id: 1,
    receivedAt: "2026-11-24T00:00:00Z",
    packageSha256: "ab".repeat(32),
    supervisor: "SV 田中",
    regarding: "KZ-3",
    clientId: 3,
    writtenOn: "2026-11-24",
    comments: "目標の具体化を支援してください。",
    ...overrides,
  };
}

describe("segments", () => {
  it("marks what was masked and what may still name someone", () => {
    expect(segments("〇〇さんは佐藤課長とサンプル社の Tokyo 支店で話した。")).toEqual([
      { text: "〇〇", kind: "masked" },
      { text: "さんは", kind: "plain" },
      { text: "佐藤", kind: "remaining" },
      { text: "課長と", kind: "plain" },
      { text: "サンプル", kind: "remaining" },
      { text: "社の ", kind: "plain" },
      { text: "Tokyo", kind: "remaining" },
      { text: " 支店で話した。", kind: "plain" },
    ]);
    expect(segments("異動を迷う。")).toEqual([{ text: "異動を迷う。", kind: "plain" }]);
  });
});

describe("SupervisionPanel", () => {
  it("gathers nothing until opened, previews the pseudonymised report with the question, and exports it", async () => {
    mocked.supervisionPreview.mockImplementation((request) =>
      Promise.resolve(aDocument({ question: request.question })),
    );
    mocked.supervisionExport.mockResolvedValue({
      path: "/home/u/Downloads/スーパービジョン用報告書-KZ-3-5.age",
      bytes: 900,
      sha256: "cd".repeat(32),
      provisionRecord: null,
    });
    const user = userEvent.setup();
    renderScreen(<SupervisionPanel reportId={5} />);
    expect(mocked.supervisionPreview).not.toHaveBeenCalled();
    await user.click(screen.getByTestId("supervision-toggle"));
    expect((await screen.findByTestId("supervision-client")).textContent).toBe("相談者（P-7KQ2MX）");
    expect(screen.getByTestId("supervision-part-careerAwareness").textContent).toBe("〇〇さんは異動を迷う。");
    expect(screen.getByTestId("supervision-preview").textContent).toContain("仮名化して送られます");
    await user.type(screen.getByTestId("supervision-question"), "関わり方");
    await waitFor(() => {
      expect(mocked.supervisionPreview).toHaveBeenLastCalledWith({ reportId: 5, question: "関わり方" });
    });
    await user.type(screen.getByTestId("supervision-keys"), KEY);
    // A pseudonymised text goes only once the consultant has read what was masked and what is left.
    expect(screen.getByTestId("supervision-export-button")).toHaveProperty("disabled", true);
    await user.click(screen.getByTestId("supervision-confirm"));
    await user.click(screen.getByTestId("supervision-export-button"));
    expect((await screen.findByTestId("supervision-exported")).dataset.path).toContain("KZ-3-5.age");
    expect(mocked.supervisionExport).toHaveBeenCalledWith({ reportId: 5, question: "関わり方" }, [KEY], null, false);
  });

  it("shows a named report's parts the consent leaves out as not sent", async () => {
    mocked.supervisionPreview.mockResolvedValue(
      aDocument({
        pseudonymised: false,
        client: { label: "阿部 真理", reference: "KZ-3", department: "経理部", role: null, company: null, ageBand: "40s" },
        parts: { careerAwareness: "", workplace: "職場の記述", organisational: "", proposedSupport: "" },
        leftOut: ["career_awareness", "proposed_support"],
        consent: "KZC-2",
        recipient: "SV 田中様",
      }),
    );
    const user = userEvent.setup();
    renderScreen(<SupervisionPanel reportId={5} />);
    await user.click(screen.getByTestId("supervision-toggle"));
    expect((await screen.findByTestId("supervision-left-out-careerAwareness")).textContent).toBe(
      "「キャリア意識上の課題」は同意の範囲外のため送られません。",
    );
    expect(screen.getByTestId("supervision-left-out-proposedSupport")).toBeTruthy();
    expect(screen.queryByTestId("supervision-part-careerAwareness")).toBeNull();
    expect(screen.getByTestId("supervision-part-workplace").textContent).toBe("職場の記述");
    expect(screen.getByTestId("supervision-preview").textContent).toContain("同意された項目だけ");
  });
});

describe("InboxScreen", () => {
  it("offers the key to give out, imports a package from Downloads, and says why one was refused", async () => {
    mocked.inboxRecipient.mockResolvedValue(KEY);
    mocked.inboxCandidates.mockResolvedValue(["comments.age", "other.age"]);
    mocked.inboxList.mockResolvedValueOnce([]).mockResolvedValue([anItem()]);
    mocked.inboxImport
      .mockResolvedValueOnce(anItem())
      .mockRejectedValueOnce(new AppError("package_not_for_you", "not for this key", null));
    const user = userEvent.setup();
    const { navigate } = renderScreen(<InboxScreen />);
    expect(await screen.findByDisplayValue(KEY)).toBeTruthy();
    expect(await screen.findByText("まだ何も受け取っていません。")).toBeTruthy();
    const buttons = await screen.findAllByTestId("inbox-import");
    await user.click(buttons[0]!);
    expect((await screen.findByTestId("inbox-imported")).textContent).toContain("comments.age");
    expect(mocked.inboxImport).toHaveBeenCalledWith("comments.age");
    expect((await screen.findByTestId("inbox-item")).textContent).toContain("目標の具体化を支援してください。");
    // Anyone who knows the inbox key can write any name: the app says it is not verified.
    expect(screen.getByTestId("inbox-unverified").textContent).toBe("差出人は未確認");
    await user.click(screen.getByTestId("inbox-client"));
    expect(navigate).toHaveBeenCalledWith({ name: "client", clientId: 3 });
    await user.click(buttons[1]!);
    expect((await screen.findByRole("alert")).dataset.code).toBe("package_not_for_you");
  });
});
