import { vi } from "vitest";
import type { Mock } from "vitest";
import type {
  Api,
  Client,
  ClientSummary,
  Company,
  CompanySummary,
  Flag,
  Interview,
  InterviewSummary,
  Program,
  ProgramSummary,
  TemplateSection,
} from "../ipc/api";

export type ApiMock = { [K in keyof Api]: Mock<Api[K]> };

/**
 * A module body for `vi.mock(".../ipc/api", ...)`: every command of the real façade a bare
 * `vi.fn()`, to be given an answer in each test. Components only ever reach the shell
 * through `api`, and the commands are listed once, in the generated bindings.
 */
export async function apiModuleMock(): Promise<Record<string, unknown> & { api: ApiMock }> {
  const actual = await vi.importActual<Record<string, unknown> & { api: Api }>("../ipc/api");
  const names = Object.keys(actual.api) as (keyof Api)[];
  // The module's constants (the core's limits) stay as they are; only the commands are mocked.
  return { ...actual, api: Object.fromEntries(names.map((name) => [name, vi.fn()])) as ApiMock };
}

/** A promise the test settles when it chooses (a command still "in flight"). */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const CREATED = "2026-11-01T00:00:00Z";

export function aCompany(overrides: Partial<Company> = {}): Company {
  return { id: 1, name: "株式会社サンプル", createdAt: CREATED, updatedAt: CREATED, ...overrides };
}

export function aCompanySummary(
  company: Partial<Company> = {},
  counts: Partial<Omit<CompanySummary, "company">> = {},
): CompanySummary {
  return { company: aCompany(company), programCount: 1, clientCount: 4, ...counts };
}

export function aProgram(overrides: Partial<Program> = {}): Program {
  return {
    id: 11,
    companyId: 1,
    name: "2026年度 セルフ・キャリアドック",
    startsOn: "2026-04-01",
    endsOn: "2027-03-31",
    purpose: null,
    theme: null,
    anonymityK: 5,
    followUpAfterDays: null,
    contacts: [],
    createdAt: CREATED,
    updatedAt: CREATED,
    ...overrides,
  };
}

export function aProgramSummary(overrides: Partial<ProgramSummary> = {}): ProgramSummary {
  return {
    id: 11,
    companyId: 1,
    name: "2026年度 セルフ・キャリアドック",
    startsOn: "2026-04-01",
    endsOn: "2027-03-31",
    clientCount: 3,
    ...overrides,
  };
}

/** The seeds' seven built-in sections, as a new program's template holds them. */
export function aDefaultTemplate(): TemplateSection[] {
  const keys = ["current_work", "vision", "strengths", "values", "career_issues", "workplace", "organisational_issues"];
  return keys.map((key, index) => ({ id: 100 + index, key, title: null, position: index + 1, retired: false }));
}

export function aClient(overrides: Partial<Client> = {}): Client {
  return {
    id: 3,
    companyId: 1,
    name: "山田 花子",
    nameKana: "やまだ はなこ",
    employeeNumber: null,
    department: "営業部",
    role: null,
    ageBand: null,
    yearsAtCompany: null,
    jobContent: null,
    desiredCareer: null,
    tags: [],
    status: "active",
    programIds: [],
    createdAt: CREATED,
    updatedAt: CREATED,
    ...overrides,
  };
}

export function aClientSummary(overrides: Partial<ClientSummary> = {}): ClientSummary {
  return {
    id: 3,
    name: "山田 花子",
    nameKana: "やまだ はなこ",
    companyId: 1,
    companyName: "株式会社サンプル",
    department: "営業部",
    status: "active",
    tags: [],
    openFlagCount: 0,
    lastInterviewAt: null,
    ...overrides,
  };
}

export function aFlag(overrides: Partial<Flag> = {}): Flag {
  return {
    id: 21,
    clientId: 3,
    interviewId: null,
    kind: "mental_health",
    note: "睡眠が取れていない様子",
    referredTo: null,
    raisedOn: "2026-11-20",
    handledOn: null,
    createdAt: CREATED,
    updatedAt: CREATED,
    ...overrides,
  };
}

export function anInterview(overrides: Partial<Interview> = {}): Interview {
  return {
    id: 7,
    clientId: 3,
    programId: null,
    kind: "initial",
    scheduledAt: null,
    heldAt: "2026-11-21T10:00",
    durationMinutes: null,
    place: null,
    purpose: null,
    theme: null,
    followUpDueOn: null,
    notes: "",
    createdAt: CREATED,
    updatedAt: CREATED,
    ...overrides,
  };
}

export function anInterviewSummary(overrides: Partial<InterviewSummary> = {}): InterviewSummary {
  return {
    id: 7,
    clientId: 3,
    kind: "initial",
    scheduledAt: null,
    heldAt: "2026-11-21T10:00",
    notesPreview: "",
    updatedAt: CREATED,
    ...overrides,
  };
}
