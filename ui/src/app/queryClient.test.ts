import { QueryObserver, focusManager, onlineManager } from "@tanstack/react-query";
import { afterEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { AppError } from "../ipc/appError";
import { createQueryClient, shouldRetryQuery } from "./queryClient";

afterEach(() => {
  onlineManager.setOnline(true);
  focusManager.setFocused(undefined);
});

/** Mounts and subscribes the way the provider and useQuery do; `settled` once it has an answer. */
function observe(queryFn: () => Promise<string>) {
  const queryClient = createQueryClient();
  queryClient.mount();
  onTestFinished(() => {
    queryClient.unmount();
  });
  const observer = new QueryObserver(queryClient, { queryKey: ["test"], queryFn });
  const settled = new Promise<void>((resolve) => {
    observer.subscribe((result) => {
      if (result.fetchStatus === "idle" && result.status !== "pending") resolve();
    });
  });
  return { queryClient, observer, settled };
}

describe("shouldRetryQuery", () => {
  it("tries a busy disk once more, and nothing else", () => {
    expect(shouldRetryQuery(0, new AppError("storage"))).toBe(true);
    expect(shouldRetryQuery(1, new AppError("storage"))).toBe(false);
    expect(shouldRetryQuery(0, new AppError("not_found"))).toBe(false);
    expect(shouldRetryQuery(0, new AppError("vault_locked"))).toBe(false);
    expect(shouldRetryQuery(0, new TypeError("not an AppError"))).toBe(false);
  });
});

describe("createQueryClient", () => {
  it("runs queries and mutations while the machine is offline: the shell is local", async () => {
    onlineManager.setOnline(false);
    const queryClient = createQueryClient();
    await expect(queryClient.query({ queryKey: ["offline"], queryFn: () => Promise.resolve(1) })).resolves.toBe(1);
    const mutation = queryClient.getMutationCache().build(queryClient, { mutationFn: () => Promise.resolve(2) });
    await expect(mutation.execute(undefined)).resolves.toBe(2);
  });

  it("does not refetch when the window regains focus", async () => {
    const queryFn = vi.fn(() => Promise.resolve("data"));
    const { settled } = observe(queryFn);
    await settled;
    focusManager.setFocused(false);
    focusManager.setFocused(true);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(queryFn).toHaveBeenCalledTimes(1);
  });

  it("gives up on a query at once when the answer cannot change", async () => {
    const queryFn = vi.fn(() => Promise.reject(new AppError("not_found")));
    const { observer, settled } = observe(queryFn);
    await settled;
    expect(queryFn).toHaveBeenCalledTimes(1);
    expect(observer.getCurrentResult().error?.code).toBe("not_found");
  });

  it("retries a query once after a storage failure", async () => {
    const queryFn = vi.fn().mockRejectedValueOnce(new AppError("storage")).mockResolvedValue("data");
    const { observer, settled } = observe(queryFn);
    await settled;
    expect(queryFn).toHaveBeenCalledTimes(2);
    expect(observer.getCurrentResult().data).toBe("data");
  });

  it("sends a mutation once, even when it fails for a reason that could pass", async () => {
    const queryClient = createQueryClient();
    const mutationFn = vi.fn(() => Promise.reject(new AppError("storage")));
    const mutation = queryClient.getMutationCache().build(queryClient, { mutationFn });
    await expect(mutation.execute(undefined)).rejects.toBeInstanceOf(AppError);
    expect(mutationFn).toHaveBeenCalledTimes(1);
  });
});
