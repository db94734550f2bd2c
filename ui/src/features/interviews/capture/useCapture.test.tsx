import { act, fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useRef } from "react";
import { describe, expect, it, vi } from "vitest";
import { deferred } from "../../../test/apiMock";
import { AppError } from "../../../ipc/appError";
import { applyLanguage } from "../../../i18n";
import type { CaptureSection } from "./passage";
import { useCapture } from "./useCapture";

const SECTIONS: CaptureSection[] = [
  { id: 101, number: 1, title: "現在の仕事・悩み" },
  { id: 102, number: 2, title: "中長期のビジョン" },
  { id: 103, number: 3, title: "強み・実績" },
  { id: 104, number: 4, title: "価値観" },
  { id: 105, number: 5, title: "キャリア意識の課題" },
];

const NOTES = "営業10年目\n転職を考えている\n顧客との信頼関係づくりが得意";

type OnCapture = (sectionId: number, passage: string) => Promise<void>;

/** A stand-in for the note editor: a textarea whose keydown goes through the hook. */
function Harness({ onCapture, isComposing }: { onCapture: OnCapture; isComposing?: () => boolean }) {
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const capture = useCapture({
    textareaRef,
    sections: SECTIONS,
    onCapture,
    ...(isComposing ? { isComposing } : {}),
  });
  return (
    <div>
      <textarea ref={textareaRef} data-testid="notes" defaultValue={NOTES} onKeyDown={capture.onKeyDown} />
      {capture.picker}
      <button type="button">elsewhere</button>
    </div>
  );
}

function notes() {
  return screen.getByTestId<HTMLTextAreaElement>("notes");
}

function status() {
  return screen.getByTestId("capture-status");
}

function setup(onCapture: OnCapture = vi.fn<OnCapture>(() => Promise.resolve())) {
  const user = userEvent.setup();
  render(<Harness onCapture={onCapture} />);
  return { user, onCapture };
}

/** Focuses the notes with the caret (or selection) at the given offsets. */
function placeCaret(start: number, end = start) {
  act(() => {
    notes().focus();
    notes().setSelectionRange(start, end);
  });
}

function caretIn(fragment: string, offset = 1) {
  placeCaret(NOTES.indexOf(fragment) + offset);
}

describe("useCapture: Alt+number", () => {
  it("files the caret's line into that section, and says so quietly", async () => {
    const { user, onCapture } = setup();
    caretIn("転職");

    await user.keyboard("{Alt>}2{/Alt}");

    expect(onCapture).toHaveBeenCalledExactlyOnceWith(102, "転職を考えている");
    expect(status().textContent).toBe("『中長期のビジョン』に追加しました");
    expect(status().getAttribute("role")).toBe("status");
    // The digit is not typed into the notes, and the caret stays where it was.
    expect(notes().value).toBe(NOTES);
    expect(document.activeElement).toBe(notes());
    expect(notes().selectionStart).toBe(NOTES.indexOf("転職") + 1);
  });

  it("files the selection instead of the line", async () => {
    const { user, onCapture } = setup();
    const start = NOTES.indexOf("信頼関係");
    placeCaret(start, start + "信頼関係づくり".length);

    await user.keyboard("{Alt>}3{/Alt}");

    expect(onCapture).toHaveBeenCalledExactlyOnceWith(103, "信頼関係づくり");
  });

  it("reads the physical key, whatever the layout makes of it (keypad, Option on a Mac)", () => {
    const { onCapture } = setup();
    caretIn("営業");
    fireEvent.keyDown(notes(), { code: "Numpad1", key: "1", altKey: true });
    fireEvent.keyDown(notes(), { code: "Digit4", key: "¢", altKey: true });
    expect(onCapture).toHaveBeenNthCalledWith(1, 101, "営業10年目");
    expect(onCapture).toHaveBeenNthCalledWith(2, 104, "営業10年目");
  });

  it("files nothing from an empty line, only a quiet message", async () => {
    const onCapture = vi.fn<OnCapture>(() => Promise.resolve());
    const user = userEvent.setup();
    render(<Harness onCapture={onCapture} />);
    fireEvent.change(notes(), { target: { value: "メモ\n\n" } });
    placeCaret(3);

    await user.keyboard("{Alt>}1{/Alt}");

    expect(onCapture).not.toHaveBeenCalled();
    expect(status().dataset.state).toBe("empty");
    expect(status().textContent).toContain("追加する文がありません");
  });

  it("says so when there is no section with that number", async () => {
    const { user, onCapture } = setup();
    caretIn("転職");
    await user.keyboard("{Alt>}9{/Alt}");
    expect(onCapture).not.toHaveBeenCalled();
    expect(status().textContent).toBe("9番の項目はありません");
  });

  it("reports a failure in the person's language", async () => {
    const onCapture = vi.fn<OnCapture>(() => Promise.reject(new AppError("storage")));
    const { user } = setup(onCapture);
    await act(() => applyLanguage("en"));
    caretIn("転職");

    await user.keyboard("{Alt>}3{/Alt}");

    expect(status().dataset.state).toBe("failed");
    expect(status().textContent).toBe(
      "Could not add to “強み・実績” (the notes are unchanged). Reading or writing the data failed. " +
        "Check the free disk space and permissions, then try again.",
    );
    expect(notes().value).toBe(NOTES);
  });
});

