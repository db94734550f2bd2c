import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import { aCompany, aProgram, aProgramSummary } from "../../test/apiMock";
import type { ApiMock } from "../../test/apiMock";
import { switchLanguage } from "../../test/language";
import { renderScreen } from "../../test/render";
import { CompanyScreen } from "./CompanyScreen";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

describe("CompanyScreen", () => {
  beforeEach(() => {
    mocked.companyGet.mockResolvedValue(aCompany());
    mocked.programList.mockResolvedValue([
      aProgramSummary({ id: 12, name: "2027年度 セルフ・キャリアドック", startsOn: "2027-04-01", endsOn: "2028-03-31" }),
      aProgramSummary(),
    ]);
  });

  it("shows the company's programs with their period", async () => {
    renderScreen(<CompanyScreen companyId={1} />);
    expect((await screen.findByTestId("company-heading")).textContent).toBe("株式会社サンプル");
    await waitFor(() => {
      expect(screen.getAllByTestId("program-row")).toHaveLength(2);
    });
    expect(screen.getAllByTestId("program-row")[1]?.textContent).toBe(
      "2026年度 セルフ・キャリアドック2026/04/01〜2027/03/31相談者 3人",
    );
    expect(mocked.programList).toHaveBeenCalledWith(1);

    await switchLanguage("en");
    expect(screen.getAllByTestId("program-row")[1]?.textContent).toContain("Apr 1, 2026 – Mar 31, 2027");
  });

  it("renames the company", async () => {
    mocked.companyUpdate.mockResolvedValue(aCompany({ name: "株式会社サンプルHD" }));
    const user = userEvent.setup();
    const { queryClient } = renderScreen(<CompanyScreen companyId={1} />);
    const invalidate = vi.spyOn(queryClient, "invalidateQueries");
    await screen.findByTestId("company-heading");
    mocked.companyGet.mockResolvedValue(aCompany({ name: "株式会社サンプルHD" }));

    await user.click(screen.getByTestId("rename-company"));
    const name = screen.getByTestId<HTMLInputElement>("company-name");
    expect(name.value).toBe("株式会社サンプル");
    await user.type(name, "HD");
    await user.click(screen.getByTestId("company-save"));

    expect(mocked.companyUpdate).toHaveBeenCalledExactlyOnceWith(1, { name: "株式会社サンプルHD" });
    expect((await screen.findByTestId("company-heading")).textContent).toBe("株式会社サンプルHD");
    // Client lists show the company's name.
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ["clients", "list"] });
  });

  it("adds a program and opens it", async () => {
    mocked.programCreate.mockResolvedValue(aProgram({ id: 13 }));
    const user = userEvent.setup();
    const { navigate, queryClient } = renderScreen(<CompanyScreen companyId={1} />);
    const invalidate = vi.spyOn(queryClient, "invalidateQueries");
    await user.click(screen.getByTestId("add-program"));
    await user.type(screen.getByTestId("program-name"), "追加面談プログラム");
    await user.click(screen.getByTestId("program-save"));

    await waitFor(() => {
      expect(navigate).toHaveBeenCalledExactlyOnceWith({ name: "program", programId: 13 });
    });
    expect(mocked.programCreate.mock.calls[0]?.[0]).toMatchObject({ companyId: 1, name: "追加面談プログラム" });
    expect(invalidate.mock.calls.map(([filters]) => filters?.queryKey)).toEqual([
      ["programs", "list", 1],
      ["companies", "list"],
    ]);
  });

  it("goes back to the companies", async () => {
    const { navigate } = renderScreen(<CompanyScreen companyId={1} />);
    await userEvent.setup().click(screen.getByTestId("back-to-companies"));
    expect(navigate).toHaveBeenCalledExactlyOnceWith({ name: "companies" });
  });
});
