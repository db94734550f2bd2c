import { act, render, screen, waitFor } from "@testing-library/react";
import { useEffect } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../ipc/api";
import { PendingSavesProvider, usePendingSaves } from "../shared/pendingSaves";
import type { Flush } from "../shared/pendingSaves";
import type { ApiMock } from "../test/apiMock";
import { CLOSE_REQUESTED_EVENT, useSaveBeforeClose } from "./useSaveBeforeClose";

vi.mock("../ipc/api", async () => (await import("../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

function Harness({ flush }: { flush: Flush }) {
  const { register } = usePendingSaves();
  useEffect(() => register(flush), [register, flush]);
  const failed = useSaveBeforeClose();
  return <p data-testid="failed">{String(failed)}</p>;
}

function renderWith(flush: Flush) {
  render(
    <PendingSavesProvider>
      <Harness flush={flush} />
    </PendingSavesProvider>,
  );
}

describe("closing the window", () => {
  beforeEach(() => {
    vi.clearAllMocks();
    mocked.windowClose.mockResolvedValue(null);
  });

  it("saves what is pending, then closes", async () => {
    const order: string[] = [];
    renderWith(() => {
      order.push("saved");
      return Promise.resolve(true);
    });
    mocked.windowClose.mockImplementation(() => {
      order.push("closed");
      return Promise.resolve(null);
    });
    act(() => {
      window.dispatchEvent(new Event(CLOSE_REQUESTED_EVENT));
    });
    await waitFor(() => {
      expect(order).toEqual(["saved", "closed"]);
    });
  });

  it("stays open and says so when a save fails", async () => {
    renderWith(() => Promise.resolve(false));
    act(() => {
      window.dispatchEvent(new Event(CLOSE_REQUESTED_EVENT));
    });
    await waitFor(() => {
      expect(screen.getByTestId("failed").textContent).toBe("true");
    });
    expect(mocked.windowClose).not.toHaveBeenCalled();
  });
});
