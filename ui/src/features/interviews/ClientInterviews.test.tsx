import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import { aClient, anInterview, anInterviewSummary, aProgram } from "../../test/apiMock";
import type { ApiMock } from "../../test/apiMock";
import { renderScreen } from "../../test/render";
import { ClientInterviews } from "./ClientInterviews";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

describe("ClientInterviews", () => {
  beforeEach(() => {
    mocked.clientGet.mockResolvedValue(aClient({ programIds: [11, 12] }));
    mocked.programGet.mockImplementation((id) =>
      Promise.resolve(aProgram({ id, name: id === 11 ? "2026年度 セルフ・キャリアドック" : "管理職研修" })),
    );
    mocked.interviewList.mockResolvedValue([]);
  });

  it("lists the client's interviews newest first, with kind, time, state and notes preview", async () => {
    mocked.interviewList.mockResolvedValue([
      anInterviewSummary({ id: 8, kind: "follow_up", heldAt: null, scheduledAt: "2026-12-01T14:30" }),
      anInterviewSummary({ id: 7, kind: "initial", heldAt: "2026-11-21T10:00", notesPreview: "営業10年目" }),
    ]);
    const { navigate } = renderScreen(<ClientInterviews clientId={3} />);

    const rows = await screen.findAllByTestId("interview-row");
    expect(rows.map((row) => row.textContent)).toEqual([
      "2026年12月1日 14:30フォローアップ面談予定（メモなし）",
      "2026年11月21日 10:00初回面談実施済み営業10年目",
    ]);
    await userEvent.setup().click(rows[1]!);
    expect(navigate).toHaveBeenCalledWith({ name: "interview", interviewId: 7 });
  });

  it("creates an interview of a kind, in a program, at a time, and opens it", async () => {
    mocked.interviewCreate.mockResolvedValue(anInterview({ id: 9, heldAt: null, scheduledAt: "2026-12-01T14:30" }));
    const user = userEvent.setup();
    const { navigate, queryClient } = renderScreen(<ClientInterviews clientId={3} />);
    const invalidate = vi.spyOn(queryClient, "invalidateQueries");

    await user.click(await screen.findByTestId("add-interview"));
    const kinds = within(screen.getByTestId("interview-kind")).getAllByRole("option");
    expect(kinds.map((option) => option.textContent)).toEqual([
      "初回面談",
      "フォローアップ面談",
      "追加面談",
      "上司へのコンサルテーション",
      "スーパービジョン",
    ]);
    // No interview yet: a first interview is the likely one.
    expect(screen.getByTestId<HTMLSelectElement>("interview-kind").value).toBe("initial");
    await waitFor(() => {
      expect(screen.getByRole("option", { name: "管理職研修" })).toBeDefined();
    });

    await user.selectOptions(screen.getByTestId("interview-kind"), "additional");
    await user.selectOptions(screen.getByTestId("interview-program"), "12");
    fireEvent.change(screen.getByTestId("interview-scheduled-at"), { target: { value: "2026-12-01T14:30" } });
    await user.click(screen.getByTestId("interview-create"));

    await waitFor(() => {
      expect(navigate).toHaveBeenCalledWith({ name: "interview", interviewId: 9 });
    });
    expect(mocked.interviewCreate).toHaveBeenCalledExactlyOnceWith({
      clientId: 3,
      details: {
        programId: 12,
        kind: "additional",
        scheduledAt: "2026-12-01T14:30",
        heldAt: null,
        durationMinutes: null,
        place: null,
        purpose: null,
        theme: null,
      },
    });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ["interviews", "list", 3] });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ["clients", "list"] });
  });

  it("takes the client's only program unless told otherwise, and none on request", async () => {
    mocked.clientGet.mockResolvedValue(aClient({ programIds: [11] }));
    mocked.interviewCreate.mockResolvedValue(anInterview({ id: 9 }));
    const user = userEvent.setup();
    renderScreen(<ClientInterviews clientId={3} />);
    await user.click(await screen.findByTestId("add-interview"));
    await waitFor(() => {
      expect(screen.getByTestId<HTMLSelectElement>("interview-program").value).toBe("11");
    });
    await user.selectOptions(screen.getByTestId("interview-program"), "");
    await user.click(screen.getByTestId("interview-create"));
    await waitFor(() => {
      expect(mocked.interviewCreate).toHaveBeenCalledTimes(1);
    });
    expect(mocked.interviewCreate.mock.calls[0]?.[0].details.programId).toBeNull();
  });

  it("shows the core's message naming the field, and marks the field", async () => {
    mocked.interviewCreate.mockRejectedValue(new AppError("required", "ScheduledAt is required", "scheduledAt"));
    const user = userEvent.setup();
    const { navigate } = renderScreen(<ClientInterviews clientId={3} />);
    await user.click(await screen.findByTestId("add-interview"));
    fireEvent.change(screen.getByTestId("interview-scheduled-at"), { target: { value: "" } });
    await user.click(screen.getByTestId("interview-create"));

    expect((await screen.findByTestId("interview-create-error")).textContent).toBe("予定日時を入力してください。");
    expect(mocked.interviewCreate.mock.calls[0]?.[0].details.scheduledAt).toBeNull();
    expect(screen.getByTestId("interview-scheduled-at").getAttribute("aria-invalid")).toBe("true");
    expect(navigate).not.toHaveBeenCalled();
    // The form stays, as it was, for a second try.
    expect(screen.getByTestId<HTMLButtonElement>("interview-create").disabled).toBe(false);
  });

  it("proposes a follow-up once the client has had an interview", async () => {
    mocked.interviewList.mockResolvedValue([anInterviewSummary()]);
    const user = userEvent.setup();
    renderScreen(<ClientInterviews clientId={3} />);
    await screen.findAllByTestId("interview-row");
    await user.click(screen.getByTestId("add-interview"));
    expect(screen.getByTestId<HTMLSelectElement>("interview-kind").value).toBe("follow_up");
  });
});
