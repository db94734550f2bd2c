import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import { api } from "./api";
import type { Api, VaultStatus } from "./api";
import { AppError, isErrorCode, toAppError } from "./appError";

// These go through the real bindings and `invoke`, with Tauri's IPC mocked underneath: the
// same path as in the app, minus the Rust side.
afterEach(() => {
  clearMocks();
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (thrown) {
    expect(thrown).toBeInstanceOf(AppError);
    return thrown as AppError;
  }
  throw new Error("expected the command to fail");
}

describe("api facade", () => {
  it("has one function per generated command, each reaching that command", async () => {
    const names = Object.keys(api) as (keyof Api)[];
    expect(names).toContain("vaultStatus");
    const reached: string[] = [];
    mockIPC((cmd) => {
      reached.push(cmd);
      return null;
    });
    for (const name of names) {
      // Arguments do not matter here: the mocked IPC answers whatever it is sent.
      await (api[name] as () => Promise<unknown>)();
    }
    expect(reached).toEqual(names.map((name) => name.replace(/[A-Z]/g, (upper) => `_${upper.toLowerCase()}`)));
  });

  it("keeps each command's parameters and resolves with its data, not the result union", () => {
    expectTypeOf(api.vaultRecover).parameters.toEqualTypeOf<[recoveryKey: string, newPassphrase: string]>();
    expectTypeOf(api.vaultStatus).returns.resolves.toEqualTypeOf<VaultStatus>();
    expectTypeOf(api.vaultLock).returns.resolves.toEqualTypeOf<null>();
  });

  it("returns a command's data and sends its arguments by their camelCase names", async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return cmd === "vault_recover" ? null : { id: 1, clientId: 3, notes: "x" };
    });
    await expect(api.interviewSaveNotes(1, "x")).resolves.toMatchObject({ notes: "x" });
    await expect(api.vaultRecover("RK", "new passphrase")).resolves.toBeNull();
    expect(calls).toEqual([
      ["interview_save_notes", { id: 1, notes: "x" }],
      ["vault_recover", { recoveryKey: "RK", newPassphrase: "new passphrase" }],
    ]);
  });

  it("maps an IpcError {code, message} onto an AppError with that code", async () => {
    mockIPC(() => {
      throw { code: "wrong_passphrase", message: "wrong passphrase" };
    });
    const error = await rejection(api.vaultUnlock("nope"));
    expect(error.code).toBe("wrong_passphrase");
    expect(error.message).toBe("wrong passphrase");
  });

  it("keeps the field an IpcError names", async () => {
    mockIPC(() => {
      throw { code: "required", message: "NameKana is required", field: "nameKana" };
    });
    const error = await rejection(api.clientGet(1));
    expect(error.code).toBe("required");
    expect(error.field).toBe("nameKana");
  });

  it("maps a plain string rejection (a Tauri framework failure) to internal", async () => {
    mockIPC(() => {
      // What Tauri sends when, e.g., the arguments do not deserialize.
      throw "invalid args `id` for command `client_get`: invalid type";
    });
    const error = await rejection(api.clientGet(1));
    expect(error.code).toBe("internal");
  });

  it("maps a code this build does not know to internal", async () => {
    mockIPC(() => {
      throw { code: "some_future_code", message: "?" };
    });
    expect((await rejection(api.clientGet(1))).code).toBe("internal");
  });

  it("maps a JS error (no Tauri runtime at all) to internal", async () => {
    // No mockIPC: `invoke` finds no Tauri internals and throws a TypeError.
    expect((await rejection(api.vaultStatus())).code).toBe("internal");
  });
});

describe("toAppError", () => {
  it("keeps an AppError as it is", () => {
    const original = new AppError("storage");
    expect(toAppError(original)).toBe(original);
  });

  it.each([[null], [undefined], [42], [{ message: "no code" }]])("maps %j to internal", (thrown) => {
    expect(toAppError(thrown).code).toBe("internal");
  });

  it("recognises the error codes and nothing else", () => {
    expect(isErrorCode("vault_locked")).toBe(true);
    expect(isErrorCode("VAULT_LOCKED")).toBe(false);
    expect(isErrorCode(undefined)).toBe(false);
  });
});
