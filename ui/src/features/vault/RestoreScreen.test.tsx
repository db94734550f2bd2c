import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import type { ApiMock } from "../../test/apiMock";
import { RestoreScreen } from "./RestoreScreen";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

const KEY = "AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ";

function renderRestore() {
  const onRestored = vi.fn();
  render(<RestoreScreen onRestored={onRestored} onBack={vi.fn()} />);
  return { onRestored, user: userEvent.setup() };
}

describe("RestoreScreen", () => {
  it("restores the newest backup with the recovery key, after a wrong key is refused", async () => {
    mocked.vaultRestoreCandidates.mockResolvedValue(["kizuki-backup (2).age", "kizuki-backup.age"]);
    mocked.vaultRestore
      .mockRejectedValueOnce(new AppError("wrong_backup_key", "wrong key", null))
      .mockResolvedValueOnce({ dataDir: "/home/u/.local/share/kizuki", backedUpAt: "2026-11-24T00:00:00Z" });
    const { onRestored, user } = renderRestore();
    expect((await screen.findByTestId<HTMLSelectElement>("restore-file")).value).toBe("kizuki-backup (2).age");
    await user.type(screen.getByTestId("restore-recovery-key"), ` ${KEY} `);
    await user.type(screen.getByTestId("restore-new-passphrase"), "あたらしいあいことば");
    await user.type(screen.getByTestId("restore-new-passphrase-confirm"), "あたらしいあいことば");
    await user.click(screen.getByTestId("restore-submit"));
    expect((await screen.findByRole("alert")).dataset.code).toBe("wrong_backup_key");
    expect(onRestored).not.toHaveBeenCalled();
    await user.click(screen.getByTestId("restore-submit"));
    await waitFor(() => {
      expect(onRestored).toHaveBeenCalled();
    });
    expect(mocked.vaultRestore).toHaveBeenLastCalledWith("kizuki-backup (2).age", {
      kind: "recoveryKey",
      recoveryKey: KEY,
      newPassphrase: "あたらしいあいことば",
    });
  });

  it("restores a passphrase backup with both passphrases, and says when there is nothing to restore", async () => {
    mocked.vaultRestoreCandidates.mockResolvedValueOnce(["b.age"]);
    mocked.vaultRestore.mockResolvedValueOnce({ dataDir: "/d", backedUpAt: "2026-11-24T00:00:00Z" });
    const { onRestored, user } = renderRestore();
    await screen.findByTestId("restore-file");
    await user.click(screen.getByTestId("restore-method-passphrases"));
    await user.type(screen.getByTestId("restore-backup-passphrase"), "backup words here");
    await user.type(screen.getByTestId("restore-vault-passphrase"), "vault words of that day");
    await user.click(screen.getByTestId("restore-submit"));
    await waitFor(() => {
      expect(onRestored).toHaveBeenCalled();
    });
    expect(mocked.vaultRestore).toHaveBeenCalledWith("b.age", {
      kind: "passphrases",
      backupPassphrase: "backup words here",
      vaultPassphrase: "vault words of that day",
    });
  });

  it("offers nothing to restore when Downloads holds no backup", async () => {
    mocked.vaultRestoreCandidates.mockResolvedValueOnce([]);
    renderRestore();
    expect(await screen.findByTestId("restore-no-backups")).toBeTruthy();
    expect(screen.getByTestId("restore-submit")).toHaveProperty("disabled", true);
  });
});
