import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { api } from "../../../ipc/api";
import type { Topics } from "../../../ipc/api";
import type { ApiMock } from "../../../test/apiMock";
import { deferred } from "../../../test/apiMock";
import { renderScreen } from "../../../test/render";
import { TopicsPanel } from "./TopicsPanel";

vi.mock("../../../ipc/api", async () => (await import("../../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

describe("TopicsPanel", () => {
  it("saves each tick with the whole classification, in list order, one save after another", async () => {
    mocked.interviewTopics.mockResolvedValue({ themes: ["health"], issues: [] });
    const first = deferred<Topics>();
    mocked.interviewSetTopics.mockReturnValueOnce(first.promise);
    mocked.interviewSetTopics.mockImplementation((_id, topics) => Promise.resolve(topics));
    const user = userEvent.setup();
    renderScreen(<TopicsPanel interviewId={7} />);
    await user.click(screen.getByTestId("topics-toggle"));
    expect(await screen.findByTestId("topic-theme-health")).toHaveProperty("checked", true);
    await user.click(screen.getByTestId("topic-theme-career_direction"));
    await user.click(screen.getByTestId("topic-issue-workload"));
    // The second waits for the first: the last tick is the one kept.
    expect(mocked.interviewSetTopics).toHaveBeenCalledTimes(1);
    expect(mocked.interviewSetTopics).toHaveBeenLastCalledWith(7, { themes: ["career_direction", "health"], issues: [] });
    first.resolve({ themes: ["career_direction", "health"], issues: [] });
    await waitFor(() => {
      expect(mocked.interviewSetTopics).toHaveBeenLastCalledWith(7, {
        themes: ["career_direction", "health"],
        issues: ["workload"],
      });
    });
    expect(screen.getByTestId("topics-count").textContent).toContain("3");
  });
});