describe("useCapture: the picker (Ctrl/Cmd+Enter)", () => {
  it("files into the section whose name is typed", async () => {
    const { user, onCapture } = setup();
    caretIn("転職");

    await user.keyboard("{Control>}{Enter}{/Control}");
    expect(screen.queryByTestId("capture-picker")).not.toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("combobox"));
    expect(screen.queryByRole("listbox")).not.toBeNull();
    // Ctrl+Enter inserts no newline into the notes.
    expect(notes().value).toBe(NOTES);

    await user.keyboard("強み");
    expect(screen.getAllByRole("option").map((option) => option.dataset.testid)).toEqual(["capture-option-3"]);
    await user.keyboard("{Enter}");

    expect(onCapture).toHaveBeenCalledExactlyOnceWith(103, "転職を考えている");
    expect(screen.queryByTestId("capture-picker")).toBeNull();
    expect(status().textContent).toBe("『強み・実績』に追加しました");
    expect(document.activeElement).toBe(notes());
    expect(notes().selectionStart).toBe(NOTES.indexOf("転職") + 1);
  });

  it("files into the section whose number is typed, full-width too", async () => {
    const { user, onCapture } = setup();
    caretIn("転職");
    await user.keyboard("{Meta>}{Enter}{/Meta}");
    await user.type(screen.getByTestId("capture-query"), "４{Enter}");
    expect(onCapture).toHaveBeenCalledExactlyOnceWith(104, "転職を考えている");
  });

  it("moves the highlight with the arrows, and files the highlighted section", async () => {
    const { user, onCapture } = setup();
    caretIn("営業");
    await user.keyboard("{Control>}{Enter}{/Control}");

    const selected = () => screen.getByRole("option", { selected: true }).dataset.testid;
    expect(selected()).toBe("capture-option-1");
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(selected()).toBe("capture-option-3");
    expect(screen.getByRole("combobox").getAttribute("aria-activedescendant")).toBe(
      screen.getByTestId("capture-option-3").id,
    );
    await user.keyboard("{ArrowUp}{ArrowUp}{ArrowUp}");
    expect(selected()).toBe("capture-option-5");
    await user.keyboard("{Enter}");
    expect(onCapture).toHaveBeenCalledExactlyOnceWith(105, "営業10年目");
  });

  it("files a clicked section", async () => {
    const { user, onCapture } = setup();
    caretIn("営業");
    await user.keyboard("{Control>}{Enter}{/Control}");
    await user.click(screen.getByTestId("capture-option-2"));
    expect(onCapture).toHaveBeenCalledExactlyOnceWith(102, "営業10年目");
  });

  it("cancels on Escape and gives back focus with the selection as it was", async () => {
    const { user, onCapture } = setup();
    const start = NOTES.indexOf("信頼");
    placeCaret(start, start + 2);
    await user.keyboard("{Control>}{Enter}{/Control}");
    await user.keyboard("価値");
    // Some webviews put the caret of an unfocused textarea back at the start.
    notes().setSelectionRange(0, 0);

    await user.keyboard("{Escape}");

    expect(onCapture).not.toHaveBeenCalled();
    expect(screen.queryByTestId("capture-picker")).toBeNull();
    expect(document.activeElement).toBe(notes());
    expect([notes().selectionStart, notes().selectionEnd]).toEqual([start, start + 2]);
    expect(status().textContent).toBe("");
  });

  it("opens afresh each time", async () => {
    const { user } = setup();
    caretIn("営業");
    await user.keyboard("{Control>}{Enter}{/Control}");
    await user.keyboard("価値{Escape}");
    await user.keyboard("{Control>}{Enter}{/Control}");
    expect(screen.getByTestId<HTMLInputElement>("capture-query").value).toBe("");
  });

  it("closes when focus moves elsewhere on the page", async () => {
    const { user, onCapture } = setup();
    caretIn("営業");
    await user.keyboard("{Control>}{Enter}{/Control}");
    await user.click(screen.getByRole("button", { name: "elsewhere" }));
    expect(screen.queryByTestId("capture-picker")).toBeNull();
    expect(onCapture).not.toHaveBeenCalled();
  });

  it("does not open for an empty line", async () => {
    const { user } = setup();
    fireEvent.change(notes(), { target: { value: "" } });
    placeCaret(0);
    await user.keyboard("{Control>}{Enter}{/Control}");
    expect(screen.queryByTestId("capture-picker")).toBeNull();
    expect(status().dataset.state).toBe("empty");
  });

  it("says when nothing matches, and Enter then files nothing", async () => {
    const { user, onCapture } = setup();
    caretIn("営業");
    await user.keyboard("{Control>}{Enter}{/Control}");
    await user.keyboard("給与{Enter}");
    expect(screen.queryAllByRole("option")).toEqual([]);
    expect(screen.getByTestId("capture-picker").textContent).toContain("該当する項目がありません");
    expect(onCapture).not.toHaveBeenCalled();
  });

  it("ignores the Enter that confirms a conversion in the query field", async () => {
    const { user, onCapture } = setup();
    caretIn("営業");
    await user.keyboard("{Control>}{Enter}{/Control}");
    const query = screen.getByTestId("capture-query");

    fireEvent.keyDown(query, { key: "Enter", isComposing: true });
    fireEvent.keyDown(query, { key: "Enter", keyCode: 229 });
    // Between compositionstart and compositionend, even an unflagged Enter or Escape.
    fireEvent.compositionStart(query);
    fireEvent.change(query, { target: { value: "つよみ" } });
    fireEvent.keyDown(query, { key: "Enter" });
    fireEvent.keyDown(query, { key: "Escape" });
    fireEvent.change(query, { target: { value: "強み" } });
    fireEvent.compositionEnd(query, { data: "強み" });
    expect(onCapture).not.toHaveBeenCalled();
    expect(screen.queryByTestId("capture-picker")).not.toBeNull();

    await user.keyboard("{Enter}");
    expect(onCapture).toHaveBeenCalledExactlyOnceWith(103, "営業10年目");
  });

  it("keeps the picker as it was when filing fails, and files on retry", async () => {
    const onCapture = vi
      .fn<OnCapture>()
      .mockRejectedValueOnce(new AppError("storage"))
      .mockResolvedValueOnce(undefined);
    const { user } = setup(onCapture);
    caretIn("転職");
    await user.keyboard("{Control>}{Enter}{/Control}");
    await user.keyboard("強み{Enter}");

    expect(status().dataset.state).toBe("failed");
    expect(status().textContent).toContain("『強み・実績』に追加できませんでした");
    expect(status().textContent).toContain("データの読み書きに失敗しました");
    expect(screen.queryByTestId("capture-picker")).not.toBeNull();
    expect(screen.getByTestId<HTMLInputElement>("capture-query").value).toBe("強み");
    expect(screen.getByRole("option", { selected: true }).dataset.testid).toBe("capture-option-3");
    expect(document.activeElement).toBe(screen.getByTestId("capture-query"));

    await user.keyboard("{Enter}");
    expect(onCapture).toHaveBeenCalledTimes(2);
    expect(onCapture).toHaveBeenLastCalledWith(103, "転職を考えている");
    expect(screen.queryByTestId("capture-picker")).toBeNull();
    expect(status().textContent).toBe("『強み・実績』に追加しました");
  });

  it("files once while the store is still running, however often Enter is pressed", async () => {
    const pending = deferred<undefined>();
    const onCapture = vi.fn<OnCapture>(() => pending.promise);
    const { user } = setup(onCapture);
    caretIn("転職");
    await user.keyboard("{Control>}{Enter}{/Control}");
    await user.keyboard("{Enter}{Enter}");
    expect(onCapture).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("capture-picker").getAttribute("aria-busy")).toBe("true");

    await act(async () => {
      pending.resolve(undefined);
      await pending.promise;
    });
    expect(screen.queryByTestId("capture-picker")).toBeNull();
    expect(document.activeElement).toBe(notes());
  });
});

