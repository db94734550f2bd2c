import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import type { ApiMock } from "../../test/apiMock";
import { renderScreen } from "../../test/render";
import { RecoveryFileBanner } from "./RecoveryFileBanner";
import { SecurityScreen } from "./SecurityScreen";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

const NEW_KEY = "AGE-SECRET-KEY-1NEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWQQQQ";

describe("SecurityScreen", () => {
  it("changes the passphrase given the current one, and forgets the current one after a refusal", async () => {
    mocked.vaultChangePassphrase
      .mockRejectedValueOnce(new AppError("wrong_passphrase", "wrong", null))
      .mockResolvedValueOnce(null);
    renderScreen(<SecurityScreen />);
    const user = userEvent.setup();
    await user.type(screen.getByTestId("current-passphrase"), "まちがったあいことば");
    await user.type(screen.getByTestId("new-passphrase"), "あたらしいあいことば");
    await user.type(screen.getByTestId("new-passphrase-confirm"), "あたらしいあいことば");
    await user.click(screen.getByTestId("change-passphrase-submit"));
    expect((await screen.findByTestId("change-passphrase-error")).dataset.code).toBe("wrong_passphrase");
    expect(screen.getByTestId<HTMLInputElement>("current-passphrase").value).toBe("");
    expect(screen.getByTestId<HTMLInputElement>("new-passphrase").value).toBe("あたらしいあいことば");

    await user.type(screen.getByTestId("current-passphrase"), "やまのうえのいけ");
    await user.click(screen.getByTestId("change-passphrase-submit"));
    expect(await screen.findByTestId("passphrase-changed")).toBeTruthy();
    expect(mocked.vaultChangePassphrase).toHaveBeenLastCalledWith("やまのうえのいけ", "あたらしいあいことば");
    for (const field of ["current-passphrase", "new-passphrase", "new-passphrase-confirm"]) {
      expect(screen.getByTestId<HTMLInputElement>(field).value).toBe("");
    }
  });

  it("asks nothing of the shell while the new passphrase and its confirmation differ", async () => {
    renderScreen(<SecurityScreen />);
    const user = userEvent.setup();
    await user.type(screen.getByTestId("current-passphrase"), "やまのうえのいけ");
    await user.type(screen.getByTestId("new-passphrase"), "あたらしいあいことば");
    await user.type(screen.getByTestId("new-passphrase-confirm"), "べつのあいことば");
    await user.click(screen.getByTestId("change-passphrase-submit"));
    expect(screen.getByTestId("new-passphrase-confirm").getAttribute("aria-invalid")).toBe("true");
    expect(mocked.vaultChangePassphrase).not.toHaveBeenCalled();
  });

  it("issues a new recovery key, shows it once, and lets go of it once it is put away", async () => {
    mocked.vaultNewRecoveryKey.mockResolvedValueOnce({ recoveryKey: NEW_KEY });
    renderScreen(<SecurityScreen />);
    const user = userEvent.setup();
    await user.type(screen.getByTestId("recovery-passphrase"), "やまのうえのいけ");
    await user.click(screen.getByTestId("new-recovery-key-submit"));
    expect((await screen.findByTestId("recovery-key")).textContent).toBe(NEW_KEY);
    expect(mocked.vaultNewRecoveryKey).toHaveBeenCalledWith("やまのうえのいけ");
    expect(screen.getByTestId("recovery-key-continue")).toHaveProperty("disabled", true);
    await user.click(screen.getByTestId("recovery-key-stored"));
    await user.click(screen.getByTestId("recovery-key-continue"));
    expect(await screen.findByTestId("recovery-key-issued")).toBeTruthy();
    expect(screen.queryByTestId("recovery-key")).toBeNull();
    expect(screen.queryByText(NEW_KEY)).toBeNull();
  });
});

describe("RecoveryFileBanner", () => {
  it.each(["missing", "damaged"] as const)("says so when the recovery file is %s and leads to a new key", async (state) => {
    mocked.vaultRecoveryFileState.mockResolvedValueOnce(state);
    const { navigate } = renderScreen(<RecoveryFileBanner />);
    const banner = await screen.findByTestId("recovery-file-banner");
    expect(banner.dataset.state).toBe(state);
    await userEvent.setup().click(screen.getByTestId("recovery-file-banner-action"));
    expect(navigate).toHaveBeenCalledWith({ name: "security" });
  });

  it("stays out of the way when the recovery file is intact", async () => {
    mocked.vaultRecoveryFileState.mockResolvedValueOnce("intact");
    renderScreen(<RecoveryFileBanner />);
    await waitFor(() => {
      expect(mocked.vaultRecoveryFileState).toHaveBeenCalled();
    });
    expect(screen.queryByTestId("recovery-file-banner")).toBeNull();
  });
});
