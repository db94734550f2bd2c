import type { ActionItem, ProgressNote } from "../../ipc/api";

const CREATED = "2026-11-01T00:00:00Z";

export function anActionItem(overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    id: 41,
    clientId: 3,
    interviewId: 7,
    what: "社内公募の説明会に参加する",
    how: "人事ポータルで日程を確認",
    dueOn: "2099-12-15",
    smart: { specific: true, measurable: true, achievable: true, related: true, timeBound: true },
    smartMissing: [],
    status: "not_started",
    progress: [],
    createdAt: CREATED,
    updatedAt: CREATED,
    ...overrides,
  };
}

export function aProgressNote(overrides: Partial<ProgressNote> = {}): ProgressNote {
  return {
    id: 51,
    actionItemId: 41,
    interviewId: null,
    notedOn: "2026-11-28",
    note: "説明会の日程を確認した",
    status: null,
    createdAt: CREATED,
    ...overrides,
  };
}
