import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import type { ApiMock } from "../../test/apiMock";
import { InterruptedSetupScreen } from "./InterruptedSetupScreen";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

describe("InterruptedSetupScreen", () => {
  it("discards only on the second press, then goes on to setup", async () => {
    mocked.vaultDiscardInterruptedSetup.mockResolvedValueOnce(null);
    const onDiscarded = vi.fn();
    render(<InterruptedSetupScreen onDiscarded={onDiscarded} />);
    const user = userEvent.setup();
    await user.click(screen.getByTestId("interrupted-setup-discard"));
    expect(mocked.vaultDiscardInterruptedSetup).not.toHaveBeenCalled();
    await user.click(screen.getByTestId("interrupted-setup-cancel"));
    expect(screen.queryByTestId("interrupted-setup-cancel")).toBeNull();
    await user.click(screen.getByTestId("interrupted-setup-discard"));
    await user.click(screen.getByTestId("interrupted-setup-discard"));
    await waitFor(() => {
      expect(onDiscarded).toHaveBeenCalled();
    });
    expect(mocked.vaultDiscardInterruptedSetup).toHaveBeenCalledTimes(1);
  });
});
