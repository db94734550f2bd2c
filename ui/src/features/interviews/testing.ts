import type { Amendment, Interview, Questionnaire, SheetSection } from "../../ipc/api";
import { aClient, anInterview, aProgram } from "../../test/apiMock";
import type { ApiMock } from "../../test/apiMock";

/** Test data for the interview pages; the shared records (client, interview …) are in test/apiMock. */

const KEYS = ["current_work", "vision", "strengths", "values", "career_issues", "workplace", "organisational_issues"];

/** A new interview's sheet: the seeds' seven sections, empty, ids 201…207. */
export function aSheet(interviewId = 7, texts: Partial<Record<number, string>> = {}): SheetSection[] {
  return KEYS.map((key, index) => ({
    id: 201 + index,
    interviewId,
    key,
    title: null,
    position: index + 1,
    text: texts[index + 1] ?? "",
    updatedAt: "2026-11-21T05:00:00Z",
  }));
}

export function anAmendment(overrides: Partial<Amendment> = {}): Amendment {
  return {
    id: 31,
    interviewId: 7,
    sheetSectionId: null,
    before: "",
    after: "",
    startedAt: "2026-11-21T06:00:00Z",
    changedAt: "2026-11-21T06:00:00Z",
    ...overrides,
  };
}

export function aQuestionnaire(overrides: Partial<Questionnaire> = {}): Questionnaire {
  return {
    id: 41,
    clientId: 3,
    programId: null,
    skills: "",
    qualifications: "",
    incomeAndRole: "",
    privateLife: "",
    createdAt: "2026-11-20T00:00:00Z",
    updatedAt: "2026-11-20T00:00:00Z",
    ...overrides,
  };
}

/** Answers for every command the interview page calls, as for a scheduled first interview. */
export function answerInterviewPage(mocked: ApiMock, interview: Partial<Interview> = {}): Interview {
  const opened = anInterview({
    heldAt: null,
    scheduledAt: "2026-11-21T10:00",
    notes: "営業10年目\n転職を考えている",
    createdAt: "2026-11-20T00:30:00Z",
    updatedAt: "2026-11-21T01:15:00Z",
    ...interview,
  });
  mocked.interviewGet.mockResolvedValue(opened);
  mocked.sheetSections.mockResolvedValue(aSheet(opened.id));
  mocked.clientGet.mockResolvedValue(aClient());
  mocked.programGet.mockImplementation((id) => Promise.resolve(aProgram({ id })));
  mocked.questionnaireFind.mockResolvedValue(null);
  mocked.flagList.mockResolvedValue([]);
  mocked.actionItemList.mockResolvedValue([]);
  mocked.interviewHistory.mockResolvedValue([]);
  mocked.interviewSaveNotes.mockImplementation((id, notes) =>
    Promise.resolve({ ...opened, id, notes, updatedAt: "2026-11-21T05:05:00Z" }),
  );
  mocked.sheetSaveSection.mockImplementation((id, text) =>
    Promise.resolve({ ...sectionOf(opened.id, id), text, updatedAt: "2026-11-21T05:05:00Z" }),
  );
  return opened;
}

function sectionOf(interviewId: number, sectionId: number): SheetSection {
  const section = aSheet(interviewId).find((candidate) => candidate.id === sectionId);
  if (!section) {
    throw new Error(`no section ${String(sectionId)} in the test sheet`);
  }
  return section;
}
