import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import type { ApiMock } from "../../test/apiMock";
import { aClient, aProgram, aProgramSummary } from "../../test/apiMock";
import { renderScreen } from "../../test/render";
import { ClientConsents } from "./ClientConsents";
import { ConsentScreen } from "./ConsentScreen";
import { ShareScreen } from "./ShareScreen";
import { aConsent, aPreview, aSheet } from "./testing";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

describe("ClientConsents", () => {
  it("shows each consent's state at a glance and leads an active one to sharing", async () => {
    mocked.consentList.mockResolvedValue([
      aConsent({ id: 4 }),
      aConsent({ id: 2, state: "revoked", revokedOn: "2026-10-01", parts: ["themes"] }),
    ]);
    const user = userEvent.setup();
    const { navigate } = renderScreen(<ClientConsents clientId={3} />);
    const items = await screen.findAllByTestId("consent-item");
    expect(items.map((item) => within(item).getByTestId("consent-state").textContent)).toEqual(["有効", "撤回"]);
    expect(items[0]?.textContent).toContain("提供先向けの要約・アクションプラン");
    // A revoked consent offers nothing to do.
    expect(within(items[1]!).queryByTestId("share-consent")).toBeNull();
    await user.click(within(items[0]!).getByTestId("share-consent"));
    expect(navigate).toHaveBeenCalledWith({ name: "share", clientId: 3, consentId: 4 });
  });

  it("revokes with a day and a note, and says why a revocation was refused", async () => {
    mocked.consentList.mockResolvedValue([aConsent()]);
    mocked.consentRevoke.mockRejectedValueOnce(new AppError("period_ends_before_start", "early", "revokedOn"));
    mocked.consentRevoke.mockResolvedValueOnce(aConsent({ state: "revoked", revokedOn: "2026-11-22" }));
    const user = userEvent.setup();
    renderScreen(<ClientConsents clientId={3} />);
    await user.click(await screen.findByTestId("revoke-consent"));
    const day = screen.getByTestId("revoked-on");
    await user.clear(day);
    await user.type(day, "2026-11-01");
    await user.click(screen.getByTestId("revoke-save"));
    expect((await screen.findByRole("alert")).dataset.code).toBe("period_ends_before_start");
    expect(day.getAttribute("aria-invalid")).toBe("true");
    await user.clear(day);
    await user.type(day, "2026-11-22");
    await user.type(screen.getByTestId("revocation-note"), "電話で申し出");
    await user.click(screen.getByTestId("revoke-save"));
    await waitFor(() => {
      expect(mocked.consentRevoke).toHaveBeenLastCalledWith(4, { revokedOn: "2026-11-22", note: "電話で申し出" });
    });
    await waitFor(() => {
      expect(screen.queryByTestId("revoke-form")).toBeNull();
    });
  });
});

