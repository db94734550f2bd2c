import { describe, expect, it } from "vitest";
import { anInterview } from "../../test/apiMock";
import { clientKeys } from "../clients/queries";
import { dashboardKeys } from "../dashboard/queries";
import { questionnaireKeys, questionnaireMutations } from "../questionnaires/queries";
import { interviewKeys, interviewMutations } from "./queries";
import { aQuestionnaire, aSheet } from "./testing";

const DETAILS = {
  programId: null,
  kind: "initial",
  scheduledAt: "2026-12-01T14:30",
  heldAt: null,
  durationMinutes: null,
  place: null,
  purpose: null,
  theme: null,
} as const;

describe("interview mutations", () => {
  it("creating one makes its client's interview list and the client list stale", () => {
    const created = anInterview({ id: 9, clientId: 4 });
    expect(interviewMutations.create.invalidates(created, { clientId: 4, details: DETAILS })).toEqual([
      interviewKeys.list(4),
      clientKeys.list(),
      dashboardKeys.all,
    ]);
  });

  it("saving notes refreshes the list's preview and the page; the history once held", () => {
    const scheduled = anInterview({ id: 7, clientId: 4, heldAt: null });
    expect(interviewMutations.saveNotes.invalidates(scheduled, { interviewId: 7, notes: "メモ" })).toEqual([
      interviewKeys.list(4),
      interviewKeys.detail(7),
    ]);
    const held = anInterview({ id: 7, clientId: 4, heldAt: "2026-11-21T10:00" });
    expect(interviewMutations.saveNotes.invalidates(held, { interviewId: 7, notes: "メモ" })).toEqual([
      interviewKeys.list(4),
      interviewKeys.detail(7),
      interviewKeys.history(7),
    ]);
  });

  it("a capture or a section's save refreshes the sheet, the history and the page", () => {
    const section = aSheet(7)[1]!;
    const expected = [interviewKeys.sheet(7), interviewKeys.history(7), interviewKeys.detail(7)];
    expect(interviewMutations.capture.invalidates(section, { sectionId: section.id, passage: "p" })).toEqual(expected);
    expect(interviewMutations.saveSection.invalidates(section, { sectionId: section.id, text: "t" })).toEqual(expected);
  });

  it("marking held refreshes the page, the lists and the history", () => {
    const held = anInterview({ id: 7, clientId: 4 });
    expect(interviewMutations.markHeld.invalidates(held, 7)).toEqual([
      interviewKeys.detail(7),
      interviewKeys.list(4),
      interviewKeys.history(7),
      clientKeys.list(),
      dashboardKeys.all,
    ]);
  });

  it("keys each interview's parts apart", () => {
    const keys = [interviewKeys.list(7), interviewKeys.detail(7), interviewKeys.sheet(7), interviewKeys.history(7)];
    expect(new Set(keys.map((key) => JSON.stringify(key))).size).toBe(4);
  });
});

describe("questionnaire mutations", () => {
  it("saving refreshes that client's questionnaire for that program only", () => {
    const saved = aQuestionnaire({ clientId: 3, programId: 11 });
    expect(questionnaireMutations.save.invalidates(saved, { ...saved })).toEqual([questionnaireKeys.find(3, 11)]);
    expect(questionnaireKeys.find(3, 11)).not.toEqual(questionnaireKeys.find(3, null));
  });
});
