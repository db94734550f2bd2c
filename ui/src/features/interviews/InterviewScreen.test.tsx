import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import { anInterview } from "../../test/apiMock";
import type { ApiMock } from "../../test/apiMock";
import { renderScreen } from "../../test/render";
import { InterviewScreen } from "./InterviewScreen";
import { anAmendment, answerInterviewPage } from "./testing";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

function setup() {
  const user = userEvent.setup();
  return { user, ...renderScreen(<InterviewScreen interviewId={7} />) };
}

describe("InterviewScreen", () => {
  beforeEach(() => {
    answerInterviewPage(mocked, { programId: 11, purpose: "キャリアの棚卸し" });
  });

  it("shows the notes, the numbered sheet and the questionnaire side by side", async () => {
    setup();
    expect((await screen.findByTestId<HTMLTextAreaElement>("note-editor")).value).toBe("営業10年目\n転職を考えている");
    await screen.findByTestId("sheet-section-7");
    const titles = screen.getByTestId("sheet-panel").querySelectorAll("label");
    expect([...titles].map((title) => title.textContent)).toEqual([
      "1現在の仕事・悩み",
      "2中長期のビジョン",
      "3強み・実績",
      "4価値観",
      "5キャリア意識上の課題",
      "6職場環境",
      "7組織的な課題",
    ]);
    expect(screen.getByTestId("sheet-status-1").dataset.state).toBe("saved");
    const questionnaire = await screen.findByTestId("questionnaire-panel");
    expect(within(questionnaire).getByText("事前シート「3年後に目指す自分」")).toBeDefined();
    for (const field of ["skills", "qualifications", "income-and-role", "private-life"]) {
      expect(screen.getByTestId(`questionnaire-${field}`)).toBeDefined();
    }
    expect(mocked.questionnaireFind).toHaveBeenCalledWith(3, 11);
    expect(await screen.findByTestId("client-flags")).toBeDefined();
    expect(mocked.flagList).toHaveBeenCalledWith(3);
  });

  it("heads the page with who, what kind, when, and when it was created and last changed", async () => {
    const { user, navigate } = setup();
    expect((await screen.findByTestId("interview-client-name")).textContent).toBe("山田 花子やまだ はなこ");
    expect(screen.getByTestId("interview-kind-label").textContent).toBe("初回面談");
    expect(screen.getByText("予定 2026年11月21日 10:00")).toBeDefined();
    expect(screen.getByText("目的：キャリアの棚卸し")).toBeDefined();
    expect(await screen.findByText("2026年度 セルフ・キャリアドック")).toBeDefined();
    expect(screen.getByTestId("interview-stamps").textContent).toMatch(
      // The instants are shown in local time: any zone's day and hour.
      /^作成 2026年11月\d+日 \d\d:30 · 最終変更 2026年11月\d+日 \d\d:\d5$/,
    );
    expect(screen.queryByTestId("interview-held-badge")).toBeNull();
    expect(screen.queryByTestId("history-toggle")).toBeNull();

    await user.click(screen.getByTestId("back-to-client"));
    expect(navigate).toHaveBeenCalledWith({ name: "client", clientId: 3 });
  });

  it("marks the interview held: the badge shows, and its history can be opened", async () => {
    const held = anInterview({ heldAt: "2026-11-21T10:00", scheduledAt: "2026-11-21T10:00" });
    mocked.interviewMarkHeld.mockImplementation(() => {
      mocked.interviewGet.mockResolvedValue(held);
      return Promise.resolve(held);
    });
    const { user } = setup();
    await user.click(await screen.findByTestId("mark-held"));

    expect(await screen.findByTestId("interview-held-badge")).toBeDefined();
    expect(mocked.interviewMarkHeld).toHaveBeenCalledExactlyOnceWith(7, null);
    expect(screen.getByTestId("history-toggle").getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByTestId("mark-held")).toBeNull();
  });

  it("lists a held interview's amendments with what they replaced", async () => {
    answerInterviewPage(mocked, { heldAt: "2026-11-21T10:00" });
    mocked.interviewHistory.mockResolvedValue([
      anAmendment({ id: 31, before: "営業10年目", after: "営業10年目\n転職を考えている" }),
      anAmendment({
        id: 32,
        sheetSectionId: 202,
        before: "",
        after: "5年後に管理職",
        startedAt: "2026-11-21T07:00:00Z",
        changedAt: "2026-11-21T07:04:00Z",
      }),
    ]);
    const { user } = setup();
    await user.click(await screen.findByTestId("history-toggle"));

    const rows = await screen.findAllByTestId("amendment-row");
    expect(rows).toHaveLength(2);
    // Newest first.
    expect(rows[0]!.textContent).toContain("2. 中長期のビジョン");
    expect(rows[0]!.textContent).toContain(" 〜 ");
    expect(within(rows[0]!).getByTestId("amendment-before").textContent).toBe("（空）");
    expect(within(rows[0]!).getByTestId("amendment-after").textContent).toBe("5年後に管理職");
    expect(rows[1]!.textContent).toContain("メモ");
    expect(within(rows[1]!).getByTestId("amendment-before").textContent).toBe("営業10年目");
    expect(within(rows[1]!).getByTestId("amendment-after").textContent).toBe("営業10年目\n転職を考えている");
    expect(mocked.interviewHistory).toHaveBeenCalledWith(7);

    await user.click(screen.getByTestId("history-toggle"));
    expect(screen.queryByTestId("amendment-row")).toBeNull();
  });

  it("refreshes the open history after an autosave of a held interview", async () => {
    answerInterviewPage(mocked, { heldAt: "2026-11-21T10:00" });
    const { user } = setup();
    await user.click(await screen.findByTestId("history-toggle"));
    await waitFor(() => {
      expect(mocked.interviewHistory).toHaveBeenCalledTimes(1);
    });

    fireEvent.change(screen.getByTestId("sheet-section-3"), { target: { value: "傾聴が得意" } });
    fireEvent.blur(screen.getByTestId("sheet-section-3"));
    await waitFor(() => {
      expect(mocked.interviewHistory).toHaveBeenCalledTimes(2);
    });
    expect(mocked.sheetSaveSection).toHaveBeenCalledExactlyOnceWith(203, "傾聴が得意");
  });

  it("saves edited details through interviewUpdate", async () => {
    mocked.interviewUpdate.mockImplementation((id, details) => Promise.resolve(anInterview({ id, ...details })));
    const { user } = setup();
    await user.click(await screen.findByTestId("edit-details"));
    await user.selectOptions(screen.getByTestId("details-kind"), "follow_up");
    await user.selectOptions(screen.getByTestId("details-place"), "online");
    await user.type(screen.getByTestId("details-duration"), "60");
    await user.clear(screen.getByTestId("details-purpose"));
    await user.type(screen.getByTestId("details-theme"), "異動の希望");
    await user.click(screen.getByTestId("details-save"));

    await waitFor(() => {
      expect(screen.queryByTestId("interview-details-form")).toBeNull();
    });
    expect(mocked.interviewUpdate).toHaveBeenCalledExactlyOnceWith(7, {
      kind: "follow_up",
      programId: 11,
      scheduledAt: "2026-11-21T10:00",
      heldAt: null,
      durationMinutes: 60,
      place: "online",
      purpose: null,
      theme: "異動の希望",
      followUpDueOn: null,
    });
  });

  it("shows the core's message for the field at fault in the details, and keeps the form", async () => {
    mocked.interviewUpdate.mockRejectedValue(new AppError("required", "ScheduledAt is required", "scheduledAt"));
    const { user } = setup();
    await user.click(await screen.findByTestId("edit-details"));
    fireEvent.change(screen.getByTestId("details-scheduled-at"), { target: { value: "" } });
    await user.click(screen.getByTestId("details-save"));

    expect((await screen.findByTestId("details-error")).textContent).toBe("予定日時を入力してください。");
    expect(screen.getByTestId("details-scheduled-at").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByTestId("details-held-at").getAttribute("aria-invalid")).toBeNull();
    expect(mocked.interviewUpdate.mock.calls[0]?.[1].scheduledAt).toBeNull();
    expect(screen.getByTestId("interview-details-form")).toBeDefined();
  });

  it("refuses a length that is not whole minutes without sending it", async () => {
    const { user } = setup();
    await user.click(await screen.findByTestId("edit-details"));
    fireEvent.change(screen.getByTestId("details-duration"), { target: { value: "1.5" } });
    await user.click(screen.getByTestId("details-save"));
    expect((await screen.findByTestId("details-error")).textContent).toBe("所要時間（分）の値が範囲外です。");
    expect(screen.getByTestId("details-duration").getAttribute("aria-invalid")).toBe("true");
    expect(mocked.interviewUpdate).not.toHaveBeenCalled();
  });

  it("keeps a date without a time as it is unless the field is changed", async () => {
    answerInterviewPage(mocked, { scheduledAt: "2026-11-21" });
    mocked.interviewUpdate.mockImplementation((id, details) => Promise.resolve(anInterview({ id, ...details })));
    const { user } = setup();
    await user.click(await screen.findByTestId("edit-details"));
    await user.click(screen.getByTestId("details-save"));
    await waitFor(() => {
      expect(mocked.interviewUpdate).toHaveBeenCalledTimes(1);
    });
    expect(mocked.interviewUpdate.mock.calls[0]?.[1].scheduledAt).toBe("2026-11-21");
  });

  it("says so when the interview cannot be loaded", async () => {
    mocked.interviewGet.mockRejectedValue(new AppError("not_found"));
    setup();
    expect((await screen.findByTestId("load-error")).dataset.code).toBe("not_found");
  });
});
