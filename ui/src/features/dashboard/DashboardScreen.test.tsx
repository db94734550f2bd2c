import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import type { ApiMock } from "../../test/apiMock";
import { switchLanguage } from "../../test/language";
import { renderScreen } from "../../test/render";
import { DashboardScreen } from "./DashboardScreen";
import { FIRST_ENTRIES } from "./FirstEntries";
import { dashboardKeys } from "./queries";
import {
  aDashboard,
  aFollowUpDue,
  anOpenFlag,
  anOverdueAction,
  anUpcomingInterview,
  aRetentionReview,
} from "./testing";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

/** A busy Saturday, 2026-11-21: something in every section. */
function aBusyDashboard() {
  return aDashboard({
    interviews: [
      anUpcomingInterview({ interviewId: 7, clientName: "山田 花子", at: "2026-11-21T10:00", held: true }),
      anUpcomingInterview({ interviewId: 8, clientId: 4, clientName: "青木 一郎", kind: "follow_up", at: "2026-11-21" }),
      anUpcomingInterview({
        interviewId: 9,
        clientId: 5,
        clientName: "佐藤 次郎",
        kind: "boss_consultation",
        at: "2026-11-24T14:30",
      }),
    ],
    followUps: [
      aFollowUpDue({ clientId: 4, clientName: "青木 一郎", interviewId: 2, dueOn: "2026-11-10", overdue: true }),
      aFollowUpDue({ clientId: 6, clientName: "鈴木 三郎", interviewId: 3, dueOn: "2026-11-25" }),
    ],
    openFlags: [anOpenFlag({ flagId: 21, clientId: 5, clientName: "佐藤 次郎", kind: "life_safety" })],
    overdueActions: [anOverdueAction({ actionItemId: 51, clientId: 6, clientName: "鈴木 三郎" })],
  });
}

const texts = (testId: string) => screen.getAllByTestId(testId).map((element) => element.textContent);

