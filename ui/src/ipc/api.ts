/**
 * The UI's only door to the shell. Every command is unwrapped here: a success returns its
 * data, anything else throws an {@link AppError} whose `code` the screens translate.
 * Components import `api` from this module (tests replace it with `vi.mock`), never
 * `./bindings`, which is regenerated from the Rust types by tauri-specta.
 */
import { commands } from "./bindings";
import { toAppError } from "./appError";
import type { Language, NewClient, NewSession } from "./bindings";

export type {
  Client,
  ClientSummary,
  ErrorCode,
  Language,
  NewClient,
  NewSession,
  Preferences,
  RecoveryKeyText,
  Session,
  SessionSummary,
  VaultStatus,
} from "./bindings";

/**
 * The generated result union, with the error left `unknown`: the bindings type it as
 * `IpcError`, but a framework failure (unknown command, bad arguments) rejects with a
 * plain string, which the generated `typedError` passes through unchanged.
 */
type CommandResult<T> = { status: "ok"; data: T } | { status: "error"; error: unknown };

async function call<T>(command: () => Promise<CommandResult<T>>): Promise<T> {
  let result: CommandResult<T>;
  try {
    result = await command();
  } catch (thrown) {
    // `typedError` rethrows Error instances, e.g. when no Tauri runtime is present.
    throw toAppError(thrown);
  }
  if (result.status === "error") {
    throw toAppError(result.error);
  }
  return result.data;
}

export const api = {
  vaultStatus: () => call(() => commands.vaultStatus()),
  /** Creates the vault and leaves it unlocked; the recovery key is shown once. */
  vaultCreate: (passphrase: string) => call(() => commands.vaultCreate(passphrase)),
  vaultUnlock: (passphrase: string) => call(() => commands.vaultUnlock(passphrase)),
  /** Unlocks with the recovery key and sets a new passphrase. */
  vaultRecover: (recoveryKey: string, newPassphrase: string) =>
    call(() => commands.vaultRecover(recoveryKey, newPassphrase)),
  vaultLock: () => call(() => commands.vaultLock()),

  /** Already sorted by reading (furigana). */
  clientList: () => call(() => commands.clientList()),
  clientCreate: (client: NewClient) => call(() => commands.clientCreate(client)),
  clientGet: (id: number) => call(() => commands.clientGet(id)),

  /** Newest first. */
  sessionList: (clientId: number) => call(() => commands.sessionList(clientId)),
  sessionCreate: (session: NewSession) => call(() => commands.sessionCreate(session)),
  sessionGet: (id: number) => call(() => commands.sessionGet(id)),
  sessionSaveNotes: (id: number, notes: string) => call(() => commands.sessionSaveNotes(id, notes)),

  preferencesGet: () => call(() => commands.preferencesGet()),
  preferencesSetLanguage: (language: Language) => call(() => commands.preferencesSetLanguage(language)),
} as const;

export type Api = typeof api;
