import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import type { ApiMock } from "../../test/apiMock";
import { renderScreen } from "../../test/render";
import { todayIsoDate } from "../../shared/format";
import { RetentionReviews } from "./RetentionReviews";
import { aRetentionReview } from "./testing";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

describe("RetentionReviews", () => {
  beforeEach(() => {
    mocked.retentionYears.mockResolvedValue(5);
  });

  it("names each client past the period, opens them in one click, and keeps one for a reason", async () => {
    mocked.retentionKeep.mockResolvedValue(null);
    const user = userEvent.setup();
    const { navigate, queryClient } = renderScreen(
      <RetentionReviews reviews={[aRetentionReview(), aRetentionReview({ clientId: 6, lastInterviewOn: null })]} />,
    );
    const invalidate = vi.spyOn(queryClient, "invalidateQueries");
    const [first, second] = screen.getAllByTestId("dashboard-retention-entry");
    expect(first?.textContent).toContain("最終面談 2020年1月10日");
    expect(first?.textContent).toContain("2025年1月10日 に保存期間が終了");
    expect(second?.textContent).toContain("面談の記録なし");

    await user.click(screen.getAllByTestId("dashboard-retention-open")[0]!);
    expect(navigate).toHaveBeenCalledExactlyOnceWith({ name: "client", clientId: 5 });

    await user.click(screen.getAllByTestId("dashboard-retention-keep")[0]!);
    await user.type(screen.getByTestId("retention-reason"), "係争中のため保持");
    await user.click(screen.getByTestId("retention-save"));
    await waitFor(() => {
      expect(screen.queryByTestId("retention-keep-form")).toBeNull();
    });
    expect(mocked.retentionKeep).toHaveBeenCalledExactlyOnceWith({
      clientId: 5,
      reason: "係争中のため保持",
      decidedOn: todayIsoDate(),
    });
    expect(invalidate.mock.calls.map(([filters]) => filters?.queryKey)).toEqual([["dashboard"]]);
  });

  it("keeps the reason typed when the core refuses it", async () => {
    mocked.retentionKeep.mockRejectedValue(new AppError("required", "Reason is required", "reason"));
    const user = userEvent.setup();
    renderScreen(<RetentionReviews reviews={[aRetentionReview()]} />);
    await user.click(screen.getByTestId("dashboard-retention-keep"));
    await user.type(screen.getByTestId("retention-reason"), " ");
    await user.click(screen.getByTestId("retention-save"));
    expect((await screen.findByTestId("retention-error")).textContent).toBe("理由を入力してください。");
    expect(screen.getByTestId("retention-reason").getAttribute("aria-invalid")).toBe("true");
  });
});
