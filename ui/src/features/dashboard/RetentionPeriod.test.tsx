import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import type { ApiMock } from "../../test/apiMock";
import { renderScreen } from "../../test/render";
import { RetentionPeriod } from "./RetentionPeriod";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

describe("RetentionPeriod", () => {
  it("shows the period and changes it in place", async () => {
    mocked.retentionYears.mockResolvedValueOnce(5).mockResolvedValue(3);
    mocked.retentionSetYears.mockResolvedValue(3);
    const user = userEvent.setup();
    const { queryClient } = renderScreen(<RetentionPeriod />);
    const invalidate = vi.spyOn(queryClient, "invalidateQueries");
    expect((await screen.findByTestId("retention-years")).textContent).toBe("保存期間：最終面談から5年");
    await user.click(screen.getByTestId("retention-years-edit"));
    await user.clear(screen.getByTestId("retention-years-input"));
    await user.type(screen.getByTestId("retention-years-input"), "3");
    await user.click(screen.getByTestId("retention-years-save"));
    await waitFor(() => {
      expect(screen.getByTestId("retention-years").textContent).toBe("保存期間：最終面談から3年");
    });
    expect(mocked.retentionSetYears).toHaveBeenCalledExactlyOnceWith(3);
    expect(invalidate.mock.calls.map(([filters]) => filters?.queryKey)).toEqual([["retention", "years"], ["dashboard"]]);
  });

  it("refuses a period that is not a whole number without sending it", async () => {
    mocked.retentionYears.mockResolvedValue(5);
    const user = userEvent.setup();
    renderScreen(<RetentionPeriod />);
    await user.click(await screen.findByTestId("retention-years-edit"));
    await user.clear(screen.getByTestId("retention-years-input"));
    await user.type(screen.getByTestId("retention-years-input"), "2.5");
    await user.click(screen.getByTestId("retention-years-save"));
    expect((await screen.findByTestId("retention-years-save-error")).textContent).toContain("保存期間（年）");
    expect(screen.getByTestId<HTMLInputElement>("retention-years-input").value).toBe("2.5");
    expect(mocked.retentionSetYears).not.toHaveBeenCalled();
  });
});
