import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CHECK_EVERY_MS, LOCK_REQUESTED_EVENT, SLEPT_AFTER_MS, useAutoLock } from "./useAutoLock";

const MINUTE = 60_000;

describe("useAutoLock", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("locks once after the idle time, and a key press or a click starts it again", () => {
    const lock = vi.fn(() => Promise.resolve());
    renderHook(() => {
      useAutoLock(10, lock);
    });
    act(() => {
      vi.advanceTimersByTime(9 * MINUTE);
    });
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "a" }));
    act(() => {
      vi.advanceTimersByTime(9 * MINUTE);
    });
    document.body.dispatchEvent(new MouseEvent("pointerdown", { bubbles: true }));
    act(() => {
      vi.advanceTimersByTime(9 * MINUTE);
    });
    expect(lock).not.toHaveBeenCalled();
    act(() => {
      vi.advanceTimersByTime(MINUTE + CHECK_EVERY_MS);
    });
    expect(lock).toHaveBeenCalledTimes(1);
    act(() => {
      vi.advanceTimersByTime(20 * MINUTE);
    });
    expect(lock).toHaveBeenCalledTimes(1);
  });

  it("locks when the shell says the screen locked or the laptop sleeps", () => {
    const lock = vi.fn(() => Promise.resolve());
    renderHook(() => {
      useAutoLock(10, lock);
    });
    window.dispatchEvent(new Event(LOCK_REQUESTED_EVENT));
    expect(lock).toHaveBeenCalledTimes(1);
  });

  it("locks after a jump in the clock: the page was frozen while the machine slept", () => {
    const lock = vi.fn(() => Promise.resolve());
    renderHook(() => {
      useAutoLock(120, lock);
    });
    act(() => {
      vi.advanceTimersByTime(CHECK_EVERY_MS);
    });
    // The clock moves on while no timer runs, as across a suspend.
    vi.setSystemTime(Date.now() + SLEPT_AFTER_MS + CHECK_EVERY_MS);
    act(() => {
      vi.advanceTimersByTime(CHECK_EVERY_MS);
    });
    expect(lock).toHaveBeenCalledTimes(1);
  });

  it("follows a changed idle time, and stops watching when the workspace goes", () => {
    const lock = vi.fn(() => Promise.resolve());
    const { rerender, unmount } = renderHook(({ minutes }) => {
      useAutoLock(minutes, lock);
    }, { initialProps: { minutes: 10 } });
    rerender({ minutes: 1 });
    act(() => {
      vi.advanceTimersByTime(MINUTE + CHECK_EVERY_MS);
    });
    expect(lock).toHaveBeenCalledTimes(1);
    unmount();
    window.dispatchEvent(new Event(LOCK_REQUESTED_EVENT));
    expect(lock).toHaveBeenCalledTimes(1);
  });
});
