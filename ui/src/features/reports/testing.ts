import type { Report, ReportDocument, ReportSummary, ReportVersion } from "../../ipc/api";

const CREATED = "2026-11-01T00:00:00Z";

export function aReport(overrides: Partial<Report> = {}): Report {
  return {
    id: 5,
    clientId: 3,
    programId: 11,
    parts: {
      careerAwareness: "【2026-05-01】\n将来像が描けない",
      workplace: "【2026-05-01】\n残業が多い",
      organisational: "",
      proposedSupport: "・社内公募の説明会に参加する（2026-12-25）",
    },
    createdAt: CREATED,
    updatedAt: CREATED,
    ...overrides,
  };
}

export function aReportDocument(overrides: Partial<ReportDocument> = {}): ReportDocument {
  return {
    report: aReport(),
    clientName: "高橋 美咲",
    clientNameKana: "たかはし みさき",
    department: "営業部",
    role: "主任",
    companyName: "株式会社サンプル",
    programName: "2026年度 セルフ・キャリアドック",
    interviews: [{ id: 7, kind: "initial", heldAt: "2026-05-01T10:00" }],
    ...overrides,
  };
}

export function aReportSummary(overrides: Partial<ReportSummary> = {}): ReportSummary {
  return {
    id: 5,
    programId: 11,
    programName: "2026年度 セルフ・キャリアドック",
    updatedAt: CREATED,
    ...overrides,
  };
}

export function aReportVersion(overrides: Partial<ReportVersion> = {}): ReportVersion {
  return {
    id: 21,
    reportId: 5,
    parts: aReport().parts,
    origin: "drafted",
    startedAt: CREATED,
    savedAt: CREATED,
    ...overrides,
  };
}
