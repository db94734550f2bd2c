import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import type { ApiMock } from "../../test/apiMock";
import { switchLanguage } from "../../test/language";
import { SetupScreen } from "./SetupScreen";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

function renderSetup() {
  const onCreated = vi.fn();
  render(<SetupScreen onCreated={onCreated} onRestore={vi.fn()} />);
  return { onCreated, user: userEvent.setup() };
}

describe("SetupScreen", () => {
  it("shows a mismatch inline and does not create the vault", async () => {
    const { user } = renderSetup();
    await user.type(screen.getByTestId("setup-passphrase"), "correct horse battery");
    // Still a prefix of the passphrase: nothing to say yet.
    await user.type(screen.getByTestId("setup-passphrase-confirm"), "correct");
    expect(screen.queryByTestId("passphrase-mismatch")).toBeNull();

    await user.type(screen.getByTestId("setup-passphrase-confirm"), " hose");
    expect(screen.getByTestId("passphrase-mismatch").textContent).toBe("確認用のパスフレーズが一致しません。");

    await user.click(screen.getByTestId("setup-submit"));
    expect(mocked.vaultCreate).not.toHaveBeenCalled();
  });

  it("shows a mismatch when submitting with the confirmation left short", async () => {
    const { user } = renderSetup();
    await user.type(screen.getByTestId("setup-passphrase"), "correct horse battery");
    await user.type(screen.getByTestId("setup-passphrase-confirm"), "correct horse");
    await user.click(screen.getByTestId("setup-submit"));
    expect(screen.getByTestId("passphrase-mismatch")).toBeTruthy();
    expect(mocked.vaultCreate).not.toHaveBeenCalled();
  });

  it("rates the passphrase as it is typed", async () => {
    const { user } = renderSetup();
    expect(screen.queryByTestId("passphrase-strength")).toBeNull();
    const field = screen.getByTestId("setup-passphrase");

    await user.type(field, "password");
    const hint = screen.getByTestId("passphrase-strength");
    expect(hint.dataset.strength).toBe("weak");
    expect(hint.textContent).toBe("強さ: 弱い");

    await user.clear(field);
    await user.type(field, "Pa55word");
    expect(screen.getByTestId("passphrase-strength").dataset.strength).toBe("fair");

    await user.type(field, " and a long tail");
    expect(screen.getByTestId("passphrase-strength").textContent).toBe("強さ: 強い");

    await switchLanguage("en");
    expect(screen.getByTestId("passphrase-strength").textContent).toBe("Strength: strong");
  });

  it("renders the shell's error code translated, in Japanese and in English", async () => {
    mocked.vaultCreate.mockRejectedValue(new AppError("passphrase_too_short", "minimum 8"));
    const { user, onCreated } = renderSetup();
    await user.type(screen.getByTestId("setup-passphrase"), "short");
    await user.type(screen.getByTestId("setup-passphrase-confirm"), "short");
    await user.click(screen.getByTestId("setup-submit"));

    const error = await screen.findByTestId("form-error");
    expect(error.textContent).toBe("パスフレーズが短すぎます。8文字以上にしてください。");
    expect(mocked.vaultCreate).toHaveBeenCalledWith("short");
    expect(onCreated).not.toHaveBeenCalled();

    await switchLanguage("en");
    expect(screen.getByTestId("form-error").textContent).toBe(
      "The passphrase is too short. Use at least 8 characters.",
    );
  });

  it("hands over the recovery key once the vault exists", async () => {
    mocked.vaultCreate.mockResolvedValue({ recoveryKey: "KIZUKI-RK-ABCD-EFGH" });
    const { user, onCreated } = renderSetup();
    await user.type(screen.getByTestId("setup-passphrase"), "correct horse battery");
    await user.type(screen.getByTestId("setup-passphrase-confirm"), "correct horse battery{Enter}");
    await waitFor(() => {
      expect(onCreated).toHaveBeenCalledWith("KIZUKI-RK-ABCD-EFGH");
    });
  });
});
