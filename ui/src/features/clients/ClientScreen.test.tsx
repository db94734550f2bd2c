import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import type { SessionSummary } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import { aClient, aSession } from "../../test/apiMock";
import type { ApiMock } from "../../test/apiMock";
import { switchLanguage } from "../../test/language";
import { todayIsoDate } from "../../shared/format";
import { ClientScreen } from "./ClientScreen";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

function summary(id: number, heldOn: string, notesPreview: string): SessionSummary {
  return { id, clientId: 3, heldOn, notesPreview, updatedAt: "2026-11-21T05:00:00Z" };
}

describe("ClientScreen", () => {
  beforeEach(() => {
    mocked.clientGet.mockResolvedValue(aClient());
    mocked.sessionList.mockResolvedValue([summary(8, "2026-11-21", "二回目"), summary(7, "2026-10-02", "")]);
    mocked.sessionGet.mockImplementation((id) =>
      Promise.resolve(aSession({ id, notes: id === 8 ? "二回目のメモ" : "" })),
    );
    mocked.sessionSaveNotes.mockImplementation((id, notes) => Promise.resolve(aSession({ id, notes })));
  });

  it("shows the client with the reading above the name, and the interviews newest first", async () => {
    render(<ClientScreen clientId={3} onBack={vi.fn()} />);
    const heading = await screen.findByTestId("client-name-heading");
    expect(heading.textContent).toContain("山田 花子");
    expect(heading.querySelector("rt")?.textContent).toBe("やまだ はなこ");
    expect(screen.getByText("株式会社サンプル / 営業部")).toBeTruthy();

    await waitFor(() => {
      expect(screen.getAllByTestId("session-row")).toHaveLength(2);
    });
    const rows = screen.getAllByTestId("session-row");
    expect(rows[0]?.textContent).toBe("2026年11月21日二回目");
    expect(rows[1]?.textContent).toBe("2026年10月2日（メモなし）");

    await switchLanguage("en");
    expect(screen.getAllByTestId("session-row")[0]?.textContent).toBe("Nov 21, 2026二回目");
  });

  it("opens a session's notes in the editor", async () => {
    const user = userEvent.setup();
    render(<ClientScreen clientId={3} onBack={vi.fn()} />);
    await user.click((await screen.findAllByTestId("session-row"))[0]!);
    expect((await screen.findByTestId<HTMLTextAreaElement>("note-editor")).value).toBe("二回目のメモ");
  });

  it("saves the open note before switching to another session", async () => {
    const user = userEvent.setup();
    render(<ClientScreen clientId={3} onBack={vi.fn()} />);
    const rows = await screen.findAllByTestId("session-row");
    await user.click(rows[0]!);
    await user.type(await screen.findByTestId("note-editor"), "。追記");
    await user.click(rows[1]!);

    await waitFor(() => {
      expect(screen.getByTestId<HTMLTextAreaElement>("note-editor").value).toBe("");
    });
    expect(mocked.sessionSaveNotes).toHaveBeenCalledWith(8, "二回目のメモ。追記");
    const saved = mocked.sessionSaveNotes.mock.invocationCallOrder[0] ?? Infinity;
    const opened = mocked.sessionGet.mock.invocationCallOrder[1] ?? -Infinity;
    expect(saved).toBeLessThan(opened);
  });

  it("adds an interview dated today by default, and opens it", async () => {
    mocked.sessionCreate.mockResolvedValue(aSession({ id: 9, heldOn: todayIsoDate(), notes: "" }));
    const user = userEvent.setup();
    render(<ClientScreen clientId={3} onBack={vi.fn()} />);
    const date = await screen.findByTestId<HTMLInputElement>("session-date");
    expect(date.value).toBe(todayIsoDate());

    await user.click(screen.getByTestId("add-session"));
    await screen.findByTestId("note-editor");
    expect(mocked.sessionCreate).toHaveBeenCalledWith({ clientId: 3, heldOn: todayIsoDate(), notes: "" });
  });

  it("shows a refused date inline", async () => {
    mocked.sessionCreate.mockRejectedValue(new AppError("invalid_date"));
    const user = userEvent.setup();
    render(<ClientScreen clientId={3} onBack={vi.fn()} />);
    await user.click(await screen.findByTestId("add-session"));
    const form = screen.getByTestId("add-session").closest("form")!;
    expect(within(form).getByTestId("form-error").textContent).toBe(
      "日付が正しくありません。年・月・日を確かめてください。",
    );
  });

  it("goes back to the list", async () => {
    const onBack = vi.fn();
    const user = userEvent.setup();
    render(<ClientScreen clientId={3} onBack={onBack} />);
    await user.click(screen.getByTestId("back-to-clients"));
    expect(onBack).toHaveBeenCalledTimes(1);
  });
});
