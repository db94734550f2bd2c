/**
 * The UI's only door to the shell. Every command is unwrapped here: a success returns its
 * data, anything else throws an {@link AppError} whose `code` the screens translate.
 * Components import `api` from this module (tests replace it with `vi.mock`), never
 * `./bindings`, which is regenerated from the Rust types by tauri-specta.
 *
 * `api` is derived from the generated `commands`, so a new Rust command appears here (with
 * its parameter names and doc comment) without an edit to this file.
 */
import { commands } from "./bindings";
import { toAppError } from "./appError";

export type * from "./bindings";
/** The core's limits, generated like the commands, for screens that state or enforce them. */
export { CLIENT_REFERENCE_PREFIX, SEARCH_MAX_HITS, SEARCH_MAX_QUERY_CHARS } from "./bindings";

/**
 * The generated result union, with the error left `unknown`: the bindings type it as
 * `IpcError`, but a framework failure (unknown command, bad arguments) rejects with a
 * plain string, which the generated `typedError` passes through unchanged.
 */
type CommandResult<T> = { status: "ok"; data: T } | { status: "error"; error: unknown };

type GeneratedCommand = (...args: never[]) => Promise<CommandResult<unknown>>;

/**
 * Every command returns `Result<_, IpcError>` on the Rust side, so every generated function
 * resolves with a result union. A command that did not would be unwrapped into `undefined`:
 * this stops the build instead.
 */
commands satisfies Record<string, GeneratedCommand>;

/** What a generated command's result union carries on success. */
type Data<Result> = Result extends { status: "ok"; data: infer T } ? T : never;

/** Each generated command, same name and parameters, resolving with its data. */
type Unwrapped<Generated> = {
  [Name in keyof Generated]: Generated[Name] extends (...args: infer Args) => Promise<infer Result>
    ? (...args: Args) => Promise<Data<Result>>
    : never;
};

function unwrapped<T>(command: (...args: never[]) => Promise<CommandResult<T>>) {
  return async (...args: never[]): Promise<T> => {
    let result: CommandResult<T>;
    try {
      result = await command(...args);
    } catch (thrown) {
      // `typedError` rethrows Error instances, e.g. when no Tauri runtime is present.
      throw toAppError(thrown);
    }
    if (result.status === "error") {
      throw toAppError(result.error);
    }
    return result.data;
  };
}

function unwrapAll<Generated extends Record<string, GeneratedCommand>>(generated: Generated): Unwrapped<Generated> {
  // Object.entries loses the per-command types that `Unwrapped` restates; `unwrapped` keeps
  // each command's arguments as they are, so the restated types hold.
  return Object.fromEntries(
    Object.entries(generated).map(([name, command]) => [name, unwrapped(command)]),
  ) as Unwrapped<Generated>;
}

export const api = unwrapAll(commands);

export type Api = typeof api;
