import { QueryClient } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clientQueries } from "../features/clients/queries";
import { aDashboard, anOpenFlag } from "../features/dashboard/testing";
import { aSearchHit, someClientHits, someSearchResults } from "../features/search/testing";
import { api } from "../ipc/api";
import { AppError } from "../ipc/appError";
import { aClient, aClientSummary, aCompany, aCompanySummary, anInterview, anInterviewSummary } from "../test/apiMock";
import type { ApiMock } from "../test/apiMock";
import { App } from "./App";

vi.mock("../ipc/api", async () => (await import("../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

function start() {
  render(<App />);
  return userEvent.setup();
}

describe("App", () => {
  beforeEach(() => {
    mocked.preferencesGet.mockResolvedValue({ language: "ja" });
    mocked.preferencesSetLanguage.mockImplementation((language) => Promise.resolve({ language }));
    mocked.dashboardHome.mockResolvedValue(aDashboard());
    mocked.retentionYears.mockResolvedValue(5);
    mocked.vaultHealth.mockResolvedValue({ recoveryFile: "intact", directoryOpenToOthers: false });
    mocked.preferencesGet.mockResolvedValue({ language: "ja", autoLockMinutes: 10, calendar: "asia_tokyo" });
    mocked.clientList.mockResolvedValue([]);
    // The client list's filters offer the companies.
    mocked.companyList.mockResolvedValue([]);
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each([
    ["uninitialized", "setup-screen"],
    ["locked", "unlock-screen"],
    ["unlocked", "dashboard-screen"],
    ["damaged", "damaged-screen"],
    ["setup_interrupted", "interrupted-setup-screen"],
  ] as const)("shows the screen for a vault that is %s", async (status, screenId) => {
    mocked.vaultStatus.mockResolvedValue(status);
    start();
    expect(await screen.findByTestId(screenId)).toBeTruthy();
  });

  it("leaves the workspace when the shell locked without it", async () => {
    mocked.vaultStatus.mockResolvedValue("unlocked");
    start();
    await screen.findByTestId("dashboard-screen");
    window.dispatchEvent(new Event("kizuki:locked"));
    expect(await screen.findByTestId("unlock-screen")).toBeTruthy();
    expect(screen.queryByTestId("dashboard-screen")).toBeNull();
  });

  it("offers the recovery key on the damaged screen, and goes back to it from there", async () => {
    mocked.vaultStatus.mockResolvedValue("damaged");
    const user = start();
    await user.click(await screen.findByTestId("damaged-use-recovery-key"));
    expect(await screen.findByTestId("recovery-screen")).toBeTruthy();
    await user.click(screen.getByTestId("recovery-back"));
    expect(await screen.findByTestId("damaged-screen")).toBeTruthy();
  });

  it("starts in the language the shell remembers", async () => {
    mocked.vaultStatus.mockResolvedValue("locked");
    mocked.preferencesGet.mockResolvedValue({ language: "en" });
    start();
    await screen.findByTestId("unlock-screen");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Unlock");
    expect(screen.getByTestId<HTMLSelectElement>("language-select").value).toBe("en");
    expect(document.documentElement.lang).toBe("en");
  });

  it("switches language from the select and asks the shell to remember it", async () => {
    mocked.vaultStatus.mockResolvedValue("uninitialized");
    const user = start();
    await screen.findByTestId("setup-screen");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("保管庫を作成します");

    await user.selectOptions(screen.getByTestId("language-select"), "en");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Create your vault");
    expect(mocked.preferencesSetLanguage).toHaveBeenCalledWith("en");
  });

  it("shows a translated error and a retry when the vault state cannot be read", async () => {
    mocked.vaultStatus.mockRejectedValueOnce(new AppError("internal")).mockResolvedValueOnce("locked");
    const user = start();
    expect((await screen.findByTestId("form-error")).textContent).toContain("予期しないエラー");
    await user.click(screen.getByRole("button", { name: "もう一度試す" }));
    expect(await screen.findByTestId("unlock-screen")).toBeTruthy();
  });

  it("walks from setup through the recovery key to Home", async () => {
    mocked.vaultStatus.mockResolvedValue("uninitialized");
    mocked.vaultCreate.mockResolvedValue({ recoveryKey: "ABCD-EFGH-IJKL-MNOP" });
    const user = start();
    await user.type(await screen.findByTestId("setup-passphrase"), "correct horse battery");
    await user.type(screen.getByTestId("setup-passphrase-confirm"), "correct horse battery");
    await user.click(screen.getByTestId("setup-submit"));

    await screen.findByTestId("recovery-key-screen");
    expect(screen.getByTestId("recovery-key").textContent).toContain("ABCD-EFGH-IJKL-MNOP");
    const continueButton = screen.getByTestId<HTMLButtonElement>("recovery-key-continue");
    expect(continueButton.disabled).toBe(true);
    await user.click(screen.getByTestId("recovery-key-stored"));
    expect(continueButton.disabled).toBe(false);
    await user.click(continueButton);
    expect(await screen.findByTestId("dashboard-screen")).toBeTruthy();
  });

  it("goes to recovery and back from the unlock screen", async () => {
    mocked.vaultStatus.mockResolvedValue("locked");
    const user = start();
    await user.click(await screen.findByTestId("use-recovery-key"));
    expect(screen.getByTestId("recovery-screen")).toBeTruthy();
    await user.click(screen.getByTestId("recovery-back"));
    expect(screen.getByTestId("unlock-screen")).toBeTruthy();
  });

  it("recovers with the key (trimmed) and a new passphrase", async () => {
    mocked.vaultStatus.mockResolvedValue("locked");
    mocked.vaultRecover.mockRejectedValueOnce(new AppError("wrong_recovery_key")).mockResolvedValueOnce(null);
    const user = start();
    await user.click(await screen.findByTestId("use-recovery-key"));
    await user.type(screen.getByTestId("recovery-key-input"), "  ABCD-EFGH  ");
    await user.type(screen.getByTestId("recovery-new-passphrase"), "a new passphrase");
    await user.type(screen.getByTestId("recovery-new-passphrase-confirm"), "a new passphrase");
    await user.click(screen.getByTestId("recovery-submit"));

    expect((await screen.findByTestId("form-error")).textContent).toContain("この復旧キーではロックを解除できません");
    await user.click(screen.getByTestId("recovery-submit"));
    expect(await screen.findByTestId("dashboard-screen")).toBeTruthy();
    expect(mocked.vaultRecover).toHaveBeenLastCalledWith("ABCD-EFGH", "a new passphrase");
  });

  /** Unlocked, on an interview's page reached from the client list, its notes open. */
  async function openInterviewNotes(user: ReturnType<typeof userEvent.setup>) {
    await user.click(await screen.findByTestId("nav-clients"));
    await user.click(await screen.findByTestId("client-row"));
    await user.click(await screen.findByTestId("interview-row"));
    return screen.findByTestId<HTMLTextAreaElement>("note-editor");
  }

  function unlockedWithAnInterview() {
    mocked.vaultStatus.mockResolvedValue("unlocked");
    mocked.clientList.mockResolvedValue([aClientSummary()]);
    mocked.clientGet.mockResolvedValue(aClient());
    mocked.companyGet.mockResolvedValue(aCompany());
    mocked.companyList.mockResolvedValue([aCompanySummary()]);
    mocked.programList.mockResolvedValue([]);
    mocked.flagList.mockResolvedValue([]);
    mocked.actionItemList.mockResolvedValue([]);
    mocked.interviewList.mockResolvedValue([anInterviewSummary()]);
    mocked.interviewGet.mockResolvedValue(anInterview());
    mocked.sheetSections.mockResolvedValue([]);
    mocked.questionnaireFind.mockResolvedValue(null);
    mocked.vaultLock.mockResolvedValue(null);
  }

  it("opens on Home, and the header goes to the clients, the companies and back", async () => {
    mocked.vaultStatus.mockResolvedValue("unlocked");
    mocked.companyList.mockResolvedValue([aCompanySummary()]);
    const user = start();
    expect(await screen.findByTestId("dashboard-screen")).toBeTruthy();
    const current = () =>
      ["nav-home", "nav-clients", "nav-companies"].filter(
        (testId) => screen.getByTestId(testId).getAttribute("aria-current") === "page",
      );
    expect(current()).toEqual(["nav-home"]);

    await user.click(screen.getByTestId("nav-clients"));
    expect(await screen.findByTestId("client-list-screen")).toBeTruthy();
    expect(current()).toEqual(["nav-clients"]);

    await user.click(screen.getByTestId("nav-companies"));
    expect(await screen.findByTestId("companies-screen")).toBeTruthy();
    expect(current()).toEqual(["nav-companies"]);

    // Keyboard: Tab reaches the navigation, Enter follows it.
    screen.getByTestId("nav-companies").focus();
    await user.keyboard("{Shift>}{Tab}{/Shift}");
    expect(document.activeElement).toBe(screen.getByTestId("nav-clients"));
    await user.keyboard("{Enter}");
    expect(await screen.findByTestId("client-list-screen")).toBeTruthy();
    await user.keyboard("{Shift>}{Tab}{/Shift}");
    expect(document.activeElement).toBe(screen.getByTestId("nav-home"));
    await user.keyboard("{Enter}");
    expect(await screen.findByTestId("dashboard-screen")).toBeTruthy();
    expect(current()).toEqual(["nav-home"]);
  });

  it("opens a client from an entry on Home, and Home shows fresh data on return", async () => {
    mocked.vaultStatus.mockResolvedValue("unlocked");
    mocked.dashboardHome.mockResolvedValue(aDashboard({ openFlags: [anOpenFlag({ clientId: 3 })] }));
    mocked.retentionYears.mockResolvedValue(5);
    mocked.vaultHealth.mockResolvedValue({ recoveryFile: "intact", directoryOpenToOthers: false });
    mocked.preferencesGet.mockResolvedValue({ language: "ja", autoLockMinutes: 10, calendar: "asia_tokyo" });
    mocked.clientGet.mockResolvedValue(aClient());
    mocked.companyGet.mockResolvedValue(aCompany());
    mocked.programList.mockResolvedValue([]);
    mocked.flagList.mockResolvedValue([]);
    mocked.actionItemList.mockResolvedValue([]);
    mocked.interviewList.mockResolvedValue([]);
    const user = start();

    await user.click(await screen.findByTestId("dashboard-flag"));
    expect(await screen.findByTestId("client-screen")).toBeTruthy();
    expect(screen.getByTestId("nav-clients").getAttribute("aria-current")).toBe("page");

    mocked.dashboardHome.mockResolvedValue(aDashboard());

    mocked.retentionYears.mockResolvedValue(5);
    mocked.vaultHealth.mockResolvedValue({ recoveryFile: "intact", directoryOpenToOthers: false });
    mocked.preferencesGet.mockResolvedValue({ language: "ja", autoLockMinutes: 10, calendar: "asia_tokyo" });
    await user.click(screen.getByTestId("nav-home"));
    expect(await screen.findByText("対応中の要配慮フラグはありません。")).toBeTruthy();
    expect(mocked.dashboardHome).toHaveBeenCalledTimes(2);
  });

  it("has no navigation and no search box before the unlock", async () => {
    mocked.vaultStatus.mockResolvedValue("locked");
    start();
    await screen.findByTestId("unlock-screen");
    expect(screen.queryByTestId("nav-home")).toBeNull();
    expect(screen.queryByTestId("nav-clients")).toBeNull();
    expect(screen.queryByTestId("search-input")).toBeNull();
  });

  it("searches from the header on any page, and opens a hit's interview in one click", async () => {
    unlockedWithAnInterview();
    mocked.searchRecords.mockResolvedValue(someSearchResults([someClientHits({ hits: [aSearchHit()] })]));
    const user = start();
    await user.click(await screen.findByTestId("nav-clients"));
    await screen.findByTestId("client-list-screen");

    await user.type(screen.getByTestId("search-input"), "上司{Enter}");
    expect(await screen.findByTestId("search-screen")).toBeTruthy();
    expect(mocked.searchRecords).toHaveBeenCalledExactlyOnceWith("上司");
    // Search results belong to no place of the navigation.
    const navItems = ["nav-home", "nav-clients", "nav-companies"].map((testId) => screen.getByTestId(testId));
    expect(navItems.map((item) => item.getAttribute("aria-current"))).toEqual([null, null, null]);

    await user.click(await screen.findByTestId("search-hit"));
    expect(await screen.findByTestId("interview-screen")).toBeTruthy();
    expect(screen.getByTestId<HTMLInputElement>("search-input").value).toBe("上司");
  });

  it("keeps the query in the box when the core cannot search it", async () => {
    mocked.vaultStatus.mockResolvedValue("unlocked");
    mocked.searchRecords.mockRejectedValue(new AppError("query_has_no_words", undefined, "query"));
    const user = start();
    await screen.findByTestId("dashboard-screen");
    await user.keyboard("{Control>}k{/Control}");
    expect(document.activeElement).toBe(screen.getByTestId("search-input"));
    await user.keyboard("！？{Enter}");

    expect((await screen.findByTestId("search-error")).dataset.code).toBe("query_has_no_words");
    expect(screen.getByTestId<HTMLInputElement>("search-input").value).toBe("！？");
  });

  it("saves the open note before showing search results", async () => {
    unlockedWithAnInterview();
    mocked.interviewSaveNotes.mockImplementation((_id, notes) => Promise.resolve(anInterview({ notes })));
    mocked.searchRecords.mockResolvedValue(someSearchResults());
    const user = start();
    await user.type(await openInterviewNotes(user), "上司との関係");
    await user.type(screen.getByTestId("search-input"), "上司{Enter}");

    expect(await screen.findByTestId("search-none")).toBeTruthy();
    expect(mocked.interviewSaveNotes).toHaveBeenCalledWith(7, "上司との関係");
    const saveOrder = mocked.interviewSaveNotes.mock.invocationCallOrder[0] ?? Infinity;
    const searchOrder = mocked.searchRecords.mock.invocationCallOrder[0] ?? -Infinity;
    expect(saveOrder).toBeLessThan(searchOrder);
  });

  it("locks, and saves the open note before locking", async () => {
    unlockedWithAnInterview();
    mocked.interviewSaveNotes.mockImplementation((_id, notes) => Promise.resolve(anInterview({ notes })));

    const user = start();
    // Typed within the autosave delay: stored (on blur or by the lock) before the vault locks.
    await user.type(await openInterviewNotes(user), "相談内容");
    await user.click(screen.getByTestId("lock-button"));

    expect(await screen.findByTestId("unlock-screen")).toBeTruthy();
    expect(mocked.interviewSaveNotes).toHaveBeenCalledWith(7, "相談内容");
    const saveOrder = mocked.interviewSaveNotes.mock.invocationCallOrder[0] ?? Infinity;
    const lockOrder = mocked.vaultLock.mock.invocationCallOrder[0] ?? -Infinity;
    expect(saveOrder).toBeLessThan(lockOrder);
  });

  it("warns instead of locking when the open note cannot be saved, and locks when asked again", async () => {
    unlockedWithAnInterview();
    mocked.interviewSaveNotes.mockRejectedValue(new AppError("storage"));

    const user = start();
    await user.type(await openInterviewNotes(user), "メモ");
    await user.click(screen.getByTestId("lock-button"));

    expect(await screen.findByTestId("lock-warning")).toBeTruthy();
    expect(mocked.vaultLock).not.toHaveBeenCalled();
    expect(screen.getByTestId<HTMLTextAreaElement>("note-editor").value).toBe("メモ");

    await user.click(screen.getByTestId("lock-button"));
    await waitFor(() => {
      expect(mocked.vaultLock).toHaveBeenCalledTimes(1);
    });
    expect(await screen.findByTestId("unlock-screen")).toBeTruthy();
  });

  it("empties the cache of client data when the vault locks", async () => {
    // The workspace creates its own client; these catch it as it mounts and when it clears.
    const mount = vi.spyOn(QueryClient.prototype, "mount");
    const clear = vi.spyOn(QueryClient.prototype, "clear");
    mocked.vaultStatus.mockResolvedValue("unlocked");
    mocked.clientList.mockResolvedValue([aClientSummary()]);
    mocked.vaultLock.mockResolvedValue(null);

    const user = start();
    await user.click(await screen.findByTestId("nav-clients"));
    await screen.findByTestId("client-row");
    const queryClient = mount.mock.contexts[0] as QueryClient;
    expect(queryClient.getQueryData(clientQueries.list().queryKey)).toEqual([aClientSummary()]);

    await user.click(screen.getByTestId("lock-button"));
    expect(await screen.findByTestId("unlock-screen")).toBeTruthy();
    expect(clear).toHaveBeenCalledTimes(1);
    expect(queryClient.getQueryCache().getAll()).toEqual([]);
    expect(queryClient.getMutationCache().getAll()).toEqual([]);
  });

  it("leaves a page from the header only once the open note is saved", async () => {
    unlockedWithAnInterview();
    mocked.interviewSaveNotes.mockRejectedValue(new AppError("storage"));

    const user = start();
    await user.type(await openInterviewNotes(user), "面談メモ");

    // The save on the way out fails: the page and the text stay.
    await user.click(screen.getByTestId("nav-clients"));
    await waitFor(() => {
      expect(screen.getByTestId("save-status").dataset.state).toBe("error");
    });
    expect(screen.getByTestId("interview-screen")).toBeTruthy();
    expect(screen.getByTestId<HTMLTextAreaElement>("note-editor").value).toBe("面談メモ");

    mocked.interviewSaveNotes.mockImplementation((_id, notes) => Promise.resolve(anInterview({ notes })));
    await user.click(screen.getByTestId("nav-clients"));
    expect(await screen.findByTestId("client-list-screen")).toBeTruthy();
    expect(mocked.interviewSaveNotes).toHaveBeenLastCalledWith(7, "面談メモ");
  });
});
