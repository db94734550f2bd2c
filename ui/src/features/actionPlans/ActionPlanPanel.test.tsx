import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import type { ApiMock } from "../../test/apiMock";
import { renderScreen } from "../../test/render";
import { todayIsoDate } from "../../shared/format";
import { ActionPlanPanel } from "./ActionPlanPanel";
import { anActionItem, aProgressNote } from "./testing";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

describe("ActionPlanPanel", () => {
  beforeEach(() => {
    mocked.actionItemList.mockResolvedValue([
      anActionItem({
        id: 42,
        what: "もっと頑張る",
        how: null,
        dueOn: "2020-01-31",
        status: "in_progress",
        smart: { specific: false, measurable: false, achievable: true, related: true, timeBound: true },
        smartMissing: ["specific", "measurable"],
        progress: [aProgressNote({ actionItemId: 42, status: "in_progress" })],
      }),
      anActionItem({ id: 41, status: "done" }),
    ]);
  });

  it("leads with open items, marking an overdue date and the SMART criteria missed", async () => {
    renderScreen(<ActionPlanPanel clientId={3} />);
    const open = await screen.findByTestId("open-actions");
    const [vague] = within(open).getAllByTestId("action-row");
    expect(within(vague!).getByTestId("action-row-status").textContent).toBe("実行中");
    expect(vague?.textContent).toContain("期限切れ 2020年1月31日");
    expect(within(vague!).getByTestId("action-smart-missing").textContent).toBe("SMART未充足：具体的、測定可能");
    expect(within(vague!).getByTestId("progress-row").textContent).toContain("説明会の日程を確認した");
    expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("アクションプラン（未完了 1件）");
    // The finished item is below, out of the open list.
    expect(within(open).getAllByTestId("action-row")).toHaveLength(1);
    expect(screen.getAllByTestId("action-row")[1]?.dataset.status).toBe("done");
    expect(mocked.actionItemList).toHaveBeenCalledWith(3);
  });

  it("records an item decided in the interview on screen, with its SMART ticks", async () => {
    mocked.actionItemList.mockResolvedValue([]);
    mocked.actionItemCreate.mockResolvedValue(anActionItem({ id: 60 }));
    const user = userEvent.setup();
    const { queryClient } = renderScreen(<ActionPlanPanel clientId={3} interviewId={7} />);
    const invalidate = vi.spyOn(queryClient, "invalidateQueries");
    await user.click(await screen.findByTestId("add-action"));
    await user.type(screen.getByTestId("action-what"), "上司と異動について話す");
    await user.click(screen.getByTestId("action-smart-specific"));
    await user.click(screen.getByTestId("action-smart-time_bound"));
    await user.click(screen.getByTestId("action-save"));
    await waitFor(() => {
      expect(screen.queryByTestId("action-form")).toBeNull();
    });
    expect(mocked.actionItemCreate).toHaveBeenCalledExactlyOnceWith({
      clientId: 3,
      interviewId: 7,
      what: "上司と異動について話す",
      how: null,
      dueOn: null,
      smart: { specific: true, measurable: false, achievable: false, related: false, timeBound: true },
      status: "not_started",
    });
    expect(invalidate.mock.calls.map(([filters]) => filters?.queryKey)).toEqual([
      ["actionPlans", "client", 3],
      ["dashboard"],
    ]);
  });

  it("records a review in the interview, moving the item on, dated today by default", async () => {
    mocked.actionItemAddProgress.mockResolvedValue(anActionItem({ id: 42, status: "done" }));
    const user = userEvent.setup();
    renderScreen(<ActionPlanPanel clientId={3} interviewId={9} />);
    const open = await screen.findByTestId("open-actions");
    await user.click(within(open).getByTestId("action-add-progress"));
    expect(screen.getByTestId<HTMLInputElement>("progress-noted-on").value).toBe(todayIsoDate());
    await user.type(screen.getByTestId("progress-note"), "上司と話し、来期の異動希望を出した");
    await user.selectOptions(screen.getByTestId("progress-status"), "done");
    await user.click(screen.getByTestId("progress-save"));
    await waitFor(() => {
      expect(screen.queryByTestId("progress-form")).toBeNull();
    });
    expect(mocked.actionItemAddProgress).toHaveBeenCalledExactlyOnceWith({
      actionItemId: 42,
      interviewId: 9,
      notedOn: todayIsoDate(),
      note: "上司と話し、来期の異動希望を出した",
      status: "done",
    });
  });

  it("edits an item from what is stored, keeping the interview that decided it", async () => {
    mocked.actionItemUpdate.mockResolvedValue(anActionItem({ id: 42, dueOn: "2099-01-31" }));
    const user = userEvent.setup();
    renderScreen(<ActionPlanPanel clientId={3} />);
    const open = await screen.findByTestId("open-actions");
    await user.click(within(open).getByTestId("action-edit"));
    expect(screen.getByTestId<HTMLTextAreaElement>("action-what").value).toBe("もっと頑張る");
    expect(screen.getByTestId<HTMLInputElement>("action-smart-specific").checked).toBe(false);
    expect(screen.getByTestId<HTMLInputElement>("action-smart-achievable").checked).toBe(true);
    await user.clear(screen.getByTestId("action-what"));
    await user.type(screen.getByTestId("action-what"), "週に一度、資格の勉強をする");
    await user.click(screen.getByTestId("action-smart-specific"));
    await user.click(screen.getByTestId("action-save"));
    await waitFor(() => {
      expect(screen.queryByTestId("action-form")).toBeNull();
    });
    expect(mocked.actionItemUpdate).toHaveBeenCalledExactlyOnceWith(42, {
      clientId: 3,
      interviewId: 7,
      what: "週に一度、資格の勉強をする",
      how: null,
      dueOn: "2020-01-31",
      smart: { specific: true, measurable: false, achievable: true, related: true, timeBound: true },
      status: "in_progress",
    });
  });

  it("keeps what was typed when the core refuses, pointing at the field", async () => {
    mocked.actionItemList.mockResolvedValue([]);
    mocked.actionItemCreate.mockRejectedValue(new AppError("period_ends_before_start", "DueOn", "dueOn"));
    const user = userEvent.setup();
    renderScreen(<ActionPlanPanel clientId={3} interviewId={7} />);
    await user.click(await screen.findByTestId("add-action"));
    await user.type(screen.getByTestId("action-what"), "資格の勉強を始める");
    await user.click(screen.getByTestId("action-save"));
    expect((await screen.findByTestId("form-error")).textContent).toContain("日付");
    expect(screen.getByTestId<HTMLTextAreaElement>("action-what").value).toBe("資格の勉強を始める");
    expect(screen.getByTestId("action-due-on").getAttribute("aria-invalid")).toBe("true");
  });
});
