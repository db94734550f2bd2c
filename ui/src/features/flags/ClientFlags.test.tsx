import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import { aFlag } from "../../test/apiMock";
import type { ApiMock } from "../../test/apiMock";
import { renderScreen } from "../../test/render";
import { todayIsoDate } from "../../shared/format";
import { ClientFlags } from "./ClientFlags";
import { OpenFlagBadge } from "./OpenFlagBadge";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

describe("ClientFlags", () => {
  beforeEach(() => {
    mocked.flagList.mockResolvedValue([
      aFlag({ id: 22, kind: "life_safety", note: "通勤中に強いめまい", referredTo: "産業医" }),
      aFlag({ id: 21, kind: "organisational", note: "", raisedOn: "2026-10-01", handledOn: "2026-10-15" }),
    ]);
  });

  it("shows open flags prominently and handled ones with their date", async () => {
    renderScreen(<ClientFlags clientId={3} />);
    const rows = await screen.findAllByTestId("flag-row");
    expect(rows.map((row) => row.dataset.open)).toEqual(["true", "false"]);
    expect(rows[0]?.className).toContain("flag--open");
    expect(rows[0]?.textContent).toContain("生命・安全に関わること");
    expect(rows[0]?.textContent).toContain("通勤中に強いめまい");
    expect(rows[0]?.textContent).toContain("リファー先：産業医");
    expect(rows[0]?.textContent).toContain("記録 2026年11月20日");
    expect(within(rows[1]!).getByTestId("flag-status").textContent).toBe("対応済み（2026年10月15日）");
    // Only an open flag can be marked handled.
    expect(within(rows[1]!).queryByTestId("flag-mark-handled")).toBeNull();
    expect(mocked.flagList).toHaveBeenCalledWith(3);
  });

  it("raises a flag dated today by default, linked to the interview on screen", async () => {
    mocked.flagList.mockResolvedValueOnce([]).mockResolvedValue([aFlag({ id: 30, interviewId: 7 })]);
    mocked.flagCreate.mockResolvedValue(aFlag({ id: 30, interviewId: 7 }));
    const user = userEvent.setup();
    const { queryClient } = renderScreen(<ClientFlags clientId={3} interviewId={7} />);
    const invalidate = vi.spyOn(queryClient, "invalidateQueries");
    expect(await screen.findByText("要配慮フラグはありません。")).toBeTruthy();

    await user.click(screen.getByTestId("add-flag"));
    expect(screen.getByTestId<HTMLInputElement>("flag-raised-on").value).toBe(todayIsoDate());
    await user.selectOptions(screen.getByTestId("flag-kind"), "life_safety");
    await user.type(screen.getByTestId("flag-note"), "眠れていない");
    await user.type(screen.getByTestId("flag-referred-to"), " 心療内科 ");
    await user.click(screen.getByTestId("flag-save"));

    await waitFor(() => {
      expect(screen.queryByTestId("flag-form")).toBeNull();
    });
    expect(mocked.flagCreate).toHaveBeenCalledExactlyOnceWith({
      clientId: 3,
      interviewId: 7,
      kind: "life_safety",
      note: "眠れていない",
      referredTo: "心療内科",
      raisedOn: todayIsoDate(),
      handledOn: null,
    });
    expect(invalidate.mock.calls.map(([filters]) => filters?.queryKey)).toEqual([
      ["flags", "client", 3],
      ["clients", "list"],
      ["clients", "detail", 3],
      ["dashboard"],
    ]);
    expect((await screen.findByTestId("flag-row")).textContent).toContain("この面談で記録");
  });

  it("keeps what was typed when raising fails, naming the field at fault", async () => {
    mocked.flagList.mockResolvedValue([]);
    mocked.flagCreate.mockRejectedValue(new AppError("invalid_date", "RaisedOn is not a valid date", "raisedOn"));
    const user = userEvent.setup();
    renderScreen(<ClientFlags clientId={3} />);
    await user.click(await screen.findByTestId("add-flag"));
    await user.type(screen.getByTestId("flag-note"), "メモ");
    await user.click(screen.getByTestId("flag-save"));

    expect((await screen.findByTestId("form-error")).dataset.code).toBe("invalid_date");
    expect(screen.getByTestId<HTMLTextAreaElement>("flag-note").value).toBe("メモ");
    expect(screen.getByTestId("flag-raised-on").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByTestId("flag-note").getAttribute("aria-invalid")).toBeNull();
  });

  it("marks an open flag handled on the chosen day, keeping everything else", async () => {
    const open = aFlag({ id: 22, kind: "life_safety", note: "通勤中に強いめまい", referredTo: "産業医" });
    mocked.flagList.mockResolvedValue([open]);
    mocked.flagUpdate.mockResolvedValue({ ...open, handledOn: "2026-11-22" });
    const user = userEvent.setup();
    renderScreen(<ClientFlags clientId={3} />);
    const row = await screen.findByTestId("flag-row");
    const date = within(row).getByTestId<HTMLInputElement>("flag-handled-on");
    expect(date.value).toBe(todayIsoDate());

    fireEvent.change(date, { target: { value: "2026-11-22" } });
    mocked.flagList.mockResolvedValue([{ ...open, handledOn: "2026-11-22" }]);
    await user.click(within(row).getByTestId("flag-mark-handled"));

    expect(mocked.flagUpdate).toHaveBeenCalledExactlyOnceWith(22, {
      clientId: 3,
      interviewId: null,
      kind: "life_safety",
      note: "通勤中に強いめまい",
      referredTo: "産業医",
      raisedOn: "2026-11-20",
      handledOn: "2026-11-22",
    });
    await waitFor(() => {
      expect(screen.getByTestId("flag-row").dataset.open).toBe("false");
    });
    expect(screen.getByTestId("flag-status").textContent).toBe("対応済み（2026年11月22日）");
  });
});

describe("OpenFlagBadge", () => {
  it("shows ⚑ and the count, named in words", () => {
    renderScreen(<OpenFlagBadge count={2} />);
    const badge = screen.getByRole("img", { name: "未対応の要配慮フラグ 2件" });
    expect(badge.textContent).toBe("⚑ 2");
  });

  it("shows nothing when no flag is open", () => {
    renderScreen(<OpenFlagBadge count={0} />);
    expect(screen.queryByTestId("open-flag-badge")).toBeNull();
  });
});
