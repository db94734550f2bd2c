import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import type { HitKind } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import type { ApiMock } from "../../test/apiMock";
import { switchLanguage } from "../../test/language";
import { renderScreen } from "../../test/render";
import { SearchScreen } from "./SearchScreen";
import { aSearchHit, aSnippet, someClientHits, someSearchResults } from "./testing";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

/** 上司 found for two clients: the one with the newest hit first, as the core orders them. */
function twoClients() {
  return someSearchResults([
    someClientHits({
      clientId: 4,
      clientName: "青木 一郎",
      hits: [
        aSearchHit({ kind: "sheet_section", recordId: 31, interviewId: 9, at: "2026-11-24T14:30" }),
        aSearchHit({
          kind: "action_item",
          recordId: 51,
          interviewId: 9,
          at: "2026-11-14",
          snippet: aSnippet("[上司]と面談の日程を決める"),
        }),
      ],
    }),
    someClientHits({
      clientId: 3,
      clientName: "山田 花子",
      hits: [
        aSearchHit({ kind: "interview", recordId: 7, interviewId: 7, at: "2026-11-21" }),
        aSearchHit({ kind: "client", recordId: 3, interviewId: null, at: null, snippet: aSnippet("[上司]との関係") }),
      ],
    }),
  ]);
}

const texts = (elements: HTMLElement[]) => elements.map((element) => element.textContent);

