import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { deferred } from "../../../test/apiMock";
import { appendPassage } from "../sheet/appendPassage";
import { NoteAutosave } from "./noteAutosave";
import type { Stored } from "./noteAutosave";

const DELAY = 700;
const SAVED = { updatedAt: "2026-11-21T05:05:00Z" };

function setup(initial = "") {
  const save = vi.fn<(text: string) => Promise<{ updatedAt: string }>>(() => Promise.resolve(SAVED));
  const autosave = new NoteAutosave({
    initial,
    initialSavedAt: "2026-11-21T05:00:00Z",
    delayMs: DELAY,
    save,
    onChange: () => undefined,
  });
  const last = () => autosave.snapshot();
  return { autosave, save, last };
}

const add = (passage: string) => (text: string) => appendPassage(text, passage);

describe("NoteAutosave.addFromOutside (a passage captured into this field)", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("lets the store append when nothing is pending, and shows what it stored", async () => {
    const { autosave, save, last } = setup("前からの記述");
    const store = vi.fn(() => Promise.resolve({ value: "前からの記述\n転職を考えている", updatedAt: SAVED.updatedAt }));

    await autosave.addFromOutside(store, add("転職を考えている"));

    expect(store).toHaveBeenCalledTimes(1);
    expect(last()).toEqual({ state: "saved", savedAt: SAVED.updatedAt, value: "前からの記述\n転職を考えている" });
    await vi.advanceTimersByTimeAsync(DELAY * 2);
    expect(save).not.toHaveBeenCalled();
  });

  it("appends to unsaved text here instead, and saves both together", async () => {
    const { autosave, save, last } = setup("前からの記述");
    autosave.edit("前からの記述\n書きかけ");
    const store = vi.fn<() => Promise<Stored<string>>>();

    await autosave.addFromOutside(store, add("転職を考えている"));

    expect(store).not.toHaveBeenCalled();
    expect(save).toHaveBeenCalledExactlyOnceWith("前からの記述\n書きかけ\n転職を考えている");
    expect(last().value).toBe("前からの記述\n書きかけ\n転職を考えている");
    expect(last().state).toBe("saved");
  });

  it("keeps what is typed while the store works, with the passage added, and saves it", async () => {
    const { autosave, save, last } = setup("A");
    const answer = deferred<Stored<string>>();
    const adding = autosave.addFromOutside(() => answer.promise, add("P"));
    autosave.edit("A typed");
    answer.resolve({ value: "A\nP", updatedAt: SAVED.updatedAt });
    await adding;

    expect(last().value).toBe("A typed\nP");
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(save).toHaveBeenCalledExactlyOnceWith("A typed\nP");
  });

  it("rejects when the store fails, and changes nothing", async () => {
    const { autosave, save, last } = setup("A");
    const failure = new Error("storage");
    await expect(autosave.addFromOutside(() => Promise.reject(failure), add("P"))).rejects.toBe(failure);
    expect(last()).toMatchObject({ state: "saved", value: "A" });
    expect(save).not.toHaveBeenCalled();
  });

  it("waits for an open conversion to end before touching the field", async () => {
    const { autosave, save, last } = setup("A");
    autosave.compositionStart();
    autosave.edit("A へんかん", true);
    await autosave.addFromOutside(() => Promise.reject(new Error("not used")), add("P"));
    expect(last().value).toBe("A へんかん");

    autosave.compositionEnd("A 変換");
    expect(last().value).toBe("A 変換\nP");
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(save).toHaveBeenCalledExactlyOnceWith("A 変換\nP");
  });
});

describe("NoteAutosave over several fields", () => {
  it("compares with the given equality and saves the whole value", async () => {
    vi.useFakeTimers();
    interface Pair {
      a: string;
      b: string;
    }
    const save = vi.fn<(value: Pair) => Promise<{ updatedAt: string }>>(() => Promise.resolve(SAVED));
    const autosave = new NoteAutosave<Pair>({
      initial: { a: "", b: "" },
      initialSavedAt: "",
      delayMs: DELAY,
      save,
      onChange: () => undefined,
      equals: (x, y) => x.a === y.a && x.b === y.b,
    });
    autosave.edit({ a: "", b: "" });
    await autosave.flush();
    expect(save).not.toHaveBeenCalled();

    autosave.edit({ a: "x", b: "" });
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(save).toHaveBeenCalledExactlyOnceWith({ a: "x", b: "" });
    vi.useRealTimers();
  });
});

describe("appendPassage (the core's capture rule)", () => {
  it("puts the passage on a line of its own, trimmed", () => {
    expect(appendPassage("", "  転職  ")).toBe("転職");
    expect(appendPassage("A", "B")).toBe("A\nB");
    expect(appendPassage("A\n\n  ", "B")).toBe("A\nB");
  });
});
