import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import { aCompany, aDefaultTemplate, aProgram } from "../../test/apiMock";
import type { ApiMock } from "../../test/apiMock";
import { renderScreen } from "../../test/render";
import { ProgramScreen } from "./ProgramScreen";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

const AGE_KEY = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";

describe("ProgramScreen", () => {
  beforeEach(() => {
    mocked.programGet.mockResolvedValue(
      aProgram({
        theme: "3年後の自分",
        contacts: [{ id: 4, name: "人事 太郎", role: "人事部 課長", recipients: [AGE_KEY] }],
      }),
    );
    mocked.companyGet.mockResolvedValue(aCompany());
    mocked.sheetTemplateGet.mockResolvedValue(aDefaultTemplate());
  });

  it("shows the period in the Japanese way, the contacts and the template", async () => {
    renderScreen(<ProgramScreen programId={11} />);
    expect((await screen.findByTestId("program-heading")).textContent).toBe("2026年度 セルフ・キャリアドック");
    expect(screen.getByTestId("program-period").textContent).toBe("2026/04/01〜2027/03/31");
    expect(screen.getByTestId("program-contact").textContent).toContain("人事 太郎人事部 課長宛先 1件");
    expect(screen.getByText("3年後の自分")).toBeTruthy();
    expect(await screen.findAllByTestId("template-section")).toHaveLength(7);
    expect((await screen.findByTestId("back-to-company")).textContent).toBe("← 株式会社サンプル");
  });

  it("edits the details inline and goes back to them once saved", async () => {
    mocked.programUpdate.mockResolvedValue(aProgram({ name: "2026年度 キャリアドック" }));
    const user = userEvent.setup();
    renderScreen(<ProgramScreen programId={11} />);
    await user.click(await screen.findByTestId("edit-program"));
    const name = screen.getByTestId<HTMLInputElement>("program-name");
    await user.clear(name);
    await user.type(name, "2026年度 キャリアドック");
    mocked.programGet.mockResolvedValue(aProgram({ name: "2026年度 キャリアドック" }));
    await user.click(screen.getByTestId("program-save"));

    await waitFor(() => {
      expect(screen.queryByTestId("program-form")).toBeNull();
    });
    expect(mocked.programUpdate.mock.calls[0]?.[1].contacts).toEqual([
      { name: "人事 太郎", role: "人事部 課長", recipients: [AGE_KEY] },
    ]);
    await waitFor(() => {
      expect(screen.getByTestId("program-heading").textContent).toBe("2026年度 キャリアドック");
    });
  });

  it("goes back to its company", async () => {
    const user = userEvent.setup();
    const { navigate } = renderScreen(<ProgramScreen programId={11} />);
    await screen.findByTestId("program-heading");
    await user.click(screen.getByTestId("back-to-company"));
    expect(navigate).toHaveBeenCalledExactlyOnceWith({ name: "company", companyId: 1 });
  });
});
