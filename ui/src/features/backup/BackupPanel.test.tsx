import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import type { BackedUp } from "../../ipc/api";
import type { ApiMock } from "../../test/apiMock";
import { deferred } from "../../test/apiMock";
import { renderScreen } from "../../test/render";
import { BackupPanel } from "./BackupPanel";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

describe("BackupPanel", () => {
  it("shows the progress while the backup runs, then where it went, and forgets the passphrase", async () => {
    const written = deferred<BackedUp>();
    mocked.vaultBackup.mockReturnValue(written.promise);
    mocked.vaultBackupProgress.mockResolvedValue({ done: 40, total: 100 });
    const user = userEvent.setup();
    renderScreen(<BackupPanel />);
    const start = screen.getByTestId("backup-start");
    await user.click(screen.getByTestId("backup-to-recovery-key"));
    await user.type(screen.getByTestId("backup-passphrase"), "よるのしずけさ");
    await user.type(screen.getByTestId("backup-passphrase-again"), "よるのしずけ");
    expect(start).toHaveProperty("disabled", true);
    await user.type(screen.getByTestId("backup-passphrase-again"), "さ");
    await user.click(start);
    const bar = await screen.findByTestId("backup-progress");
    await waitFor(() => {
      expect(bar.getAttribute("value")).toBe("40");
    });
    expect(mocked.vaultBackup).toHaveBeenCalledExactlyOnceWith(false, "よるのしずけさ", [], false);
    written.resolve({ path: "/home/k/Downloads/Kizuki-backup-2026-11-23.age", bytes: 10, sha256: "ef".repeat(32) });
    expect((await screen.findByTestId("backup-written")).textContent).toContain("Kizuki-backup-2026-11-23.age");
    expect(screen.queryByTestId("backup-progress")).toBeNull();
    expect(screen.getByTestId("backup-passphrase")).toHaveProperty("value", "");
  });

  it("says why a backup failed and keeps what was typed", async () => {
    mocked.vaultBackup.mockRejectedValue(new AppError("invalid_recipient", "bad", "recipients"));
    mocked.vaultBackupProgress.mockResolvedValue(null);
    const user = userEvent.setup();
    renderScreen(<BackupPanel />);
    await user.click(screen.getByTestId("backup-to-recovery-key"));
    await user.click(screen.getByTestId("backup-use-keys"));
    await user.type(screen.getByTestId("backup-keys"), "age1notakey");
    await user.click(screen.getByTestId("backup-start"));
    expect((await screen.findByTestId("backup-error")).dataset.code).toBe("invalid_recipient");
    expect(screen.getByTestId("backup-keys")).toHaveProperty("value", "age1notakey");
  });

  it("backs up to the recovery key by default, with nothing to type", async () => {
    mocked.vaultBackup.mockResolvedValue({ path: "/d/Kizuki-backup.age", bytes: 1, sha256: "ab".repeat(32) });
    mocked.vaultBackupProgress.mockResolvedValue(null);
    const user = userEvent.setup();
    renderScreen(<BackupPanel />);
    expect(screen.queryByTestId("backup-passphrase")).toBeNull();
    await user.click(screen.getByTestId("backup-start"));
    await screen.findByTestId("backup-written");
    expect(mocked.vaultBackup).toHaveBeenCalledExactlyOnceWith(true, null, [], false);
  });
});
