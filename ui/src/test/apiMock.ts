import { vi } from "vitest";
import type { Mock } from "vitest";
import type { Api, Client, ClientSummary, Session } from "../ipc/api";

export type ApiMock = { [K in keyof Api]: Mock<Api[K]> };

/**
 * A module body for `vi.mock(".../ipc/api", ...)`: every command a bare `vi.fn()`, to be
 * given an answer in each test. Components only ever reach the shell through `api`.
 */
export function apiModuleMock(): { api: ApiMock } {
  return {
    api: {
      vaultStatus: vi.fn(),
      vaultCreate: vi.fn(),
      vaultUnlock: vi.fn(),
      vaultRecover: vi.fn(),
      vaultLock: vi.fn(),
      clientList: vi.fn(),
      clientCreate: vi.fn(),
      clientGet: vi.fn(),
      sessionList: vi.fn(),
      sessionCreate: vi.fn(),
      sessionGet: vi.fn(),
      sessionSaveNotes: vi.fn(),
      preferencesGet: vi.fn(),
      preferencesSetLanguage: vi.fn(),
    },
  };
}

/** A promise the test settles when it chooses (a command still "in flight"). */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export function aSession(overrides: Partial<Session> = {}): Session {
  return {
    id: 7,
    clientId: 3,
    heldOn: "2026-11-21",
    notes: "",
    createdAt: "2026-11-21T05:00:00Z",
    updatedAt: "2026-11-21T05:00:00Z",
    ...overrides,
  };
}

export function aClient(overrides: Partial<Client> = {}): Client {
  return {
    id: 3,
    name: "山田 花子",
    nameKana: "やまだ はなこ",
    company: "株式会社サンプル",
    department: "営業部",
    createdAt: "2026-11-01T00:00:00Z",
    updatedAt: "2026-11-01T00:00:00Z",
    ...overrides,
  };
}

export function aClientSummary(overrides: Partial<ClientSummary> = {}): ClientSummary {
  return {
    id: 3,
    name: "山田 花子",
    nameKana: "やまだ はなこ",
    company: "株式会社サンプル",
    department: "営業部",
    lastSessionOn: null,
    ...overrides,
  };
}