describe("ConsentScreen", () => {
  it("makes the sheet from the terms, sets it aside when a term changes, and records what was read", async () => {
    mocked.clientGet.mockResolvedValue(aClient({ id: 3, companyId: 1 }));
    mocked.programList.mockResolvedValue([aProgramSummary({ id: 11 })]);
    mocked.flagList.mockResolvedValue([]);
    mocked.consentSheet.mockResolvedValue(aSheet());
    mocked.consentGrant.mockResolvedValue(aConsent());
    const user = userEvent.setup();
    const { navigate } = renderScreen(<ConsentScreen clientId={3} />);
    await screen.findByTestId("consent-program");
    await user.type(screen.getByTestId("consent-recipient-name"), "人事部 山本様");
    await user.click(screen.getByTestId("consent-part-themes"));
    await user.type(screen.getByTestId("consent-purpose"), "配置の検討のため");
    expect(screen.queryByTestId("grant-consent")).toBeNull();
    await user.click(screen.getByTestId("make-consent-sheet"));
    const sheet = await screen.findByTestId("consent-sheet");
    expect(sheet.textContent).toContain("人事担当者：人事部 山本様");
    const input = mocked.consentSheet.mock.calls[0]?.[0];
    expect(input).toMatchObject({
      clientId: 3,
      recipientKind: "hr",
      recipientName: "人事部 山本様",
      programId: 11,
      parts: ["summary", "themes"],
      purpose: "配置の検討のため",
    });
    // A changed term: the sheet no longer stands, and nothing can be recorded until it is remade.
    await user.click(screen.getByTestId("consent-part-summary"));
    expect(screen.queryByTestId("consent-sheet")).toBeNull();
    await user.click(screen.getByTestId("make-consent-sheet"));
    await screen.findByTestId("consent-sheet");
    await user.click(screen.getByTestId("grant-consent"));
    await waitFor(() => {
      expect(mocked.consentGrant).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ parts: ["themes"] }));
    });
    expect(navigate).toHaveBeenCalledWith({ name: "client", clientId: 3 });
  });

  it("offers a supervisor the individual report's parts one by one, and sends no part of another recipient", async () => {
    mocked.clientGet.mockResolvedValue(aClient({ id: 3, companyId: 1 }));
    mocked.programList.mockResolvedValue([aProgramSummary({ id: 11 })]);
    mocked.flagList.mockResolvedValue([]);
    mocked.consentSheet.mockResolvedValue(aSheet());
    const user = userEvent.setup();
    renderScreen(<ConsentScreen clientId={3} />);
    await screen.findByTestId("consent-program");
    await user.click(screen.getByTestId("consent-part-themes"));
    await user.selectOptions(screen.getByTestId("consent-recipient-kind"), "supervisor");
    expect(screen.queryByTestId("consent-part-themes")).toBeNull();
    expect(screen.queryByTestId("consent-part-summary")).toBeNull();
    expect(screen.getByTestId("consent-part-career_awareness").parentElement?.textContent).toContain(
      "キャリア意識上の課題",
    );
    await user.click(screen.getByTestId("consent-part-workplace"));
    await user.type(screen.getByTestId("consent-recipient-name"), "SV 田中様");
    await user.type(screen.getByTestId("consent-purpose"), "スーパービジョンのため");
    await user.click(screen.getByTestId("make-consent-sheet"));
    await screen.findByTestId("consent-sheet");
    expect(mocked.consentSheet.mock.calls.at(-1)?.[0]).toMatchObject({
      recipientKind: "supervisor",
      programId: null,
      parts: ["workplace"],
    });
  });

  it("names the field at fault when the sheet cannot be made, and records nothing", async () => {
    mocked.clientGet.mockResolvedValue(aClient({ id: 3, companyId: 1 }));
    mocked.programList.mockResolvedValue([aProgramSummary({ id: 11 })]);
    mocked.flagList.mockResolvedValue([]);
    mocked.consentSheet.mockRejectedValue(new AppError("required", "required", "recipientName"));
    const user = userEvent.setup();
    renderScreen(<ConsentScreen clientId={3} />);
    await screen.findByTestId("consent-program");
    await user.click(screen.getByTestId("make-consent-sheet"));
    const error = await screen.findByTestId("consent-error");
    expect(error.textContent).toBe("提供先を入力してください。");
    expect(screen.getByTestId("consent-recipient-name").getAttribute("aria-invalid")).toBe("true");
    expect(mocked.consentGrant).not.toHaveBeenCalled();
  });
});

