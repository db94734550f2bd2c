import type { ErrorCode, Field } from "./api";
// The codes are a value, and the facade re-exports only the generated types; reading the
// constant from the generated file keeps the core's `error_codes!` the one list.
// eslint-disable-next-line no-restricted-imports
import { ERROR_CODES as GENERATED_CODES } from "./bindings";

/**
 * Every code the shell can send, generated from the core's one list. The UI branches on
 * these and translates them through `errors.<code>` in the locale files, which the Rust CLI
 * reads too.
 */
export const ERROR_CODES: readonly ErrorCode[] = GENERATED_CODES;

/** `true` only when the constant lists every ErrorCode; otherwise the missing codes. */
type EveryCodeListed<Listed, All> = [Exclude<All, Listed>] extends [never]
  ? true
  : { missing: Exclude<All, Listed> };

/**
 * Both come from the same Rust macro; should the generator ever drift (a code in the type
 * but not in the constant), the locale coverage test would silently skip it: stop the build.
 */
export const errorCodesAreExhaustive: EveryCodeListed<(typeof GENERATED_CODES)[number], ErrorCode> = true;

const knownCodes: ReadonlySet<string> = new Set(ERROR_CODES);

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && knownCodes.has(value);
}

/** A failed command, reduced to what the UI can translate and point at. */
export class AppError extends Error {
  override readonly name = "AppError";
  readonly code: ErrorCode;
  /** The field at fault, when the core names one: the form marks that input. */
  readonly field: Field | undefined;

  constructor(code: ErrorCode, message?: string, field?: Field | null) {
    super(message ?? code);
    this.code = code;
    this.field = field ?? undefined;
  }
}

function isIpcErrorShape(value: unknown): value is { code: unknown; message: unknown; field?: unknown } {
  return typeof value === "object" && value !== null && "code" in value && "message" in value;
}

/**
 * Maps anything a command can reject with onto an AppError. The shell's own errors are
 * `{code, message, field}`; everything else (Tauri's plain-string failures, JS errors, a
 * code this build does not know yet) becomes "internal" so the screen always has a message
 * to show. A field is taken as the shell typed it: one this build has no label for falls
 * back to a generic word where it is shown (`fieldLabel`).
 */
export function toAppError(thrown: unknown): AppError {
  if (thrown instanceof AppError) {
    return thrown;
  }
  if (isIpcErrorShape(thrown)) {
    const message = typeof thrown.message === "string" ? thrown.message : undefined;
    if (!isErrorCode(thrown.code)) {
      return new AppError("internal", message);
    }
    const field = typeof thrown.field === "string" ? (thrown.field as Field) : undefined;
    return new AppError(thrown.code, message, field);
  }
  if (typeof thrown === "string") {
    return new AppError("internal", thrown);
  }
  if (thrown instanceof Error) {
    return new AppError("internal", thrown.message);
  }
  return new AppError("internal");
}
