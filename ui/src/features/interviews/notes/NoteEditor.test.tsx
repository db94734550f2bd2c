import { act, fireEvent, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../../ipc/api";
import type { Interview } from "../../../ipc/api";
import { AppError } from "../../../ipc/appError";
import { anInterview, deferred } from "../../../test/apiMock";
import type { ApiMock } from "../../../test/apiMock";
import { renderScreen } from "../../../test/render";
import { AUTOSAVE_DELAY_MS } from "../autosave/useAutosave";
import { interviewKeys } from "../queries";
import { NoteEditor } from "./NoteEditor";

vi.mock("../../../ipc/api", async () => (await import("../../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

const SCHEDULED = { heldAt: null, scheduledAt: "2026-11-21T10:00" } as const;

/** The shell's answer to a save: the interview with the new notes and a new updatedAt. */
function storedAs(notes: string, overrides: Partial<Interview> = SCHEDULED): Interview {
  return anInterview({ ...overrides, notes, updatedAt: "2026-11-21T05:05:00Z" });
}

function editor() {
  return screen.getByTestId<HTMLTextAreaElement>("note-editor");
}

function saveState() {
  return screen.getByTestId("save-status").dataset.state;
}

/** Lets timers run and settled promises deliver their results inside React's act(). */
async function advance(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

/**
 * Types at the end of the field. (user-event is not used here: under fake timers its act()
 * wrapper waits on a setTimeout that never fires in Vitest.)
 */
function type(text: string) {
  fireEvent.input(editor(), { target: { value: editor().value + text } });
}

/** Replaces the field's value the way an IME does while converting (no key events). */
function imeUpdate(value: string) {
  fireEvent.input(editor(), { target: { value }, isComposing: true });
}

describe("NoteEditor autosave", () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: false });
    vi.setSystemTime(new Date("2026-11-21T05:00:00Z"));
    mocked.interviewSaveNotes.mockImplementation((_id, notes) => Promise.resolve(storedAs(notes)));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  function setup(interview: Interview = anInterview(SCHEDULED)) {
    return renderScreen(<NoteEditor interview={interview} sections={[]} onCapture={() => Promise.resolve()} />);
  }

  it("saves once, 700 ms after the last change", async () => {
    setup();
    expect(saveState()).toBe("saved");

    type("abc");
    expect(saveState()).toBe("dirty");
    expect(screen.getByTestId("save-status").textContent).toBe("未保存の変更");

    await advance(AUTOSAVE_DELAY_MS - 1);
    expect(mocked.interviewSaveNotes).not.toHaveBeenCalled();

    await advance(1);
    expect(mocked.interviewSaveNotes).toHaveBeenCalledTimes(1);
    expect(mocked.interviewSaveNotes).toHaveBeenCalledWith(7, "abc");
    expect(saveState()).toBe("saved");
    expect(screen.getByTestId("save-status").textContent).toMatch(/^保存しました \d{2}:\d{2}$/);
  });

  it("restarts the delay on every change", async () => {
    setup();
    type("a");
    await advance(500);
    type("b");
    await advance(500);
    expect(mocked.interviewSaveNotes).not.toHaveBeenCalled();
    await advance(200);
    expect(mocked.interviewSaveNotes).toHaveBeenCalledExactlyOnceWith(7, "ab");
  });

  it("saves nothing while a composition is open: not the delay, not blur, not Ctrl+S", async () => {
    setup();
    fireEvent.compositionStart(editor());
    imeUpdate("きょう");
    await advance(AUTOSAVE_DELAY_MS * 3);

    fireEvent.keyDown(editor(), { key: "s", ctrlKey: true });
    fireEvent.keyDown(editor(), { key: "s", metaKey: true });
    fireEvent.blur(editor());
    await advance(AUTOSAVE_DELAY_MS * 3);
    expect(mocked.interviewSaveNotes).not.toHaveBeenCalled();

    // The blur is honoured once the conversion is confirmed, with the confirmed text.
    imeUpdate("今日");
    fireEvent.compositionEnd(editor(), { data: "今日" });
    await advance(0);
    expect(mocked.interviewSaveNotes).toHaveBeenCalledExactlyOnceWith(7, "今日");
  });

  it("after compositionend, saves the final text after the delay", async () => {
    setup(anInterview({ ...SCHEDULED, notes: "面談メモ：" }));
    fireEvent.compositionStart(editor());
    imeUpdate("面談メモ：てんしょく");
    await advance(AUTOSAVE_DELAY_MS * 2);
    expect(mocked.interviewSaveNotes).not.toHaveBeenCalled();

    imeUpdate("面談メモ：転職");
    fireEvent.compositionEnd(editor(), { data: "転職" });
    expect(saveState()).toBe("dirty");
    await advance(AUTOSAVE_DELAY_MS);
    expect(mocked.interviewSaveNotes).toHaveBeenCalledExactlyOnceWith(7, "面談メモ：転職");
  });

  it("cancels a pending delay when a composition starts", async () => {
    setup();
    type("a");
    await advance(AUTOSAVE_DELAY_MS - 100);
    fireEvent.compositionStart(editor());
    imeUpdate("aか");
    await advance(AUTOSAVE_DELAY_MS * 2);
    expect(mocked.interviewSaveNotes).not.toHaveBeenCalled();
  });

  it("ignores Ctrl+S sent as keyCode 229 (WebKit's composing key) even without compositionstart", async () => {
    setup();
    type("x");
    fireEvent.keyDown(editor(), { key: "s", ctrlKey: true, keyCode: 229 });
    await advance(0);
    expect(mocked.interviewSaveNotes).not.toHaveBeenCalled();
  });

  it("treats an input event flagged isComposing as composition even without compositionstart", async () => {
    setup();
    imeUpdate("へんかん");
    await advance(AUTOSAVE_DELAY_MS * 2);
    expect(mocked.interviewSaveNotes).not.toHaveBeenCalled();
    expect(saveState()).toBe("dirty");
  });

  it("saves at once on Ctrl+S and on Cmd+S, and keeps the browser's own Save away", async () => {
    setup();
    type("x");
    const notPrevented = fireEvent.keyDown(editor(), { key: "s", ctrlKey: true });
    expect(notPrevented).toBe(false);
    await advance(0);
    expect(mocked.interviewSaveNotes).toHaveBeenCalledExactlyOnceWith(7, "x");

    type("y");
    fireEvent.keyDown(editor(), { key: "S", metaKey: true });
    await advance(0);
    expect(mocked.interviewSaveNotes).toHaveBeenLastCalledWith(7, "xy");
  });

  it("saves at once on blur", async () => {
    setup();
    type("x");
    fireEvent.blur(editor());
    await advance(0);
    expect(mocked.interviewSaveNotes).toHaveBeenCalledExactlyOnceWith(7, "x");
  });

  it("does not save when nothing changed", async () => {
    setup(anInterview({ ...SCHEDULED, notes: "既存のメモ" }));
    fireEvent.blur(editor());
    fireEvent.keyDown(editor(), { key: "s", ctrlKey: true });
    await advance(AUTOSAVE_DELAY_MS * 2);
    expect(mocked.interviewSaveNotes).not.toHaveBeenCalled();
  });

  it("saves edits made during an in-flight save right after it", async () => {
    const first = deferred<Interview>();
    mocked.interviewSaveNotes.mockImplementationOnce(() => first.promise);
    setup();

    type("a");
    await advance(AUTOSAVE_DELAY_MS);
    expect(mocked.interviewSaveNotes).toHaveBeenCalledTimes(1);
    expect(saveState()).toBe("saving");

    type("b");
    await advance(AUTOSAVE_DELAY_MS);
    // One save at a time: the second waits for the first.
    expect(mocked.interviewSaveNotes).toHaveBeenCalledTimes(1);

    first.resolve(storedAs("a"));
    await advance(0);
    expect(mocked.interviewSaveNotes).toHaveBeenCalledTimes(2);
    expect(mocked.interviewSaveNotes).toHaveBeenLastCalledWith(7, "ab");
    expect(saveState()).toBe("saved");
    expect(editor().value).toBe("ab");
  });

  it("keeps newer edits when a blur arrives during an in-flight save", async () => {
    const first = deferred<Interview>();
    mocked.interviewSaveNotes.mockImplementationOnce(() => first.promise);
    setup();

    type("a");
    fireEvent.blur(editor());
    type("b");
    fireEvent.blur(editor());
    first.resolve(storedAs("a"));
    await advance(0);
    expect(mocked.interviewSaveNotes.mock.calls).toEqual([
      [7, "a"],
      [7, "ab"],
    ]);
  });

  it("shows the error state on a failed save, keeps the text, and retries on the next change", async () => {
    mocked.interviewSaveNotes.mockRejectedValueOnce(new AppError("storage"));
    setup();

    type("大切なメモ");
    await advance(AUTOSAVE_DELAY_MS);
    expect(saveState()).toBe("error");
    expect(screen.getByTestId("save-status").textContent).toContain("保存できませんでした");
    expect(editor().value).toBe("大切なメモ");

    // No retry loop on its own.
    await advance(AUTOSAVE_DELAY_MS * 5);
    expect(mocked.interviewSaveNotes).toHaveBeenCalledTimes(1);

    type("。");
    expect(saveState()).toBe("error");
    await advance(AUTOSAVE_DELAY_MS);
    expect(mocked.interviewSaveNotes).toHaveBeenLastCalledWith(7, "大切なメモ。");
    expect(saveState()).toBe("saved");
  });

  it("retries a failed save on blur", async () => {
    mocked.interviewSaveNotes.mockRejectedValueOnce(new AppError("storage"));
    setup();
    type("x");
    await advance(AUTOSAVE_DELAY_MS);
    expect(saveState()).toBe("error");

    fireEvent.blur(editor());
    await advance(0);
    expect(mocked.interviewSaveNotes).toHaveBeenCalledTimes(2);
    expect(saveState()).toBe("saved");
  });

  it("marks the list (its preview) and the interview (its last change) stale after a save", async () => {
    const { queryClient } = setup();
    const invalidate = vi.spyOn(queryClient, "invalidateQueries");
    type("見出し");
    await advance(AUTOSAVE_DELAY_MS);
    expect(invalidate.mock.calls).toEqual([
      [{ queryKey: interviewKeys.list(3) }],
      [{ queryKey: interviewKeys.detail(7) }],
    ]);
  });

  it("also marks the history stale when the interview is held (the save is an amendment)", async () => {
    mocked.interviewSaveNotes.mockImplementation((_id, notes) => Promise.resolve(storedAs(notes, {})));
    const { queryClient } = setup(anInterview());
    const invalidate = vi.spyOn(queryClient, "invalidateQueries");
    type("追記");
    await advance(AUTOSAVE_DELAY_MS);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: interviewKeys.history(7) });
  });

  it("saves on unmount (leaving the page)", async () => {
    const { unmount } = setup();
    type("途中まで");
    unmount();
    await advance(0);
    expect(mocked.interviewSaveNotes).toHaveBeenCalledExactlyOnceWith(7, "途中まで");
  });

  it("shows the capture keys in one quiet line", () => {
    setup();
    expect(screen.getByTestId("capture-hint").textContent).toContain("Alt+数字");
    expect(screen.getByTestId("capture-hint").textContent).toContain("Ctrl+Enter");
  });
});
