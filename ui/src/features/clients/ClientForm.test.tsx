import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import { aClient } from "../../test/apiMock";
import { switchLanguage } from "../../test/language";
import type { ApiMock } from "../../test/apiMock";
import en from "../../locales/en.json";
import ja from "../../locales/ja.json";
import { ClientForm } from "./ClientForm";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

function renderForm() {
  const onCreated = vi.fn();
  render(<ClientForm onCreated={onCreated} onCancel={vi.fn()} />);
  return { onCreated, user: userEvent.setup() };
}

describe("ClientForm", () => {
  beforeEach(() => {
    mocked.clientCreate.mockResolvedValue(aClient());
  });

  it("does not submit on the Enter that confirms an IME conversion, and does on the next Enter", async () => {
    const { user, onCreated } = renderForm();
    const name = screen.getByTestId("client-name");
    await user.type(name, "山田 花子");
    await user.type(screen.getByTestId("client-kana"), "やまだ はなこ");

    const kana = screen.getByTestId("client-kana");
    fireEvent.compositionStart(kana);
    await user.keyboard("{Enter}");
    expect(mocked.clientCreate).not.toHaveBeenCalled();
    fireEvent.compositionEnd(kana);
    expect(mocked.clientCreate).not.toHaveBeenCalled();

    await user.keyboard("{Enter}");
    await waitFor(() => {
      expect(onCreated).toHaveBeenCalledTimes(1);
    });
    expect(mocked.clientCreate).toHaveBeenCalledExactlyOnceWith({
      name: "山田 花子",
      nameKana: "やまだ はなこ",
      company: null,
      department: null,
    });
  });

  it("ignores the submit caused by WebKit's confirming Enter (keyCode 229 after compositionend)", async () => {
    renderForm();
    const name = screen.getByTestId("client-name");
    fireEvent.change(name, { target: { value: "山田" } });
    // WebKit: compositionend first, then keydown Enter with keyCode 229, then implicit submit.
    fireEvent.compositionStart(name);
    fireEvent.compositionEnd(name);
    fireEvent.keyDown(name, { key: "Enter", keyCode: 229 });
    fireEvent.submit(screen.getByTestId("client-form"));
    expect(mocked.clientCreate).not.toHaveBeenCalled();

    fireEvent.keyUp(name, { key: "Enter", keyCode: 13 });
    fireEvent.keyDown(name, { key: "Enter", keyCode: 13 });
    fireEvent.submit(screen.getByTestId("client-form"));
    await waitFor(() => {
      expect(mocked.clientCreate).toHaveBeenCalledTimes(1);
    });
  });

  it("saves with the button, sending blank optional fields as null", async () => {
    const { user, onCreated } = renderForm();
    await user.type(screen.getByTestId("client-name"), "佐藤 一郎");
    await user.type(screen.getByTestId("client-kana"), "さとう いちろう");
    await user.type(screen.getByTestId("client-company"), " 株式会社サンプル ");
    await user.click(screen.getByTestId("client-save"));
    await waitFor(() => {
      expect(onCreated).toHaveBeenCalledWith(aClient());
    });
    expect(mocked.clientCreate).toHaveBeenCalledWith({
      name: "佐藤 一郎",
      nameKana: "さとう いちろう",
      company: "株式会社サンプル",
      department: null,
    });
  });

  it("shows the shell's validation error inline, translated, and keeps what was typed", async () => {
    mocked.clientCreate.mockRejectedValue(new AppError("invalid_kana", "reading must be kana"));
    const { user, onCreated } = renderForm();
    await user.type(screen.getByTestId("client-name"), "佐藤");
    await user.type(screen.getByTestId("client-kana"), "sato");
    await user.click(screen.getByTestId("client-save"));

    const error = await screen.findByTestId("form-error");
    expect(error.textContent).toBe(ja.errors.invalid_kana);
    expect(screen.getByTestId<HTMLInputElement>("client-kana").value).toBe("sato");
    expect(onCreated).not.toHaveBeenCalled();

    await switchLanguage("en");
    expect((await screen.findByTestId("form-error")).textContent).toBe(en.errors.invalid_kana);
  });
});
