import { describe, expect, it } from "vitest";
import { AppError, ERROR_CODES, isErrorCode, toAppError } from "./appError";

describe("AppError", () => {
  it("keeps the field the shell names", () => {
    const error = toAppError({ code: "required", message: "NameKana is required", field: "nameKana" });
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("required");
    expect(error.field).toBe("nameKana");
    expect(error.message).toBe("NameKana is required");
  });

  it("has no field when the shell names none", () => {
    expect(toAppError({ code: "storage", message: "database error", field: null }).field).toBeUndefined();
    expect(toAppError({ code: "vault_locked", message: "the vault is locked" }).field).toBeUndefined();
  });

  it("drops the field along with a code this build does not know", () => {
    const error = toAppError({ code: "some_future_code", message: "?", field: "name" });
    expect(error.code).toBe("internal");
    expect(error.field).toBeUndefined();
  });

  it("knows exactly the generated codes", () => {
    expect(ERROR_CODES).toContain("required");
    expect(ERROR_CODES).toContain("invalid_recipient");
    expect(ERROR_CODES.every(isErrorCode)).toBe(true);
    expect(isErrorCode("empty_name")).toBe(false);
  });
});
