import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import { aClient, aCompany, aCompanySummary, aFlag, aProgramSummary } from "../../test/apiMock";
import type { ApiMock } from "../../test/apiMock";
import { renderScreen } from "../../test/render";
import { ClientScreen } from "./ClientScreen";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
// The interviews are the interviews feature's, tested there; here only where they go.
vi.mock("../interviews/ClientInterviews", () => ({
  ClientInterviews: ({ clientId }: { clientId: number }) => <section data-testid="client-interviews">{clientId}</section>,
}));
const mocked = api as unknown as ApiMock;

describe("ClientScreen", () => {
  beforeEach(() => {
    mocked.clientGet.mockResolvedValue(
      aClient({ role: "主任", ageBand: "30s", tags: ["初回"], programIds: [11], jobContent: "法人営業" }),
    );
    mocked.companyGet.mockResolvedValue(aCompany());
    mocked.companyList.mockResolvedValue([aCompanySummary()]);
    mocked.programList.mockResolvedValue([aProgramSummary({ id: 11 })]);
    mocked.flagList.mockResolvedValue([]);
    mocked.actionItemList.mockResolvedValue([]);
  });

  it("shows the client with the reading above the name, the company, department and status", async () => {
    renderScreen(<ClientScreen clientId={3} />);
    const heading = await screen.findByTestId("client-name-heading");
    expect(heading.textContent).toContain("山田 花子");
    expect(heading.querySelector("rt")?.textContent).toBe("やまだ はなこ");
    await waitFor(() => {
      expect(screen.getByTestId("client-affiliation").textContent).toBe("株式会社サンプル / 営業部");
    });
    expect(screen.getByTestId("client-status-label").textContent).toBe("継続中");
    const details = screen.getByTestId("client-details");
    expect(details.textContent).toContain("主任");
    expect(details.textContent).toContain("30代");
    expect(details.textContent).toContain("法人営業");
    // Kizuki's reference, the only name a calendar export gives the client.
    expect(screen.getByTestId("client-reference").textContent).toBe("KZ-3");
    await waitFor(() => {
      expect(details.textContent).toContain("2026年度 セルフ・キャリアドック");
    });
  });

  it("shows the client's interviews and flags", async () => {
    renderScreen(<ClientScreen clientId={3} />);
    expect((await screen.findByTestId("client-interviews")).textContent).toBe("3");
    expect(await screen.findByText("要配慮フラグはありません。")).toBeTruthy();
    expect(mocked.flagList).toHaveBeenCalledWith(3);
  });

  it("shows a banner while any flag is open", async () => {
    mocked.flagList.mockResolvedValue([aFlag({ id: 1 }), aFlag({ id: 2, kind: "organisational" })]);
    renderScreen(<ClientScreen clientId={3} />);
    expect((await screen.findByTestId("client-open-flags")).textContent).toBe("⚑ 未対応の要配慮フラグが 2件あります。");
  });

  it("has no banner when every flag is handled", async () => {
    mocked.flagList.mockResolvedValue([aFlag({ handledOn: "2026-11-22" })]);
    renderScreen(<ClientScreen clientId={3} />);
    await screen.findByTestId("flag-row");
    expect(screen.queryByTestId("client-open-flags")).toBeNull();
  });

  it("edits the client inline and shows the saved details", async () => {
    const user = userEvent.setup();
    mocked.clientUpdate.mockResolvedValue(aClient({ department: "人事部" }));
    renderScreen(<ClientScreen clientId={3} />);
    await user.click(await screen.findByTestId("edit-client"));
    const department = screen.getByTestId<HTMLInputElement>("client-department");
    expect(department.value).toBe("営業部");
    await user.clear(department);
    await user.type(department, "人事部");
    mocked.clientGet.mockResolvedValue(aClient({ department: "人事部" }));
    await user.click(screen.getByTestId("client-save"));

    await waitFor(() => {
      expect(screen.queryByTestId("client-form")).toBeNull();
    });
    expect(mocked.clientUpdate.mock.calls[0]?.[0]).toBe(3);
    expect(mocked.clientUpdate.mock.calls[0]?.[1]).toMatchObject({ department: "人事部", tags: ["初回"] });
    await waitFor(() => {
      expect(screen.getByTestId("client-affiliation").textContent).toBe("株式会社サンプル / 人事部");
    });
  });

  it("goes back to the list", async () => {
    const user = userEvent.setup();
    const { navigate } = renderScreen(<ClientScreen clientId={3} />);
    await user.click(screen.getByTestId("back-to-clients"));
    expect(navigate).toHaveBeenCalledExactlyOnceWith({ name: "clients" });
  });

  it("shows why the client could not be loaded", async () => {
    mocked.clientGet.mockRejectedValue(new AppError("not_found"));
    renderScreen(<ClientScreen clientId={3} />);
    expect((await screen.findByTestId("load-error")).dataset.code).toBe("not_found");
    expect(mocked.clientGet).toHaveBeenCalledTimes(1);
  });
});
