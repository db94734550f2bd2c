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

/**
 * What the core is sent. The only check made here is the one the core cannot make: a k
 * that is not a whole number never reaches it as a number at all.
 */
export function programInput(companyId: number, draft: ProgramDraft): ProgramInput {
  const k = draft.anonymityK.trim();
  if (k !== "" && !/^\d+$/.test(k)) {
    throw new AppError("out_of_range", "k must be a whole number", "anonymityK");
  }
  return {
    companyId,
    name: draft.name,
    startsOn: draft.startsOn,
    endsOn: draft.endsOn,
    purpose: optionalParagraph(draft.purpose),
    theme: optionalParagraph(draft.theme),
    anonymityK: k === "" ? null : Number(k),
    contacts: draft.contacts.map(contactInput),
  };
}
