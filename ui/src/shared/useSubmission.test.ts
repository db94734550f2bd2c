import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { AppError } from "../ipc/appError";
import { deferred } from "../test/apiMock";
import { useSubmission } from "./useSubmission";

describe("useSubmission", () => {
  it("is pending while the action runs, and stays pending after it succeeds", async () => {
    const { result } = renderHook(() => useSubmission());
    expect(result.current.pending).toBe(false);
    expect(result.current.error).toBeNull();

    const answer = deferred<undefined>();
    const onFailure = vi.fn();
    let running!: Promise<void>;
    act(() => {
      running = result.current.run(() => answer.promise, onFailure);
    });
    expect(result.current.pending).toBe(true);

    await act(async () => {
      answer.resolve(undefined);
      await running;
    });
    expect(result.current.pending).toBe(true);
    expect(result.current.error).toBeNull();
    expect(onFailure).not.toHaveBeenCalled();
  });

  it("enables a form that is sent again once its action succeeded", async () => {
    const { result } = renderHook(() => useSubmission({ sendsAgain: true }));
    await act(() => result.current.run(() => Promise.resolve()));
    expect(result.current.pending).toBe(false);
    expect(result.current.error).toBeNull();
  });

  it("keeps the shell's error, calls onFailure and enables the form again", async () => {
    const { result } = renderHook(() => useSubmission());
    const onFailure = vi.fn();
    const failure = new AppError("wrong_passphrase", "wrong passphrase");

    await act(() => result.current.run(() => Promise.reject(failure), onFailure));

    expect(result.current.error).toBe(failure);
    expect(result.current.pending).toBe(false);
    expect(onFailure).toHaveBeenCalledTimes(1);
  });

  it("turns anything else thrown into an internal error", async () => {
    const { result } = renderHook(() => useSubmission());

    await act(() =>
      result.current.run(() => {
        throw new Error("boom");
      }),
    );

    expect(result.current.error?.code).toBe("internal");
    expect(result.current.pending).toBe(false);
  });

  it("runs nothing more while one action is pending", async () => {
    const { result } = renderHook(() => useSubmission());
    const answer = deferred<undefined>();
    const first = vi.fn(() => answer.promise);
    const second = vi.fn(() => Promise.resolve());

    let running!: Promise<void>;
    act(() => {
      running = result.current.run(first);
    });
    await act(() => result.current.run(second));

    expect(first).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();
    await act(async () => {
      answer.resolve(undefined);
      await running;
    });
  });

  it("clears the previous error when the next attempt starts", async () => {
    const { result } = renderHook(() => useSubmission());
    await act(() => result.current.run(() => Promise.reject(new AppError("storage"))));
    expect(result.current.error?.code).toBe("storage");

    const answer = deferred<undefined>();
    let running!: Promise<void>;
    act(() => {
      running = result.current.run(() => answer.promise);
    });
    expect(result.current.error).toBeNull();
    expect(result.current.pending).toBe(true);

    await act(async () => {
      answer.reject(new AppError("vault_locked"));
      await running;
    });
    expect(result.current.error?.code).toBe("vault_locked");
    expect(result.current.pending).toBe(false);
  });
});
