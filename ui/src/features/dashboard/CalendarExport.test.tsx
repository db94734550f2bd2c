import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import type { ApiMock } from "../../test/apiMock";
import { renderScreen } from "../../test/render";
import { CalendarExport } from "./CalendarExport";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

describe("CalendarExport", () => {
  it("says where the file went, and can save again", async () => {
    mocked.calendarExport.mockResolvedValue("/home/me/Downloads/kizuki-follow-ups.ics");
    const user = userEvent.setup();
    renderScreen(<CalendarExport />);
    expect(screen.getByText(/氏名やメモは含まれません/)).toBeTruthy();
    await user.click(screen.getByTestId("calendar-export"));
    expect((await screen.findByTestId("calendar-saved")).textContent).toBe(
      "保存しました：/home/me/Downloads/kizuki-follow-ups.ics",
    );
    await user.click(screen.getByTestId("calendar-export"));
    expect(mocked.calendarExport).toHaveBeenCalledTimes(2);
  });

  it("explains a failure in the user's language", async () => {
    mocked.calendarExport.mockRejectedValue(new AppError("storage", "writing the file failed"));
    const user = userEvent.setup();
    renderScreen(<CalendarExport />);
    await user.click(screen.getByTestId("calendar-export"));
    expect((await screen.findByTestId("calendar-error")).textContent).not.toBe("");
    expect(screen.queryByTestId("calendar-saved")).toBeNull();
  });
});
