import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import type { Sealing } from "../../ipc/api";
import type { ApiMock } from "../../test/apiMock";
import { renderScreen } from "../../test/render";
import { RecordsScreen } from "./RecordsScreen";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

function provision(id: number, sealedFor: Sealing) {
  return {
    id,
    providedAt: "2026-12-01T01:00:00Z",
    recipientKind: "hr",
    recipientName: "人事部 山本様",
    clientId: 7,
    person: "阿部 真理",
    items: ["summary"],
    consentId: 2,
    consentGrantedOn: "2026-11-20",
    packageSha256: "ab",
    keepUntil: "2029-12-01",
    sealedFor,
  };
}

const HEAD = "4f1c0d9e8b7a69584736251403f2e1d0c9b8a7968574635241302f1e0d9c8b7a";

describe("RecordsScreen", () => {
  beforeEach(() => {
    mocked.auditList.mockResolvedValue([]);
    mocked.provisionList.mockResolvedValue([
      provision(3, { kind: "keys", keys: ["age1xyz"] }),
      provision(2, { kind: "passphrase" }),
    ]);
  });

  it("shows the whole head to note down, and how each package was sealed", async () => {
    mocked.auditVerify.mockResolvedValue({ state: "intact", entries: 12, head: HEAD });
    renderScreen(<RecordsScreen />);
    expect((await screen.findByTestId("audit-head")).textContent).toBe(HEAD);
    expect(screen.getByTestId("audit-verdict").dataset.state).toBe("intact");
    const sealed = within(screen.getByTestId("provision-records"))
      .getAllByTestId("provision-sealed-for")
      .map((cell) => cell.textContent);
    expect(sealed).toEqual(["公開鍵（1件）", "パスフレーズ"]);
  });

  it("names the records that differ from what the log recorded, and offers no head", async () => {
    mocked.auditVerify.mockResolvedValue({ state: "altered", records: ["KZC-2", "KZP-3"] });
    renderScreen(<RecordsScreen />);
    const verdict = await screen.findByTestId("audit-verdict");
    expect(verdict.dataset.state).toBe("altered");
    expect(verdict.textContent).toContain("KZC-2");
    expect(verdict.textContent).toContain("KZP-3");
    expect(screen.queryByTestId("audit-head")).toBeNull();
  });
});
