import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import type { Client } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import { aClient, aCompany, aCompanySummary, aProgramSummary } from "../../test/apiMock";
import type { ApiMock } from "../../test/apiMock";
import { switchLanguage } from "../../test/language";
import { renderScreen } from "../../test/render";
import en from "../../locales/en.json";
import ja from "../../locales/ja.json";
import { ClientForm } from "./ClientForm";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

function renderForm(client?: Client) {
  const onSaved = vi.fn();
  const view = renderScreen(<ClientForm client={client} onSaved={onSaved} onCancel={vi.fn()} />);
  return { ...view, onSaved, user: userEvent.setup() };
}

/** The least a new client needs: name, reading and company. */
async function fillRequired(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByTestId("client-name"), "山田 花子");
  await user.type(screen.getByTestId("client-kana"), "やまだ はなこ");
  await chooseCompany(user, "1");
}

async function chooseCompany(user: ReturnType<typeof userEvent.setup>, companyId: string) {
  // The companies arrive from the shell after the form shows.
  await screen.findByRole("option", { name: "有限会社テスト" });
  await user.selectOptions(screen.getByTestId("client-company"), companyId);
}

describe("ClientForm", () => {
  beforeEach(() => {
    mocked.companyList.mockResolvedValue([
      aCompanySummary({ id: 1, name: "株式会社サンプル" }),
      aCompanySummary({ id: 2, name: "有限会社テスト" }),
    ]);
    mocked.programList.mockImplementation((companyId) =>
      Promise.resolve(
        companyId === 1
          ? [aProgramSummary({ id: 11 }), aProgramSummary({ id: 12, name: "管理職向けプログラム" })]
          : [aProgramSummary({ id: 21, companyId: 2, name: "テスト社 2026" })],
      ),
    );
    mocked.clientCreate.mockResolvedValue(aClient());
  });

  it("sends every field it was given, then reports the saved client", async () => {
    const { user, onSaved, queryClient } = renderForm();
    const invalidate = vi.spyOn(queryClient, "invalidateQueries");
    await fillRequired(user);
    await user.type(screen.getByTestId("client-employee-number"), " A-1024 ");
    await user.type(screen.getByTestId("client-department"), "営業部");
    await user.type(screen.getByTestId("client-role"), "主任");
    await user.selectOptions(screen.getByTestId("client-age-band"), "30s");
    expect(screen.getByRole("option", { name: "60代以上" })).toBeTruthy();
    await user.type(screen.getByTestId("client-years"), "8");
    await user.type(screen.getByTestId("client-job-content"), "法人営業");
    await user.type(screen.getByTestId("client-desired-career"), "マネジメント");
    await user.type(screen.getByTestId("client-tags"), "初回,要フォロー、");
    await user.type(screen.getByTestId("client-tags"), "育休明け{Enter}");
    await user.click(await screen.findByTestId("client-program-12"));
    await user.selectOptions(screen.getByTestId("client-status"), "closed");
    await user.click(screen.getByTestId("client-save"));

    await waitFor(() => {
      expect(onSaved).toHaveBeenCalledWith(aClient());
    });
    expect(mocked.clientCreate).toHaveBeenCalledExactlyOnceWith({
      companyId: 1,
      name: "山田 花子",
      nameKana: "やまだ はなこ",
      employeeNumber: "A-1024",
      department: "営業部",
      role: "主任",
      ageBand: "30s",
      yearsAtCompany: 8,
      jobContent: "法人営業",
      desiredCareer: "マネジメント",
      tags: ["初回", "要フォロー", "育休明け"],
      status: "closed",
      programIds: [12],
    });
    expect(invalidate.mock.calls.map(([filters]) => filters?.queryKey)).toEqual([
      ["clients", "list"],
      ["clients", "detail", 3],
      ["companies", "list"],
      ["programs", "list"],
      ["dashboard"],
    ]);
  });

  it("sends blank optional fields as null and a tag still being typed as a tag", async () => {
    const { user } = renderForm();
    await fillRequired(user);
    await user.type(screen.getByTestId("client-tags"), "面談希望");
    await user.click(screen.getByTestId("client-save"));
    await waitFor(() => {
      expect(mocked.clientCreate).toHaveBeenCalledTimes(1);
    });
    expect(mocked.clientCreate.mock.calls[0]?.[0]).toEqual({
      companyId: 1,
      name: "山田 花子",
      nameKana: "やまだ はなこ",
      employeeNumber: null,
      department: null,
      role: null,
      ageBand: null,
      yearsAtCompany: null,
      jobContent: null,
      desiredCareer: null,
      tags: ["面談希望"],
      status: "active",
      programIds: [],
    });
  });

  it("does not split a tag or submit on the Enter that confirms an IME conversion", async () => {
    const { user } = renderForm();
    await fillRequired(user);
    const tags = screen.getByTestId("client-tags");
    fireEvent.compositionStart(tags);
    await user.type(tags, "ようふぉろー");
    // The confirming Enter: isComposing in Chrome, keyCode 229 in WebKit.
    fireEvent.keyDown(tags, { key: "Enter", isComposing: true });
    fireEvent.keyDown(tags, { key: "Enter", keyCode: 229 });
    fireEvent.change(tags, { target: { value: "要フォロー、" } });
    expect(screen.queryAllByTestId("client-tag")).toHaveLength(0);
    fireEvent.compositionEnd(tags);
    // Confirmed: the 、 typed during the conversion now separates.
    expect(screen.getAllByTestId("client-tag").map((chip) => chip.textContent)).toEqual(["要フォロー×"]);
    expect(mocked.clientCreate).not.toHaveBeenCalled();

    fireEvent.compositionStart(tags);
    await user.type(tags, "いくきゅう");
    fireEvent.change(tags, { target: { value: "育休" } });
    await user.keyboard("{Enter}");
    expect(screen.getAllByTestId("client-tag")).toHaveLength(1);
    fireEvent.compositionEnd(tags);
    await user.keyboard("{Enter}");
    expect(screen.getAllByTestId("client-tag").map((chip) => chip.textContent)).toEqual(["要フォロー×", "育休×"]);
    expect(mocked.clientCreate).not.toHaveBeenCalled();

    // With nothing left to make a chip of, Enter saves.
    await user.keyboard("{Enter}");
    await waitFor(() => {
      expect(mocked.clientCreate).toHaveBeenCalledTimes(1);
    });
    expect(mocked.clientCreate.mock.calls[0]?.[0].tags).toEqual(["要フォロー", "育休"]);
  });

  it("removes a tag with its chip's button", async () => {
    const { user } = renderForm();
    await user.type(screen.getByTestId("client-tags"), "a,b,");
    await user.click(screen.getByRole("button", { name: "タグ「a」を外す" }));
    expect(screen.getAllByTestId("client-tag").map((chip) => chip.textContent)).toEqual(["b×"]);
  });

  it("offers the chosen company's programs only, and forgets those of another", async () => {
    const { user } = renderForm();
    expect(screen.getByText("会社を選ぶと、その会社のプログラムを選べます。")).toBeTruthy();
    await chooseCompany(user, "1");
    await user.click(await screen.findByTestId("client-program-11"));
    await user.selectOptions(screen.getByTestId("client-company"), "2");
    expect(await screen.findByTestId("client-program-21")).toBeTruthy();
    expect(screen.queryByTestId("client-program-11")).toBeNull();
    await user.selectOptions(screen.getByTestId("client-company"), "1");
    expect((await screen.findByTestId<HTMLInputElement>("client-program-11")).checked).toBe(false);
  });

  it("registers a company inline when there is none yet, and chooses it", async () => {
    mocked.companyList.mockResolvedValue([]);
    mocked.companyCreate.mockResolvedValue(aCompany({ id: 5, name: "合同会社みらい" }));
    const { user } = renderForm();
    const name = await screen.findByTestId("client-new-company");
    mocked.companyList.mockResolvedValue([aCompanySummary({ id: 5, name: "合同会社みらい" })]);
    await user.type(name, "合同会社みらい{Enter}");

    expect(mocked.companyCreate).toHaveBeenCalledExactlyOnceWith({ name: "合同会社みらい" });
    await waitFor(() => {
      expect(screen.getByTestId<HTMLSelectElement>("client-company").value).toBe("5");
    });
    // Enter registered the company; it did not submit the client.
    expect(mocked.clientCreate).not.toHaveBeenCalled();
  });

  it("shows the core's error naming the field, marks it, and keeps everything typed", async () => {
    mocked.clientCreate.mockRejectedValue(new AppError("invalid_kana", "NameKana must be kana only", "nameKana"));
    const { user, onSaved } = renderForm();
    await user.type(screen.getByTestId("client-name"), "佐藤");
    await user.type(screen.getByTestId("client-kana"), "sato");
    await chooseCompany(user, "1");
    await user.type(screen.getByTestId("client-department"), "人事部");
    await user.type(screen.getByTestId("client-tags"), "x,");
    await user.click(screen.getByTestId("client-save"));

    const error = await screen.findByTestId("form-error");
    expect(error.textContent).toBe(ja.errors.invalid_kana);
    const kana = screen.getByTestId<HTMLInputElement>("client-kana");
    expect(kana.value).toBe("sato");
    expect(kana.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByTestId("client-name").getAttribute("aria-invalid")).toBeNull();
    expect(screen.getByTestId<HTMLInputElement>("client-department").value).toBe("人事部");
    expect(screen.getByTestId<HTMLSelectElement>("client-company").value).toBe("1");
    expect(screen.getAllByTestId("client-tag")).toHaveLength(1);
    expect(onSaved).not.toHaveBeenCalled();

    await switchLanguage("en");
    expect((await screen.findByTestId("form-error")).textContent).toBe(en.errors.invalid_kana);
  });

  it("names a missing company", async () => {
    mocked.clientCreate.mockRejectedValue(new AppError("required", "Company is required", "company"));
    const { user } = renderForm();
    await user.type(screen.getByTestId("client-name"), "佐藤");
    await user.type(screen.getByTestId("client-kana"), "さとう");
    await user.click(screen.getByTestId("client-save"));
    expect((await screen.findByTestId("form-error")).textContent).toBe("会社を入力してください。");
    expect(screen.getByTestId("client-company").getAttribute("aria-invalid")).toBe("true");
  });

  it("refuses years that are not a whole number without sending them", async () => {
    const { user } = renderForm();
    await fillRequired(user);
    await user.type(screen.getByTestId("client-years"), "3年");
    await user.click(screen.getByTestId("client-save"));
    expect((await screen.findByTestId("form-error")).textContent).toBe("勤続年数の値が範囲外です。");
    expect(screen.getByTestId("client-years").getAttribute("aria-invalid")).toBe("true");
    expect(mocked.clientCreate).not.toHaveBeenCalled();
  });

  it("edits a client, starting from what is stored", async () => {
    const stored = aClient({ tags: ["初回"], programIds: [11], ageBand: "40s", yearsAtCompany: 12 });
    mocked.clientUpdate.mockResolvedValue(stored);
    const { user, onSaved } = renderForm(stored);
    expect(screen.getByTestId<HTMLInputElement>("client-name").value).toBe("山田 花子");
    expect(screen.getByTestId<HTMLSelectElement>("client-age-band").value).toBe("40s");
    expect(screen.getByTestId<HTMLInputElement>("client-years").value).toBe("12");
    expect((await screen.findByTestId<HTMLInputElement>("client-program-11")).checked).toBe(true);
    await user.type(screen.getByTestId("client-role"), "課長");
    await user.click(screen.getByTestId("client-save"));

    await waitFor(() => {
      expect(onSaved).toHaveBeenCalledWith(stored);
    });
    expect(mocked.clientUpdate).toHaveBeenCalledWith(3, {
      companyId: 1,
      name: "山田 花子",
      nameKana: "やまだ はなこ",
      employeeNumber: null,
      department: "営業部",
      role: "課長",
      ageBand: "40s",
      yearsAtCompany: 12,
      jobContent: null,
      desiredCareer: null,
      tags: ["初回"],
      status: "active",
      programIds: [11],
    });
    expect(mocked.clientCreate).not.toHaveBeenCalled();
  });

  it("ignores the submit caused by WebKit's confirming Enter (keyCode 229 after compositionend)", async () => {
    const { user } = renderForm();
    await fillRequired(user);
    const name = screen.getByTestId("client-name");
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
});