describe("DashboardScreen", () => {
  beforeEach(() => {
    mocked.retentionYears.mockResolvedValue(5);
    mocked.dashboardHome.mockResolvedValue(aBusyDashboard());
  });

  it("shows today's interviews apart from the rest of the week, with time, kind and state", async () => {
    renderScreen(<DashboardScreen />);
    const section = await screen.findByTestId("dashboard-interviews");
    expect(within(section).getByRole("heading", { level: 2 }).textContent).toBe("今日と今週の面談 3件");
    expect(screen.getByTestId("dashboard-today").textContent).toBe("今日：2026年11月21日");

    const today = within(screen.getByTestId("dashboard-interviews-today")).getAllByTestId("dashboard-interview");
    expect(today.map((entry) => entry.textContent)).toEqual([
      "10:00山田 花子初回面談実施済み",
      "時刻未定青木 一郎フォローアップ面談予定",
    ]);
    const later = within(screen.getByTestId("dashboard-interviews-later")).getAllByTestId("dashboard-interview");
    expect(later.map((entry) => entry.textContent)).toEqual([
      "2026年11月24日 14:30佐藤 次郎上司へのコンサルテーション予定",
    ]);
    expect(within(section).getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual([
      "今日",
      "明日以降",
    ]);
  });

  it("marks overdue follow-ups, and lists open flags and overdue actions with their dates", async () => {
    renderScreen(<DashboardScreen />);
    await screen.findAllByTestId("dashboard-follow-up");
    expect(texts("dashboard-follow-up")).toEqual([
      "青木 一郎次回面談の目安日 2026年11月10日目安日超過",
      "鈴木 三郎次回面談の目安日 2026年11月25日",
    ]);
    expect(screen.getAllByTestId("dashboard-follow-up").map((entry) => entry.dataset.overdue)).toEqual([
      "true",
      "false",
    ]);
    expect(screen.getAllByTestId("dashboard-follow-up")[0]?.className).toContain("dashboard-entry--overdue");
    expect(texts("dashboard-flag")).toEqual(["佐藤 次郎⚑ 生命・安全に関わること記録 2026年11月20日"]);
    expect(texts("dashboard-overdue-action")).toEqual(["鈴木 三郎上司と面談の日程を決める期限 2026年11月14日"]);
    expect(texts("dashboard-follow-ups-count")).toEqual(["2件"]);
    expect(texts("dashboard-flags-count")).toEqual(["1件"]);
    expect(texts("dashboard-overdue-actions-count")).toEqual(["1件"]);
  });

  it("opens an interview from its entry, and the client from every other one", async () => {
    const user = userEvent.setup();
    const { navigate } = renderScreen(<DashboardScreen />);
    await user.click((await screen.findAllByTestId("dashboard-interview"))[2]!);
    expect(navigate).toHaveBeenLastCalledWith({ name: "interview", interviewId: 9 });
    // A follow-up is a new interview to add: on the client's page.
    await user.click(screen.getAllByTestId("dashboard-follow-up")[0]!);
    expect(navigate).toHaveBeenLastCalledWith({ name: "client", clientId: 4 });
    await user.click(screen.getByTestId("dashboard-flag"));
    expect(navigate).toHaveBeenLastCalledWith({ name: "client", clientId: 5 });
    await user.click(screen.getByTestId("dashboard-overdue-action"));
    expect(navigate).toHaveBeenLastCalledWith({ name: "client", clientId: 6 });
    expect(navigate).toHaveBeenCalledTimes(4);
  });

  it("is worked with the keyboard: every entry is a button Tab reaches and Enter opens", async () => {
    const user = userEvent.setup();
    const { navigate } = renderScreen(<DashboardScreen />);
    await screen.findAllByTestId("dashboard-interview");
    await user.tab();
    expect(document.activeElement).toBe(screen.getAllByTestId("dashboard-interview")[0]);
    await user.keyboard("{Enter}");
    expect(navigate).toHaveBeenCalledExactlyOnceWith({ name: "interview", interviewId: 7 });
    // Seven entries, seven stops, then the calendar export and the retention period's "change".
    expect(screen.getAllByTestId(/^dashboard-(interview|follow-up|flag|overdue-action)$/)).toHaveLength(7);
    expect(screen.getAllByRole("button")).toHaveLength(9);
    expect(screen.getByTestId("dashboard-flag").getAttribute("title")).toBe("相談者のページを開く");
    expect(screen.getAllByTestId("dashboard-interview")[0]?.getAttribute("title")).toBe("面談のページを開く");
  });

  it("says quietly when a section has nothing, with a count of zero", async () => {
    mocked.dashboardHome.mockResolvedValue(aDashboard());
    renderScreen(<DashboardScreen />);
    const interviews = await screen.findByTestId("dashboard-interviews");
    expect(within(interviews).getByText("今日から1週間の面談はありません。")).toBeTruthy();
    expect(within(screen.getByTestId("dashboard-follow-ups")).getByText("目安日の近いフォローアップはありません。")).toBeTruthy();
    expect(within(screen.getByTestId("dashboard-flags")).getByText("対応中の要配慮フラグはありません。")).toBeTruthy();
    expect(within(screen.getByTestId("dashboard-overdue-actions")).getByText("期限切れのアクションはありません。")).toBeTruthy();
    expect(screen.getAllByRole("heading", { level: 2 }).map((heading) => heading.textContent)).toEqual([
      "今日と今週の面談 0件",
      "フォローアップ 0件",
      "対応中のフラグ 0件",
      "期限切れのアクション 0件",
      "保存期間を過ぎた相談者 0件",
    ]);
    expect(screen.queryAllByRole("listitem")).toEqual([]);
  });

  it("says when nothing is on today though later days have interviews", async () => {
    mocked.dashboardHome.mockResolvedValue(
      aDashboard({ interviews: [anUpcomingInterview({ at: "2026-11-23T09:00" })] }),
    );
    renderScreen(<DashboardScreen />);
    expect(await screen.findByText("今日の面談はありません。")).toBeTruthy();
    expect(screen.queryByTestId("dashboard-interviews-today")).toBeNull();
    expect(texts("dashboard-interview")).toEqual(["2026年11月23日 09:00山田 花子初回面談予定"]);
  });

  it("speaks English when asked", async () => {
    await switchLanguage("en");
    renderScreen(<DashboardScreen />);
    await screen.findAllByTestId("dashboard-interview");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Home");
    expect(screen.getByTestId("dashboard-today").textContent).toBe("Today: Nov 21, 2026");
    expect(screen.getAllByRole("heading", { level: 2 }).map((heading) => heading.textContent)).toEqual([
      "Interviews today and this week 3",
      "Follow-ups 2",
      "Open flags 1",
      "Overdue actions 1",
      "Past the retention period 0",
    ]);
    expect(texts("dashboard-interview")[2]).toBe("Nov 24, 2026 14:30佐藤 次郎Consultation with the bossScheduled");
    expect(texts("dashboard-follow-up")[0]).toBe("青木 一郎Next interview due Nov 10, 2026Overdue");
    expect(texts("dashboard-overdue-action")[0]).toBe("鈴木 三郎上司と面談の日程を決めるDue Nov 14, 2026");
  });

  it("lists the first entries of a long section, the count saying how many in all, and the rest on request", async () => {
    const actions = Array.from({ length: FIRST_ENTRIES + 5 }, (_, index) =>
      anOverdueAction({ actionItemId: 100 + index, clientId: 6, clientName: `相談者 ${index + 1}` }),
    );
    const reviews = Array.from({ length: FIRST_ENTRIES }, (_, index) =>
      aRetentionReview({ clientId: 300 + index, clientName: `保存期間 ${index + 1}` }),
    );
    mocked.dashboardHome.mockResolvedValue(aDashboard({ overdueActions: actions, retentionDue: reviews }));
    const user = userEvent.setup();
    renderScreen(<DashboardScreen />);
    const section = await screen.findByTestId("dashboard-overdue-actions");
    expect(screen.getByTestId("dashboard-overdue-actions-count").textContent).toBe(`${FIRST_ENTRIES + 5}件`);
    expect(within(section).getAllByTestId("dashboard-overdue-action")).toHaveLength(FIRST_ENTRIES);
    expect(within(section).queryByText(`相談者 ${FIRST_ENTRIES + 1}`)).toBeNull();

    await user.click(within(section).getByRole("button", { name: "すべて表示（ほか5件）" }));
    const all = within(section).getAllByTestId("dashboard-overdue-action");
    expect(all).toHaveLength(FIRST_ENTRIES + 5);
    expect(all.at(-1)?.textContent).toContain(`相談者 ${FIRST_ENTRIES + 5}`);
    expect(within(section).queryByTestId("dashboard-overdue-actions-show-all")).toBeNull();
    // The keyboard carries on where the list grew, not at the top of the page.
    expect(document.activeElement).toBe(all[FIRST_ENTRIES]);

    // A section of exactly as many as are listed has nothing more to show.
    const retention = screen.getByTestId("dashboard-retention");
    expect(within(retention).getAllByTestId("dashboard-retention-entry")).toHaveLength(FIRST_ENTRIES);
    expect(screen.queryByTestId("dashboard-retention-show-all")).toBeNull();
  });

  it("says why it could not be loaded, without retrying a locked vault", async () => {
    mocked.dashboardHome.mockRejectedValue(new AppError("vault_locked"));
    renderScreen(<DashboardScreen />);
    expect((await screen.findByTestId("dashboard-load-error")).dataset.code).toBe("vault_locked");
    expect(mocked.dashboardHome).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId("dashboard-interviews")).toBeNull();
  });

  it("asks again each time Home opens, and when a change makes it stale", async () => {
    const first = renderScreen(<DashboardScreen />);
    await screen.findAllByTestId("dashboard-interview");
    expect(mocked.dashboardHome).toHaveBeenCalledTimes(1);

    mocked.dashboardHome.mockResolvedValue(aDashboard());
    await first.queryClient.invalidateQueries({ queryKey: dashboardKeys.all });
    await waitFor(() => {
      expect(screen.queryAllByTestId("dashboard-interview")).toEqual([]);
    });
    expect(mocked.dashboardHome).toHaveBeenCalledTimes(2);

    // Leaving Home and coming back, in the same cache: fetched afresh, not served from it.
    first.rerender(<p>elsewhere</p>);
    expect(screen.queryByTestId("dashboard-screen")).toBeNull();
    mocked.dashboardHome.mockResolvedValue(aBusyDashboard());
    first.rerender(<DashboardScreen />);
    expect(await screen.findAllByTestId("dashboard-interview")).toHaveLength(3);
    expect(mocked.dashboardHome).toHaveBeenCalledTimes(3);
  });
});
