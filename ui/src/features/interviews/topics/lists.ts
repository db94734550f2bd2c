import type { IssueCategory, Theme } from "../../../ipc/api";

/** Every member of a union, once: a missing or extra one fails the type check. */
type Whole<Union, List extends readonly Union[]> = [Exclude<Union, List[number]>] extends [never] ? List : never;

const themes = [
  "career_direction",
  "skills",
  "job_content",
  "relationships",
  "boss",
  "placement",
  "evaluation",
  "work_life",
  "health",
  "later_career",
] as const satisfies readonly Theme[];

const issues = [
  "management",
  "communication",
  "workload",
  "evaluation_system",
  "development",
  "career_path",
  "flexible_work",
  "direction",
] as const satisfies readonly IssueCategory[];

/** The themes, in the core's order. */
export const THEMES: Whole<Theme, typeof themes> = themes;
/** The organisational issues, in the core's order. */
export const ISSUES: Whole<IssueCategory, typeof issues> = issues;
