import { QueryClient } from "@tanstack/react-query";
import { toAppError } from "../ipc/appError";
import type { AppError } from "../ipc/appError";
import type { ErrorCode } from "../ipc/api";

declare module "@tanstack/react-query" {
  interface Register {
    // Every query and mutation function goes through `api`, which throws only AppError.
    defaultError: AppError;
  }
}

/** Failures that can clear up on their own (the database was busy); the rest would repeat. */
const TRANSIENT_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(["storage"]);

/** One more try for a transient failure; a missing client or a locked vault stays an error. */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  return failureCount < 1 && TRANSIENT_CODES.has(toAppError(error).code);
}

/**
 * The workspace's cache of what the shell returned. It lives in memory only (no persister:
 * client data must never reach the webview's disk stores), is created behind the unlock and
 * cleared when the vault locks.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The shell is in the same process, not across a network: being offline must not
        // pause anything, and focus or reconnection says nothing about the data.
        networkMode: "always",
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        retry: shouldRetryQuery,
        retryDelay: 200,
      },
      mutations: {
        networkMode: "always",
        // A write is sent once; the form shows the failure and the person decides.
        retry: false,
      },
    },
  });
}