describe("SearchScreen", () => {
  beforeEach(() => {
    mocked.searchRecords.mockResolvedValue(twoClients());
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("groups the hits by client, in the order the core returns them, with a summary", async () => {
    renderScreen(<SearchScreen query="上司" />);
    const groups = await screen.findAllByTestId("search-group");
    expect(mocked.searchRecords).toHaveBeenCalledExactlyOnceWith("上司");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("「上司」の検索結果");
    expect(screen.getByTestId("search-summary").textContent).toBe("相談者 2人・4件");
    expect(screen.queryByTestId("search-truncated")).toBeNull();
    expect(groups.map((group) => within(group).getByRole("heading", { level: 2 }).textContent)).toEqual([
      "青木 一郎",
      "山田 花子",
    ]);
    expect(texts(within(groups[0]!).getAllByTestId("search-hit"))).toEqual([
      "面談シート2026年11月24日 14:30…来月から上司が替わるので不安…",
      "アクション2026年11月14日上司と面談の日程を決める",
    ]);
    expect(texts(within(groups[1]!).getAllByTestId("search-hit"))).toEqual([
      "面談メモ2026年11月21日…来月から上司が替わるので不安…",
      "相談者情報上司との関係",
    ]);
  });

  it("marks the matched words, and shows the client's words as text, never as HTML", async () => {
    const log = vi.spyOn(console, "log");
    const info = vi.spyOn(console, "info");
    const debug = vi.spyOn(console, "debug");
    mocked.searchRecords.mockResolvedValue(
      someSearchResults([
        someClientHits({
          hits: [aSearchHit({ snippet: aSnippet("<b>[上司]</b>に<img src=x onerror=alert(1)>[相談]した") })],
        }),
      ]),
    );
    renderScreen(<SearchScreen query="上司 相談" />);
    const hit = await screen.findByTestId("search-hit");
    const marks = within(hit).getAllByTestId("search-mark");
    expect(marks.map((mark) => [mark.tagName, mark.textContent])).toEqual([
      ["MARK", "上司"],
      ["MARK", "相談"],
    ]);
    expect(hit.textContent).toContain("<b>上司</b>に<img src=x onerror=alert(1)>相談した");
    expect(hit.querySelector("b, img")).toBeNull();
    for (const spy of [log, info, debug]) {
      expect(spy).not.toHaveBeenCalled();
    }
  });

  it.each<[string, HitKind, number | null, object]>([
    ["interview notes", "interview", 7, { name: "interview", interviewId: 7 }],
    ["an interview sheet's section", "sheet_section", 9, { name: "interview", interviewId: 9 }],
    ["an action decided in an interview", "action_item", 9, { name: "interview", interviewId: 9 }],
    ["progress on such an action", "progress_note", 9, { name: "interview", interviewId: 9 }],
    ["an action from no interview", "action_item", null, { name: "client", clientId: 3 }],
    ["progress on such an action", "progress_note", null, { name: "client", clientId: 3 }],
    ["the questionnaire", "questionnaire", null, { name: "client", clientId: 3 }],
    ["the client's details", "client", null, { name: "client", clientId: 3 }],
  ])("opens %s in one click", async (_what, kind, interviewId, route) => {
    mocked.searchRecords.mockResolvedValue(
      someSearchResults([someClientHits({ clientId: 3, hits: [aSearchHit({ kind, interviewId })] })]),
    );
    const user = userEvent.setup();
    const { navigate } = renderScreen(<SearchScreen query="上司" />);
    const hit = await screen.findByTestId("search-hit");
    expect(hit.getAttribute("title")).toBe(
      "interviewId" in route ? "面談のページを開く" : "相談者のページを開く",
    );
    await user.click(hit);
    expect(navigate).toHaveBeenCalledExactlyOnceWith(route);
  });

  it("opens a client from their group's heading, and is worked with the keyboard", async () => {
    const user = userEvent.setup();
    const { navigate } = renderScreen(<SearchScreen query="上司" />);
    const groups = await screen.findAllByTestId("search-group");
    // Tab: the first client's button, then its hits, each opened with Enter.
    await user.tab();
    expect(document.activeElement).toBe(within(groups[0]!).getByTestId("search-open-client"));
    await user.tab();
    expect(document.activeElement).toBe(within(groups[0]!).getAllByTestId("search-hit")[0]);
    await user.keyboard("{Enter}");
    expect(navigate).toHaveBeenLastCalledWith({ name: "interview", interviewId: 9 });

    await user.click(within(groups[1]!).getByTestId("search-open-client"));
    expect(navigate).toHaveBeenLastCalledWith({ name: "client", clientId: 3 });
    expect(navigate).toHaveBeenCalledTimes(2);
  });

  it("says when only the newest 200 are shown", async () => {
    mocked.searchRecords.mockResolvedValue(someSearchResults([someClientHits()], { truncated: true }));
    renderScreen(<SearchScreen query="面談" />);
    expect((await screen.findByTestId("search-truncated")).textContent).toBe(
      "見つかった記録が多いため、新しいものから200件だけを表示しています。言葉を足すと絞り込めます。",
    );
    expect(screen.getByTestId("search-summary").textContent).toBe("相談者 1人・1件");
  });

  it("says quietly when nothing matches", async () => {
    mocked.searchRecords.mockResolvedValue(someSearchResults());
    renderScreen(<SearchScreen query="転勤" />);
    expect((await screen.findByTestId("search-none")).textContent).toBe("「転勤」を含む記録はありません。");
    expect(screen.queryByTestId("search-group")).toBeNull();
    expect(screen.queryByTestId("search-summary")).toBeNull();
    expect(screen.queryByTestId("search-error")).toBeNull();
  });

  it("says why a query cannot be searched, without asking again", async () => {
    mocked.searchRecords.mockRejectedValue(new AppError("query_has_no_words", undefined, "query"));
    renderScreen(<SearchScreen query="！？" />);
    const error = await screen.findByTestId("search-error");
    expect(error.textContent).toBe("検索する言葉を入力してください（記号や空白だけでは検索できません）。");
    expect(error.dataset.field).toBe("query");
    expect(mocked.searchRecords).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId("search-none")).toBeNull();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("「！？」の検索結果");
  });

  it("searches afresh each time the page opens: the records may have changed since", async () => {
    const first = renderScreen(<SearchScreen query="上司" />);
    expect(await screen.findAllByTestId("search-group")).toHaveLength(2);

    first.rerender(<p>elsewhere</p>);
    mocked.searchRecords.mockResolvedValue(someSearchResults([someClientHits()]));
    first.rerender(<SearchScreen query="上司" />);
    await screen.findByText("相談者 1人・1件");
    expect(screen.getAllByTestId("search-group")).toHaveLength(1);
    expect(mocked.searchRecords).toHaveBeenCalledTimes(2);
  });

  it("speaks English when asked", async () => {
    await switchLanguage("en");
    renderScreen(<SearchScreen query="上司" />);
    await screen.findAllByTestId("search-group");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Results for “上司”");
    expect(screen.getByTestId("search-summary").textContent).toBe("Clients: 2 · Matches: 4");
    expect(texts(screen.getAllByTestId("search-hit"))).toEqual([
      "Interview sheetNov 24, 2026 14:30…来月から上司が替わるので不安…",
      "ActionNov 14, 2026上司と面談の日程を決める",
      "Interview notesNov 21, 2026…来月から上司が替わるので不安…",
      "Client details上司との関係",
    ]);
    expect(screen.getAllByTestId("search-open-client")[0]?.textContent).toBe("Open the client's page");
  });
});
