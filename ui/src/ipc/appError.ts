import type { ErrorCode } from "./api";

/**
 * Every code the shell can send. The UI branches on these and translates them through
 * `errors.<code>` in the locale files, which the Rust CLI reads too.
 */
export const ERROR_CODES = [
  "wrong_passphrase",
  "passphrase_too_short",
  "invalid_recovery_key",
  "wrong_recovery_key",
  "vault_exists",
  "vault_not_found",
  "vault_locked",
  "vault_damaged",
  "empty_name",
  "empty_kana",
  "invalid_kana",
  "text_too_long",
  "invalid_date",
  "client_not_found",
  "session_not_found",
  "storage",
  "internal",
] as const satisfies readonly ErrorCode[];

/** `true` only when ERROR_CODES lists every ErrorCode; otherwise the missing codes. */
type EveryCodeListed<Listed, All> = [Exclude<All, Listed>] extends [never]
  ? true
  : { missing: Exclude<All, Listed> };

/**
 * Does not compile when the generated ErrorCode gains a code that ERROR_CODES (and so the
 * locale coverage test) does not list.
 */
export const errorCodesAreExhaustive: EveryCodeListed<(typeof ERROR_CODES)[number], ErrorCode> = true;

const knownCodes: ReadonlySet<string> = new Set(ERROR_CODES);

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && knownCodes.has(value);
}

/** A failed command, reduced to the code the UI can translate. */
export class AppError extends Error {
  override readonly name = "AppError";
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message?: string) {
    super(message ?? code);
    this.code = code;
  }
}

function isIpcErrorShape(value: unknown): value is { code: unknown; message: unknown } {
  return typeof value === "object" && value !== null && "code" in value && "message" in value;
}

/**
 * Maps anything a command can reject with onto an AppError. The shell's own errors are
 * `{code, message}`; everything else (Tauri's plain-string failures, JS errors, a code this
 * build does not know yet) becomes "internal" so the screen always has a message to show.
 */
export function toAppError(thrown: unknown): AppError {
  if (thrown instanceof AppError) {
    return thrown;
  }
  if (isIpcErrorShape(thrown)) {
    const message = typeof thrown.message === "string" ? thrown.message : undefined;
    return new AppError(isErrorCode(thrown.code) ? thrown.code : "internal", message);
  }
  if (typeof thrown === "string") {
    return new AppError("internal", thrown);
  }
  if (thrown instanceof Error) {
    return new AppError("internal", thrown.message);
  }
  return new AppError("internal");
}
