import type { Consent, ConsentSheet, SummaryPreview } from "../../ipc/api";

export function aConsent(overrides: Partial<Consent> = {}): Consent {
  return {
    id: 4,
    clientId: 3,
    recipientKind: "hr",
    recipientName: "人事部 山本様",
    programId: 11,
    parts: ["summary", "action_plan"],
    flagIds: [],
    purpose: "配置の検討のため",
    grantedOn: "2026-11-20",
    obtainedBy: "written",
    obtainedNote: null,
    expiresOn: null,
    revokedOn: null,
    revocationNote: null,
    createdAt: "2026-11-20T00:00:00Z",
    state: "active",
    ...overrides,
  };
}

export function aSheet(): ConsentSheet {
  return {
    language: "ja",
    title: "情報提供についての説明・同意書",
    sections: [
      { heading: "提供先", lines: ["人事担当者：人事部 山本様"] },
      { heading: "提供する内容（これ以外は提供しません）", lines: ["面談のテーマ"] },
    ],
    signature: ["相談者署名："],
  };
}

export function aPreview(overrides: Partial<SummaryPreview> = {}): SummaryPreview {
  return {
    document: {
      format: "kizuki-hr-summary",
      version: 1,
      client: { reference: "KZ-3", name: "高橋 美咲", department: "営業部" },
      program: "2026年度 セルフ・キャリアドック",
      consent: {
        reference: "KZC-4",
        recipientKind: "hr",
        recipientName: "人事部 山本様",
        purpose: "配置の検討のため",
        grantedOn: "2026-11-20",
        expiresOn: null,
      },
      parts: ["summary", "action_plan"],
      summary: "前向きに取り組んでいる",
      actionPlan: [{ what: "社内公募に応募する", how: null, dueOn: "2027-01-31", status: "in_progress" }],
      flags: [],
    },
    consentState: "active",
    uncoveredParts: [],
    uncoveredFlags: [],
    ...overrides,
  };
}
