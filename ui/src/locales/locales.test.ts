import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../ipc/appError";
import en from "./en.json";
import ja from "./ja.json";

/** Every leaf as a dotted path: `clients.name`, `errors.storage`, … */
function leafKeys(messages: object, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]: [string, unknown]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === "object" && value !== null ? leafKeys(value, path) : [path];
  });
}

function leafValues(messages: object): unknown[] {
  return Object.values(messages).flatMap((value: unknown) =>
    typeof value === "object" && value !== null ? leafValues(value) : [value],
  );
}

describe.each([
  ["ja", ja],
  ["en", en],
] as const)("locales/%s.json", (_language, messages) => {
  it("has only non-empty strings as messages", () => {
    for (const value of leafValues(messages)) {
      expect(typeof value).toBe("string");
      expect(String(value).trim()).not.toBe("");
    }
  });

  it("has an `errors` object whose keys are exactly the error codes", () => {
    expect(Object.keys(messages.errors).sort()).toEqual([...ERROR_CODES].sort());
  });

  it("has a flat string for each error, naming at most the field (the Rust CLI reads them too)", () => {
    for (const code of ERROR_CODES) {
      const message: unknown = messages.errors[code];
      expect(typeof message, code).toBe("string");
      // FormError and the CLI fill in only {{field}}, from `fields.<field>`.
      const withoutField = String(message).replaceAll("{{field}}", "");
      expect(withoutField, code).not.toMatch(/\{\{|\}\}|\$t\(/);
    }
  });

  it("names every field the core can report, and a generic word for the rest", () => {
    expect(Object.keys(messages.fields)).toContain("generic");
    expect(Object.keys(messages.fields).sort()).toEqual(Object.keys(ja.fields).sort());
  });
});

describe("locale parity", () => {
  it("gives ja and en the same keys", () => {
    expect(leafKeys(en).sort()).toEqual(leafKeys(ja).sort());
  });

  it("lists each error code once", () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it("really translates the errors (no English left in ja, no Japanese in en)", () => {
    const japanese = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
    for (const code of ERROR_CODES) {
      expect(ja.errors[code], code).toMatch(japanese);
      expect(en.errors[code], code).not.toMatch(japanese);
    }
  });
});