describe("ShareScreen", () => {
  function given() {
    mocked.consentList.mockResolvedValue([aConsent()]);
    mocked.summaryGet.mockResolvedValue({ consentId: 4, text: "前向きに取り組んでいる", updatedAt: "2026-11-21T00:00:00Z" });
    mocked.programGet.mockResolvedValue(
      aProgram({ id: 11, contacts: [{ id: 1, name: "山本", role: null, recipients: ["age1hrkey0000000000000000000"] }] }),
    );
  }

  it("previews field by field and exports to the program's HR keys", async () => {
    given();
    mocked.summaryPreview.mockResolvedValue(aPreview());
    mocked.summaryExport.mockResolvedValue({
      path: "/home/k/Downloads/人事向けサマリー-KZ-3-KZC-4.age",
      bytes: 4096,
      sha256: "ab".repeat(32),
      provisionRecord: 1,
    });
    const user = userEvent.setup();
    renderScreen(<ShareScreen clientId={3} consentId={4} />);
    const preview = await screen.findByTestId("summary-preview");
    expect(within(preview).getByTestId("preview-summary").textContent).toContain("前向きに取り組んでいる");
    expect(within(preview).getByTestId("preview-action_plan").textContent).toContain("社内公募に応募する（2027-01-31） — 実行中");
    expect(within(preview).queryByTestId("preview-workplace")).toBeNull();
    const exportButton = screen.getByTestId("share-export-button");
    // No key is chosen for the consultant: the package must open for the recipient only.
    expect(exportButton).toHaveProperty("disabled", true);
    await user.click(await screen.findByTestId("share-contact-key-0"));
    await waitFor(() => {
      expect(exportButton).toHaveProperty("disabled", false);
    });
    // Typed just now, not yet autosaved: the text on screen is what goes.
    await user.type(screen.getByTestId("share-summary"), "。");
    await user.click(exportButton);
    expect((await screen.findByTestId("share-exported")).textContent).toContain("人事向けサマリー-KZ-3-KZC-4.age");
    expect(mocked.summaryExport).toHaveBeenCalledExactlyOnceWith(
      { consentId: 4, parts: ["summary", "action_plan"], flagIds: [], summary: "前向きに取り組んでいる。" },
      ["age1hrkey0000000000000000000"],
      null,
      false,
    );
    // The form stays usable for another export.
    expect(exportButton).toHaveProperty("disabled", false);
  });

  it("keeps export closed while a part chosen is outside the consent, naming it", async () => {
    given();
    mocked.summaryPreview.mockImplementation((request) =>
      Promise.resolve(
        request.parts.includes("strengths") ? aPreview({ uncoveredParts: ["strengths"] }) : aPreview(),
      ),
    );
    const user = userEvent.setup();
    renderScreen(<ShareScreen clientId={3} consentId={4} />);
    await screen.findByTestId("summary-preview");
    await user.click(screen.getByTestId("share-part-strengths"));
    expect((await screen.findByTestId("share-uncovered")).textContent).toBe(
      "同意の範囲外のため書き出せません：強み・実績",
    );
    expect(screen.getByTestId("share-export-button")).toHaveProperty("disabled", true);
    expect(mocked.summaryExport).not.toHaveBeenCalled();
  });

  it("encrypts to a passphrase typed twice, sends no key with it, and forgets it afterwards", async () => {
    given();
    mocked.summarySave.mockResolvedValue({ consentId: 4, text: "前向きに取り組んでいる", updatedAt: "2026-11-21T00:00:00Z" });
    mocked.summaryPreview.mockResolvedValue(aPreview());
    mocked.summaryExport.mockResolvedValue({ path: "/d/x.age", bytes: 1, sha256: "cd".repeat(32), provisionRecord: 2 });
    const user = userEvent.setup();
    renderScreen(<ShareScreen clientId={3} consentId={4} />);
    await screen.findByTestId("summary-preview");
    await user.click(await screen.findByTestId("share-contact-key-0"));
    await user.click(screen.getByTestId("share-use-passphrase"));
    await user.type(screen.getByTestId("share-passphrase"), "はるのうみひねもすのたり");
    await user.type(screen.getByTestId("share-passphrase-again"), "はるのうみ");
    const exportButton = screen.getByTestId("share-export-button");
    expect(exportButton).toHaveProperty("disabled", true);
    expect(screen.getByTestId("share-passphrase-again").getAttribute("aria-invalid")).toBe("true");
    await user.type(screen.getByTestId("share-passphrase-again"), "ひねもすのたり");
    await user.click(exportButton);
    await screen.findByTestId("share-exported");
    expect(mocked.summaryExport).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ consentId: 4 }),
      [],
      "はるのうみひねもすのたり",
      false,
    );
    expect(screen.getByTestId("share-passphrase")).toHaveProperty("value", "");
    expect(screen.getByTestId("share-passphrase-again")).toHaveProperty("value", "");
  });
});
