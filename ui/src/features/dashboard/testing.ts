import type {
  Dashboard,
  FollowUpDue,
  OpenFlag,
  OverdueAction,
  RetentionReview,
  UpcomingInterview,
} from "../../ipc/api";

/** Test data for the dashboard; the shared records (client, interview …) are in test/apiMock. */

/** A dashboard drawn on 2026-11-21 with nothing in it, unless given. */
export function aDashboard(overrides: Partial<Dashboard> = {}): Dashboard {
  return {
    today: "2026-11-21",
    interviews: [],
    followUps: [],
    openFlags: [],
    overdueActions: [],
    retentionDue: [],
    ...overrides,
  };
}

export function anUpcomingInterview(overrides: Partial<UpcomingInterview> = {}): UpcomingInterview {
  return {
    interviewId: 7,
    clientId: 3,
    clientName: "山田 花子",
    kind: "initial",
    at: "2026-11-21T10:00",
    held: false,
    ...overrides,
  };
}

export function aFollowUpDue(overrides: Partial<FollowUpDue> = {}): FollowUpDue {
  return { clientId: 3, clientName: "山田 花子", interviewId: 7, dueOn: "2026-11-24", overdue: false, ...overrides };
}

export function anOpenFlag(overrides: Partial<OpenFlag> = {}): OpenFlag {
  return {
    flagId: 21,
    clientId: 3,
    clientName: "山田 花子",
    kind: "mental_health",
    raisedOn: "2026-11-20",
    ...overrides,
  };
}

export function anOverdueAction(overrides: Partial<OverdueAction> = {}): OverdueAction {
  return {
    actionItemId: 51,
    clientId: 3,
    clientName: "山田 花子",
    what: "上司と面談の日程を決める",
    dueOn: "2026-11-14",
    ...overrides,
  };
}

export function aRetentionReview(overrides: Partial<RetentionReview> = {}): RetentionReview {
  return {
    clientId: 5,
    clientName: "古川 一郎",
    lastInterviewOn: "2020-01-10",
    pastSince: "2025-01-10",
    kept: null,
    ...overrides,
  };
}
