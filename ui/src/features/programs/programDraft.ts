import type { ContactInput, Program, ProgramInput } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import { optional, optionalParagraph } from "../../shared/text";

/** A contact as typed: recipients are one text, one key per line. */
export interface ContactDraft {
  /** Stable across edits, for React; not sent. */
  uid: number;
  name: string;
  role: string;
  recipients: string;
}

export interface ProgramDraft {
  name: string;
  startsOn: string;
  endsOn: string;
  purpose: string;
  theme: string;
  /** As typed; the core's default (5) when left blank. */
  anonymityK: string;
  /** As typed; blank for no follow-up rule. */
  followUpAfterDays: string;
  contacts: ContactDraft[];
}

let nextUid = 0;

export function emptyContact(): ContactDraft {
  nextUid += 1;
  return { uid: nextUid, name: "", role: "", recipients: "" };
}

export function programDraft(program?: Program): ProgramDraft {
  return {
    name: program?.name ?? "",
    startsOn: program?.startsOn ?? "",
    endsOn: program?.endsOn ?? "",
    purpose: program?.purpose ?? "",
    theme: program?.theme ?? "",
    anonymityK: String(program?.anonymityK ?? 5),
    followUpAfterDays: program?.followUpAfterDays?.toString() ?? "",
    contacts: (program?.contacts ?? []).map((contact) => ({
      ...emptyContact(),
      name: contact.name,
      role: contact.role ?? "",
      recipients: contact.recipients.join("\n"),
    })),
  };
}

function contactInput(contact: ContactDraft): ContactInput {
  return {
    name: contact.name,
    role: optional(contact.role),
    recipients: contact.recipients
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== ""),
  };
}

/** A whole number as typed, or null when blank; anything else never reaches the core. */
function wholeNumber(typed: string, field: "anonymityK" | "followUpAfterDays"): number | null {
  const text = typed.trim();
  if (text !== "" && !/^\d+$/.test(text)) {
    throw new AppError("out_of_range", `${field} must be a whole number`, field);
  }
  return text === "" ? null : Number(text);
}

/**
 * What the core is sent. The only check made here is the one the core cannot make: a
 * number that is not a whole one never reaches it as a number at all.
 */
export function programInput(companyId: number, draft: ProgramDraft): ProgramInput {
  return {
    companyId,
    name: draft.name,
    startsOn: draft.startsOn,
    endsOn: draft.endsOn,
    purpose: optionalParagraph(draft.purpose),
    theme: optionalParagraph(draft.theme),
    anonymityK: wholeNumber(draft.anonymityK, "anonymityK"),
    followUpAfterDays: wholeNumber(draft.followUpAfterDays, "followUpAfterDays"),
    contacts: draft.contacts.map(contactInput),
  };
}
