import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import { aProgram } from "../../test/apiMock";
import type { ApiMock } from "../../test/apiMock";
import { switchLanguage } from "../../test/language";
import { renderScreen } from "../../test/render";
import en from "../../locales/en.json";
import ja from "../../locales/ja.json";
import { ProgramForm } from "./ProgramForm";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

const AGE_KEY = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";
const SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDQlRCElANmcaLmk6blvhnjDI8FF5Wz4cOn1+hOv9nP3 jinji@example";

function renderForm(program?: Parameters<typeof ProgramForm>[0]["program"]) {
  const onSaved = vi.fn();
  const view = renderScreen(<ProgramForm companyId={1} program={program} onSaved={onSaved} onCancel={vi.fn()} />);
  return { ...view, onSaved, user: userEvent.setup() };
}

describe("ProgramForm", () => {
  beforeEach(() => {
    mocked.programCreate.mockResolvedValue(aProgram({ id: 13 }));
  });

  it("sends every field, with k 5 by default and one recipient per line", async () => {
    const { user, onSaved } = renderForm();
    expect(screen.getByTestId<HTMLInputElement>("program-k").value).toBe("5");
    expect(screen.getByTestId("program-starts-on").getAttribute("type")).toBe("date");

    await user.type(screen.getByTestId("program-name"), "2026年度 セルフ・キャリアドック");
    fireEvent.change(screen.getByTestId("program-starts-on"), { target: { value: "2026-04-01" } });
    fireEvent.change(screen.getByTestId("program-ends-on"), { target: { value: "2027-03-31" } });
    await user.type(screen.getByTestId("program-purpose"), "自律的なキャリア形成の支援");
    await user.type(screen.getByTestId("program-theme"), "3年後の自分");
    await user.click(screen.getByTestId("add-contact"));
    await user.type(screen.getByTestId("contact-name"), "人事 太郎");
    await user.type(screen.getByTestId("contact-role"), "人事部 課長");
    fireEvent.change(screen.getByTestId("contact-recipients"), { target: { value: `${AGE_KEY}\n\n  ${SSH_KEY}  \n` } });
    await user.click(screen.getByTestId("program-save"));

    await waitFor(() => {
      expect(onSaved).toHaveBeenCalledWith(aProgram({ id: 13 }));
    });
    expect(mocked.programCreate).toHaveBeenCalledExactlyOnceWith({
      companyId: 1,
      name: "2026年度 セルフ・キャリアドック",
      startsOn: "2026-04-01",
      endsOn: "2027-03-31",
      purpose: "自律的なキャリア形成の支援",
      theme: "3年後の自分",
      anonymityK: 5,
      followUpAfterDays: null,
      contacts: [{ name: "人事 太郎", role: "人事部 課長", recipients: [AGE_KEY, SSH_KEY] }],
    });
  });

  it("shows the core's message for a bad recipient, marks the field and keeps every line typed", async () => {
    mocked.programCreate.mockRejectedValue(
      new AppError("invalid_recipient", "a recipient is not an age or SSH public key", "recipients"),
    );
    const { user, onSaved } = renderForm();
    await user.type(screen.getByTestId("program-name"), "2026年度");
    await user.click(screen.getByTestId("add-contact"));
    await user.type(screen.getByTestId("contact-name"), "人事 太郎");
    const typed = `${AGE_KEY}\nAGE-SECRET-KEY-1QQQ`;
    fireEvent.change(screen.getByTestId("contact-recipients"), { target: { value: typed } });
    await user.click(screen.getByTestId("program-save"));

    const error = await screen.findByTestId("form-error");
    expect(error.textContent).toBe(ja.errors.invalid_recipient);
    const recipients = screen.getByTestId<HTMLTextAreaElement>("contact-recipients");
    expect(recipients.value).toBe(typed);
    expect(recipients.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByTestId<HTMLInputElement>("contact-name").value).toBe("人事 太郎");
    expect(screen.getByTestId("contact-name").getAttribute("aria-invalid")).toBeNull();
    expect(onSaved).not.toHaveBeenCalled();

    await switchLanguage("en");
    expect(screen.getByTestId("form-error").textContent).toBe(en.errors.invalid_recipient);
  });

  it("marks the contact whose name is missing, not the others", async () => {
    mocked.programCreate.mockRejectedValue(new AppError("required", "ContactName is required", "contactName"));
    const { user } = renderForm();
    await user.click(screen.getByTestId("add-contact"));
    await user.click(screen.getByTestId("add-contact"));
    await user.type(screen.getAllByTestId("contact-name")[0]!, "人事 太郎");
    await user.click(screen.getByTestId("program-save"));

    expect((await screen.findByTestId("form-error")).textContent).toBe("担当者の名前を入力してください。");
    const names = screen.getAllByTestId("contact-name");
    expect(names.map((name) => name.getAttribute("aria-invalid"))).toEqual([null, "true"]);
  });

  it("refuses a k that is not a whole number without sending it", async () => {
    const { user } = renderForm();
    const k = screen.getByTestId<HTMLInputElement>("program-k");
    fireEvent.change(k, { target: { value: "2.5" } });
    await user.click(screen.getByTestId("program-save"));
    expect((await screen.findByTestId("form-error")).textContent).toBe("匿名化のしきい値 kの値が範囲外です。");
    expect(k.getAttribute("aria-invalid")).toBe("true");
    expect(mocked.programCreate).not.toHaveBeenCalled();
  });

  it("edits a program, starting from what is stored", async () => {
    const stored = aProgram({
      purpose: "目的",
      anonymityK: 7,
      followUpAfterDays: 90,
      contacts: [{ id: 4, name: "人事 太郎", role: null, recipients: [AGE_KEY] }],
    });
    mocked.programUpdate.mockResolvedValue(stored);
    const { user } = renderForm(stored);
    expect(screen.getByTestId<HTMLInputElement>("program-k").value).toBe("7");
    expect(screen.getByTestId<HTMLInputElement>("program-follow-up-days").value).toBe("90");
    expect(screen.getByTestId<HTMLTextAreaElement>("contact-recipients").value).toBe(AGE_KEY);
    await user.click(screen.getByTestId("contact-remove"));
    await user.click(screen.getByTestId("program-save"));
    await waitFor(() => {
      expect(mocked.programUpdate).toHaveBeenCalledTimes(1);
    });
    expect(mocked.programUpdate).toHaveBeenCalledWith(11, {
      companyId: 1,
      name: "2026年度 セルフ・キャリアドック",
      startsOn: "2026-04-01",
      endsOn: "2027-03-31",
      purpose: "目的",
      theme: null,
      anonymityK: 7,
      followUpAfterDays: 90,
      contacts: [],
    });
  });
});
