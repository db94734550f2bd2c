import type { AgeBand, Client, ClientInput, ClientStatus } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import { optional, optionalParagraph } from "../../shared/text";

export const AGE_BANDS: readonly AgeBand[] = ["10s", "20s", "30s", "40s", "50s", "60s"];
export const STATUSES: readonly ClientStatus[] = ["active", "closed"];

/** A client as typed: every control's own value, so that nothing is lost on an error. */
export interface ClientDraft {
  companyId: number | null;
  name: string;
  nameKana: string;
  employeeNumber: string;
  department: string;
  role: string;
  ageBand: AgeBand | "";
  yearsAtCompany: string;
  jobContent: string;
  desiredCareer: string;
  tags: string[];
  /** A tag typed but not yet made a chip: saved too, since it was typed. */
  tagText: string;
  status: ClientStatus;
  programIds: number[];
}

export function clientDraft(client?: Client, companyId: number | null = null): ClientDraft {
  return {
    companyId: client ? client.companyId : companyId,
    name: client?.name ?? "",
    nameKana: client?.nameKana ?? "",
    employeeNumber: client?.employeeNumber ?? "",
    department: client?.department ?? "",
    role: client?.role ?? "",
    ageBand: client?.ageBand ?? "",
    yearsAtCompany: client?.yearsAtCompany == null ? "" : String(client.yearsAtCompany),
    jobContent: client?.jobContent ?? "",
    desiredCareer: client?.desiredCareer ?? "",
    tags: client?.tags ?? [],
    tagText: "",
    status: client?.status ?? "active",
    programIds: client?.programIds ?? [],
  };
}

/** Tags as separated while typing: a comma, a Japanese comma or a full-width comma. */
export const TAG_SEPARATORS = /[,、，]/;

/** The tags with `typed` split and added, blanks and repeats left out. */
export function withTags(tags: readonly string[], typed: string): string[] {
  const added = typed
    .split(TAG_SEPARATORS)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== "");
  return [...new Set([...tags, ...added])];
}

/**
 * What the core is sent. The core validates everything it can; a number of years that is
 * not a whole number cannot even be sent as one, so that one check is made here, with the
 * core's own code and field.
 */
export function clientInput(draft: ClientDraft): ClientInput {
  const years = draft.yearsAtCompany.trim();
  if (years !== "" && !/^\d+$/.test(years)) {
    throw new AppError("out_of_range", "years must be a whole number", "yearsAtCompany");
  }
  return {
    companyId: draft.companyId,
    name: draft.name,
    nameKana: draft.nameKana,
    employeeNumber: optional(draft.employeeNumber),
    department: optional(draft.department),
    role: optional(draft.role),
    ageBand: draft.ageBand === "" ? null : draft.ageBand,
    yearsAtCompany: years === "" ? null : Number(years),
    jobContent: optionalParagraph(draft.jobContent),
    desiredCareer: optionalParagraph(draft.desiredCareer),
    tags: withTags(draft.tags, draft.tagText),
    status: draft.status,
    programIds: draft.programIds,
  };
}
