import en from "../locales/en.json";
import ja from "../locales/ja.json";
import type { ErrorCode, Language } from "../ipc/api";

/** Japanese is the reference shape; English must match it key for key. */
export type Messages = typeof ja;

// Type-level parity: each file must have every key of the other (mutual assignability of
// the JSON types), so a key added to one language only is a compile error.
const enMessages: Messages = en;
const jaMessages: typeof en = ja;

// `errors` is read by the Rust CLI too: exactly one flat string per ErrorCode.
type ErrorMessages = Messages["errors"];
type ErrorKeysAreCodes = [Exclude<keyof ErrorMessages, ErrorCode>] extends [never] ? true : never;
export const errorMessagesMatchCodes: ErrorKeysAreCodes = true;
export const errorMessagesCoverCodes: Record<ErrorCode, string> = ja.errors;

export const DEFAULT_LANGUAGE: Language = "ja";
export const LANGUAGES: readonly Language[] = ["ja", "en"];

export const resources = {
  ja: { translation: jaMessages },
  en: { translation: enMessages },
} as const satisfies Record<Language, { translation: Messages }>;
