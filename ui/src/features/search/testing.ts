import type { ClientHits, SearchHit, SearchResults, SnippetPart } from "../../ipc/api";

/** Test data for search; the shared records (client, interview …) are in test/apiMock. */

/** `"…上司と[面談]の日程…"`: the words in brackets come back highlighted. */
export function aSnippet(marked: string): SnippetPart[] {
  return marked
    .split(/(\[[^\]]*\])/)
    .filter((piece) => piece !== "")
    .map((piece) =>
      piece.startsWith("[") ? { text: piece.slice(1, -1), highlight: true } : { text: piece, highlight: false },
    );
}

/** A line of interview 7's notes mentioning 上司. */
export function aSearchHit(overrides: Partial<SearchHit> = {}): SearchHit {
  return {
    kind: "interview",
    recordId: 7,
    interviewId: 7,
    at: "2026-11-21T10:00",
    snippet: aSnippet("…来月から[上司]が替わるので不安…"),
    ...overrides,
  };
}

export function someClientHits(overrides: Partial<ClientHits> = {}): ClientHits {
  return { clientId: 3, clientName: "山田 花子", hits: [aSearchHit()], ...overrides };
}

/** Results holding the given groups, all of them (not truncated) unless told. */
export function someSearchResults(groups: ClientHits[] = [], overrides: Partial<SearchResults> = {}): SearchResults {
  return { groups, truncated: false, ...overrides };
}
