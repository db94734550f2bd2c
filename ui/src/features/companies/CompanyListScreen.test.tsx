import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import { aCompany, aCompanySummary } from "../../test/apiMock";
import type { ApiMock } from "../../test/apiMock";
import { renderScreen } from "../../test/render";
import { CompanyListScreen } from "./CompanyListScreen";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

describe("CompanyListScreen", () => {
  beforeEach(() => {
    mocked.companyList.mockResolvedValue([
      aCompanySummary({ id: 1, name: "株式会社サンプル" }, { programCount: 2, clientCount: 14 }),
      aCompanySummary({ id: 2, name: "有限会社テスト" }, { programCount: 0, clientCount: 0 }),
    ]);
  });

  it("lists companies with their program and client counts", async () => {
    renderScreen(<CompanyListScreen />);
    await waitFor(() => {
      expect(screen.getAllByTestId("company-row")).toHaveLength(2);
    });
    expect(screen.getAllByTestId("company-row").map((row) => row.textContent)).toEqual([
      "株式会社サンプルプログラム 2件相談者 14人",
      "有限会社テストプログラム 0件相談者 0人",
    ]);
  });

  it("opens a company from its row", async () => {
    const { navigate } = renderScreen(<CompanyListScreen />);
    await userEvent.setup().click((await screen.findAllByTestId("company-row"))[1]!);
    expect(navigate).toHaveBeenCalledExactlyOnceWith({ name: "company", companyId: 2 });
  });

  it("adds a company inline, and the list shows it", async () => {
    mocked.companyCreate.mockResolvedValue(aCompany({ id: 3, name: "合同会社みらい" }));
    const user = userEvent.setup();
    renderScreen(<CompanyListScreen />);
    await screen.findAllByTestId("company-row");
    mocked.companyList.mockResolvedValue([
      aCompanySummary({ id: 3, name: "合同会社みらい" }, { programCount: 0, clientCount: 0 }),
      ...(await api.companyList()),
    ]);

    await user.click(screen.getByTestId("add-company"));
    await user.type(screen.getByTestId("company-name"), "合同会社みらい");
    await user.click(screen.getByTestId("company-save"));

    expect(mocked.companyCreate).toHaveBeenCalledExactlyOnceWith({ name: "合同会社みらい" });
    await waitFor(() => {
      expect(screen.getAllByTestId("company-row")).toHaveLength(3);
    });
    expect(screen.queryByTestId("company-form")).toBeNull();
  });

  it("says a name is taken, keeps it typed, and marks the input", async () => {
    mocked.companyCreate.mockRejectedValue(new AppError("duplicate", "Name already exists", "name"));
    const user = userEvent.setup();
    renderScreen(<CompanyListScreen />);
    await user.click(screen.getByTestId("add-company"));
    await user.type(screen.getByTestId("company-name"), "株式会社サンプル");
    await user.click(screen.getByTestId("company-save"));

    const error = await screen.findByTestId("form-error");
    expect(error.textContent).toBe("同じ名前のものがすでに登録されています。別の名前にしてください。");
    const input = screen.getByTestId<HTMLInputElement>("company-name");
    expect(input.value).toBe("株式会社サンプル");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByTestId("company-form")).toBeTruthy();
  });

  it("names the empty field when the name is left blank", async () => {
    mocked.companyCreate.mockRejectedValue(new AppError("required", "Name is required", "name"));
    const user = userEvent.setup();
    renderScreen(<CompanyListScreen />);
    await user.click(screen.getByTestId("add-company"));
    await user.click(screen.getByTestId("company-save"));
    expect((await screen.findByTestId("form-error")).textContent).toBe("名前を入力してください。");
  });
});
