import type { TFunction } from "i18next";
import type { Field } from "../ipc/api";
import type { AppError } from "../ipc/appError";
import ja from "../locales/ja.json";

/** Does not compile while a Field the core can name has no `fields.<field>` label. */
const LABELLED: Record<Field, string> = ja.fields;

/** The field's name in the current language; a word like "the entry" when there is none. */
export function fieldLabel(t: TFunction, field: Field | undefined): string {
  return field !== undefined && Object.hasOwn(LABELLED, field) ? t(`fields.${field}`) : t("fields.generic");
}

/** Whether the last failure names this field (the input then carries aria-invalid). */
export function isFieldAt(error: AppError | null | undefined, ...fields: Field[]): boolean {
  return error?.field !== undefined && fields.includes(error.field);
}

/** Props for an input: marked invalid, for assistive tech and the red border, when at fault. */
export function invalidProps(
  error: AppError | null | undefined,
  ...fields: Field[]
): { "aria-invalid"?: true } {
  return isFieldAt(error, ...fields) ? { "aria-invalid": true } : {};
}