describe("useCapture: IME composition in the notes", () => {
  it("fires no shortcut while a composition is open", () => {
    const { onCapture } = setup();
    caretIn("転職");

    fireEvent.compositionStart(notes());
    fireEvent.keyDown(notes(), { code: "Digit1", key: "1", altKey: true });
    fireEvent.keyDown(notes(), { code: "Enter", key: "Enter", ctrlKey: true });
    fireEvent.keyDown(notes(), { code: "Enter", key: "Enter", metaKey: true });

    expect(onCapture).not.toHaveBeenCalled();
    expect(screen.queryByTestId("capture-picker")).toBeNull();

    // Once the conversion is confirmed, the shortcuts work again.
    fireEvent.compositionEnd(notes(), { data: "転職" });
    fireEvent.keyDown(notes(), { code: "Digit1", key: "1", altKey: true });
    expect(onCapture).toHaveBeenCalledExactlyOnceWith(101, "転職を考えている");
  });

  it("fires no shortcut on a key flagged as composing, even without compositionstart", () => {
    const { onCapture } = setup();
    caretIn("転職");

    fireEvent.keyDown(notes(), { code: "Digit1", key: "1", altKey: true, keyCode: 229 });
    fireEvent.keyDown(notes(), { code: "Enter", key: "Enter", ctrlKey: true, keyCode: 229 });
    fireEvent.keyDown(notes(), { code: "Digit2", key: "2", altKey: true, isComposing: true });
    fireEvent.keyDown(notes(), { code: "Enter", key: "Enter", ctrlKey: true, isComposing: true });

    expect(onCapture).not.toHaveBeenCalled();
    expect(screen.queryByTestId("capture-picker")).toBeNull();
  });

  it("also honours the editor's own composition signal", () => {
    const onCapture = vi.fn<OnCapture>(() => Promise.resolve());
    render(<Harness onCapture={onCapture} isComposing={() => true} />);
    caretIn("転職");
    fireEvent.keyDown(notes(), { code: "Digit1", key: "1", altKey: true });
    fireEvent.keyDown(notes(), { code: "Enter", key: "Enter", ctrlKey: true });
    expect(onCapture).not.toHaveBeenCalled();
    expect(screen.queryByTestId("capture-picker")).toBeNull();
  });
});
