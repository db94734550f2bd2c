import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import type { ApiMock } from "../../test/apiMock";
import { renderScreen } from "../../test/render";
import { VaultHealthBanner } from "./VaultHealthBanner";
import { SecurityScreen } from "./SecurityScreen";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

const NEW_KEY = "AGE-SECRET-KEY-1NEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWQQQQ";

describe("SecurityScreen", () => {
  beforeEach(() => {
    mocked.preferencesGet.mockResolvedValue({ language: "ja", autoLockMinutes: 10, calendar: "asia_tokyo" });
  });

  it("sets the idle time before the app locks itself", async () => {
    mocked.preferencesSetAutoLock.mockResolvedValueOnce({ language: "ja", autoLockMinutes: 5, calendar: "asia_tokyo" });
    renderScreen(<SecurityScreen />);
    const user = userEvent.setup();
    const select = await screen.findByTestId<HTMLSelectElement>("auto-lock-choice");
    await waitFor(() => {
      expect(select.value).toBe("10");
    });
    await user.selectOptions(select, "5");
    expect(await screen.findByTestId("auto-lock-saved")).toBeTruthy();
    expect(mocked.preferencesSetAutoLock).toHaveBeenCalledWith(5);
  });

  it("follows Japan's calendar unless the consultant chooses the machine's", async () => {
    mocked.preferencesSetCalendar.mockResolvedValueOnce({ language: "ja", autoLockMinutes: 10, calendar: "system" });
    renderScreen(<SecurityScreen />);
    const user = userEvent.setup();
    const select = await screen.findByTestId<HTMLSelectElement>("calendar-choice");
    await waitFor(() => {
      expect(select.value).toBe("asia_tokyo");
    });
    expect(select.selectedOptions[0]?.textContent).toBe("日本時間（Asia/Tokyo）");
    await user.selectOptions(select, "system");
    expect(await screen.findByTestId("calendar-saved")).toBeTruthy();
    expect(mocked.preferencesSetCalendar).toHaveBeenCalledExactlyOnceWith("system");
  });

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

describe("RekeyPanel", () => {
  it("gives the database a new key, shows the new recovery key once, and says what it closed", async () => {
    mocked.vaultRekey.mockResolvedValueOnce({ recoveryKey: NEW_KEY });
    renderScreen(<SecurityScreen />);
    const user = userEvent.setup();
    // What a passphrase change alone does, said plainly.
    expect(screen.getByTestId("security-screen").textContent).toContain("古い鍵ファイル（バックアップに含まれます）");
    await user.type(screen.getByTestId("rekey-passphrase"), "やまのうえのいけ");
    await user.click(screen.getByTestId("rekey-submit"));
    expect((await screen.findByTestId("recovery-key")).textContent).toBe(NEW_KEY);
    expect(mocked.vaultRekey).toHaveBeenCalledWith("やまのうえのいけ", null);
    await user.click(screen.getByTestId("recovery-key-stored"));
    await user.click(screen.getByTestId("recovery-key-continue"));
    expect((await screen.findByTestId("rekey-done")).textContent).toContain("古い鍵ファイル");
    expect(screen.queryByText(NEW_KEY)).toBeNull();
  });

  it("says a wrong passphrase in the user's language and keeps nothing typed", async () => {
    mocked.vaultRekey.mockRejectedValueOnce(new AppError("wrong_passphrase", "wrong", null));
    renderScreen(<SecurityScreen />);
    const user = userEvent.setup();
    await user.type(screen.getByTestId("rekey-passphrase"), "まちがい");
    await user.click(screen.getByTestId("rekey-submit"));
    expect((await screen.findByTestId("rekey-error")).textContent).toBeTruthy();
    expect(screen.getByTestId<HTMLInputElement>("rekey-passphrase").value).toBe("");
  });
});

describe("VaultHealthBanner", () => {
  it.each(["missing", "damaged"] as const)("says so when the recovery file is %s and leads to a new key", async (state) => {
    mocked.vaultHealth.mockResolvedValueOnce({ recoveryFile: state, directoryOpenToOthers: false });
    const { navigate } = renderScreen(<VaultHealthBanner />);
    const banner = await screen.findByTestId("recovery-file-banner");
    expect(banner.dataset.state).toBe(state);
    await userEvent.setup().click(screen.getByTestId("recovery-file-banner-action"));
    expect(navigate).toHaveBeenCalledWith({ name: "security" });
  });

  it("says so when others can open the vault's folder", async () => {
    mocked.vaultHealth.mockResolvedValueOnce({ recoveryFile: "intact", directoryOpenToOthers: true });
    renderScreen(<VaultHealthBanner />);
    expect(await screen.findByTestId("open-directory-banner")).toBeTruthy();
    expect(screen.queryByTestId("recovery-file-banner")).toBeNull();
  });

  it("stays out of the way when all is well", async () => {
    mocked.vaultHealth.mockResolvedValueOnce({ recoveryFile: "intact", directoryOpenToOthers: false });
    renderScreen(<VaultHealthBanner />);
    await waitFor(() => {
      expect(mocked.vaultHealth).toHaveBeenCalled();
    });
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
