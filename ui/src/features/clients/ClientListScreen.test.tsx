import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import type { ClientFilter } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import { aClient, aClientSummary, aCompanySummary, aProgramSummary } from "../../test/apiMock";
import type { ApiMock } from "../../test/apiMock";
import { renderScreen } from "../../test/render";
import { ClientListScreen } from "./ClientListScreen";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

const NONE: ClientFilter = { companyId: null, programId: null, department: null, status: null, tag: null };

describe("ClientListScreen", () => {
  beforeEach(() => {
    mocked.companyList.mockResolvedValue([
      aCompanySummary({ id: 1, name: "株式会社サンプル" }),
      aCompanySummary({ id: 2, name: "有限会社テスト" }),
    ]);
    mocked.programList.mockResolvedValue([aProgramSummary({ id: 11 })]);
    mocked.clientList.mockResolvedValue([
      aClientSummary({
        id: 2,
        name: "青木 一郎",
        nameKana: "あおき いちろう",
        companyId: 2,
        companyName: "有限会社テスト",
        department: "開発部",
        tags: ["初回"],
        openFlagCount: 2,
        lastInterviewAt: "2026-11-21T10:00",
      }),
      aClientSummary({ id: 1, name: "渡辺 花子", nameKana: "わたなべ はなこ", status: "closed", tags: ["要フォロー"] }),
    ]);
  });

  it("lists clients in the order the shell sorted them, with company, status, tags and last interview", async () => {
    renderScreen(<ClientListScreen />);
    await waitFor(() => {
      expect(screen.getAllByTestId("client-row")).toHaveLength(2);
    });
    const [aoki, watanabe] = screen.getAllByTestId("client-row");
    expect(aoki?.textContent).toBe(
      "あおき いちろう青木 一郎有限会社テスト / 開発部初回最終面談 2026年11月21日継続中⚑ 2",
    );
    expect(watanabe?.textContent).toBe("わたなべ はなこ渡辺 花子株式会社サンプル / 営業部要フォロー面談なし終了");
    expect(mocked.clientList).toHaveBeenCalledWith(NONE);
  });

  it("shows the open-flag badge only on clients with open flags", async () => {
    renderScreen(<ClientListScreen />);
    const badge = await screen.findByTestId("client-flag-badge");
    expect(badge.getAttribute("aria-label")).toBe("未対応の要配慮フラグ 2件");
    expect(within(screen.getAllByTestId("client-row")[0]!).getByTestId("client-flag-badge")).toBe(badge);
    expect(screen.getAllByTestId("client-flag-badge")).toHaveLength(1);
  });

  it("asks the shell for the clients matching each filter", async () => {
    const user = userEvent.setup();
    renderScreen(<ClientListScreen />);
    await screen.findAllByTestId("client-row");
    expect(screen.getByTestId<HTMLSelectElement>("client-filter-program").disabled).toBe(true);

    await user.selectOptions(screen.getByTestId("client-filter-company"), "1");
    expect(mocked.clientList).toHaveBeenLastCalledWith({ ...NONE, companyId: 1 });
    await waitFor(() => {
      expect(screen.getByTestId<HTMLSelectElement>("client-filter-program").disabled).toBe(false);
    });
    expect(mocked.programList).toHaveBeenCalledWith(1);
    await user.selectOptions(await screen.findByTestId("client-filter-program"), "11");
    expect(mocked.clientList).toHaveBeenLastCalledWith({ ...NONE, companyId: 1, programId: 11 });

    await user.selectOptions(screen.getByTestId("client-filter-status"), "closed");
    await user.selectOptions(screen.getByTestId("client-filter-department"), "営業部");
    await user.selectOptions(screen.getByTestId("client-filter-tag"), "要フォロー");
    expect(mocked.clientList).toHaveBeenLastCalledWith({
      companyId: 1,
      programId: 11,
      department: "営業部",
      status: "closed",
      tag: "要フォロー",
    });

    // Another company: its programs, not the first one's.
    await user.selectOptions(screen.getByTestId("client-filter-company"), "2");
    expect(mocked.clientList).toHaveBeenLastCalledWith({
      companyId: 2,
      programId: null,
      department: "営業部",
      status: "closed",
      tag: "要フォロー",
    });

    await user.click(screen.getByTestId("client-filter-clear"));
    await waitFor(() => {
      expect(screen.getAllByTestId("client-row")).toHaveLength(2);
    });
    expect(screen.getByTestId<HTMLSelectElement>("client-filter-company").value).toBe("");
  });

  it("offers the departments and tags recorded, of the chosen company", async () => {
    const user = userEvent.setup();
    renderScreen(<ClientListScreen />);
    await screen.findAllByTestId("client-row");
    const options = (testId: string) =>
      [...screen.getByTestId<HTMLSelectElement>(testId).options].map((option) => option.textContent);
    expect(options("client-filter-department")).toEqual(["すべて", "営業部", "開発部"]);
    expect(options("client-filter-tag")).toEqual(["すべて", "初回", "要フォロー"]);
    await user.selectOptions(screen.getByTestId("client-filter-company"), "2");
    expect(options("client-filter-department")).toEqual(["すべて", "開発部"]);
  });

  it("says when no client matches", async () => {
    const user = userEvent.setup();
    renderScreen(<ClientListScreen />);
    await screen.findAllByTestId("client-row");
    mocked.clientList.mockResolvedValue([]);
    await user.selectOptions(screen.getByTestId("client-filter-status"), "active");
    expect(await screen.findByText("条件に合う相談者はいません。")).toBeTruthy();
  });

  it("adds a client inline and opens it", async () => {
    mocked.clientList.mockResolvedValue([]);
    mocked.clientCreate.mockResolvedValue(aClient({ id: 42 }));
    const { navigate } = renderScreen(<ClientListScreen />);
    const user = userEvent.setup();

    expect(await screen.findByText(/まだ相談者はいません/)).toBeTruthy();
    await user.click(screen.getByTestId("add-client"));
    expect(screen.getByLabelText("ふりがな")).toBe(screen.getByTestId("client-kana"));
    await user.type(screen.getByTestId("client-name"), "山田 花子");
    await user.type(screen.getByTestId("client-kana"), "やまだ はなこ");
    const company = screen.getByTestId("client-company");
    await within(company).findByRole("option", { name: "株式会社サンプル" });
    await user.selectOptions(company, "1");
    await user.click(screen.getByTestId("client-save"));
    await waitFor(() => {
      expect(navigate).toHaveBeenCalledWith({ name: "client", clientId: 42 });
    });
  });

  it("starts a new client in the company the list is filtered by", async () => {
    const user = userEvent.setup();
    renderScreen(<ClientListScreen />);
    await screen.findAllByTestId("client-row");
    await user.selectOptions(screen.getByTestId("client-filter-company"), "2");
    await user.click(screen.getByTestId("add-client"));
    expect(screen.getByTestId<HTMLSelectElement>("client-company").value).toBe("2");
  });

  it("opens a client from its row", async () => {
    const { navigate } = renderScreen(<ClientListScreen />);
    await userEvent.setup().click((await screen.findAllByTestId("client-row"))[1]!);
    expect(navigate).toHaveBeenCalledExactlyOnceWith({ name: "client", clientId: 1 });
  });

  it("says why the list could not be loaded, without retrying a locked vault", async () => {
    mocked.clientList.mockRejectedValue(new AppError("vault_locked"));
    renderScreen(<ClientListScreen />);
    expect((await screen.findByTestId("load-error")).dataset.code).toBe("vault_locked");
    expect(mocked.clientList).toHaveBeenCalledTimes(1);
  });

  it("closes the form on cancel without saving", async () => {
    mocked.clientList.mockResolvedValue([]);
    renderScreen(<ClientListScreen />);
    const user = userEvent.setup();
    await user.click(screen.getByTestId("add-client"));
    await user.click(screen.getByTestId("client-cancel"));
    expect(screen.queryByTestId("client-form")).toBeNull();
    expect(mocked.clientCreate).not.toHaveBeenCalled();
  });
});
