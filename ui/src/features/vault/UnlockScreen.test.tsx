import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import { deferred } from "../../test/apiMock";
import type { ApiMock } from "../../test/apiMock";
import { switchLanguage } from "../../test/language";
import { UnlockScreen } from "./UnlockScreen";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

function renderUnlock() {
  const onUnlocked = vi.fn();
  const onUseRecoveryKey = vi.fn();
  render(<UnlockScreen onUnlocked={onUnlocked} onUseRecoveryKey={onUseRecoveryKey} />);
  return { onUnlocked, onUseRecoveryKey, user: userEvent.setup() };
}

function submitButton() {
  return screen.getByTestId<HTMLButtonElement>("unlock-submit");
}

describe("UnlockScreen", () => {
  it("shows wrong_passphrase translated, and clears the field for another try", async () => {
    mocked.vaultUnlock.mockRejectedValue(new AppError("wrong_passphrase", "wrong passphrase"));
    const { user, onUnlocked } = renderUnlock();
    await user.type(screen.getByTestId("unlock-passphrase"), "not my passphrase{Enter}");

    const error = await screen.findByTestId("form-error");
    expect(error.textContent).toBe("パスフレーズが違います。入力を確かめて、もう一度お試しください。");
    expect(screen.getByTestId<HTMLInputElement>("unlock-passphrase").value).toBe("");
    expect(onUnlocked).not.toHaveBeenCalled();

    await switchLanguage("en");
    expect(screen.getByTestId("form-error").textContent).toBe("That passphrase is not correct. Check it and try again.");
  });

  it("disables the submit and says it is checking while the shell answers", async () => {
    const answer = deferred<null>();
    mocked.vaultUnlock.mockReturnValue(answer.promise);
    const { user, onUnlocked } = renderUnlock();
    await user.type(screen.getByTestId("unlock-passphrase"), "my passphrase");
    expect(submitButton().disabled).toBe(false);

    await user.click(submitButton());
    expect(submitButton().disabled).toBe(true);
    expect(screen.getByTestId("unlock-pending").textContent).toBe("確認しています…");

    // A second Enter while waiting sends nothing more (each attempt slows the next).
    await user.type(screen.getByTestId("unlock-passphrase"), "{Enter}");
    expect(mocked.vaultUnlock).toHaveBeenCalledTimes(1);

    answer.resolve(null);
    await waitFor(() => {
      expect(onUnlocked).toHaveBeenCalledTimes(1);
    });
  });

  it("re-enables the submit after a failed attempt", async () => {
    const answer = deferred<null>();
    mocked.vaultUnlock.mockReturnValue(answer.promise);
    const { user } = renderUnlock();
    await user.type(screen.getByTestId("unlock-passphrase"), "wrong{Enter}");
    expect(submitButton().disabled).toBe(true);

    answer.reject(new AppError("wrong_passphrase"));
    await screen.findByTestId("form-error");
    expect(screen.queryByTestId("unlock-pending")).toBeNull();
    await user.type(screen.getByTestId("unlock-passphrase"), "again");
    expect(submitButton().disabled).toBe(false);
  });

  it("does not spend an attempt on an empty passphrase", async () => {
    const { user } = renderUnlock();
    expect(submitButton().disabled).toBe(true);
    await user.type(screen.getByTestId("unlock-passphrase"), "{Enter}");
    expect(mocked.vaultUnlock).not.toHaveBeenCalled();
  });

  it("offers the recovery key", async () => {
    const { user, onUseRecoveryKey } = renderUnlock();
    await user.click(screen.getByTestId("use-recovery-key"));
    expect(onUseRecoveryKey).toHaveBeenCalledTimes(1);
  });
});
