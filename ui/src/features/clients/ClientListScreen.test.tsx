import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import { aClient, aClientSummary } from "../../test/apiMock";
import type { ApiMock } from "../../test/apiMock";
import { ClientListScreen } from "./ClientListScreen";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

describe("ClientListScreen", () => {
  it("lists clients in the order the shell sorted them (by reading)", async () => {
    mocked.clientList.mockResolvedValue([
      aClientSummary({ id: 2, name: "青木 一郎", nameKana: "あおき いちろう", company: null, department: null }),
      aClientSummary({ id: 1, name: "渡辺 花子", nameKana: "わたなべ はなこ", department: null }),
    ]);
    render(<ClientListScreen onOpenClient={vi.fn()} />);
    await waitFor(() => {
      expect(screen.getAllByTestId("client-row")).toHaveLength(2);
    });
    const rows = screen.getAllByTestId("client-row").map((row) => row.textContent);
    expect(rows).toEqual(["あおき いちろう青木 一郎", "わたなべ はなこ渡辺 花子株式会社サンプル"]);
  });

  it("adds a client inline and opens it", async () => {
    mocked.clientList.mockResolvedValue([]);
    mocked.clientCreate.mockResolvedValue(aClient({ id: 42 }));
    const onOpenClient = vi.fn();
    render(<ClientListScreen onOpenClient={onOpenClient} />);
    const user = userEvent.setup();

    expect(await screen.findByText(/まだ相談者はいません/)).toBeTruthy();
    await user.click(screen.getByTestId("add-client"));
    expect(screen.getByTestId("client-form")).toBeTruthy();
    expect(screen.getByLabelText("ふりがな")).toBe(screen.getByTestId("client-kana"));

    await user.type(screen.getByTestId("client-name"), "山田 花子");
    await user.type(screen.getByTestId("client-kana"), "やまだ はなこ");
    await user.click(screen.getByTestId("client-save"));
    await waitFor(() => {
      expect(onOpenClient).toHaveBeenCalledWith(42);
    });
  });

  it("closes the form on cancel without saving", async () => {
    mocked.clientList.mockResolvedValue([]);
    render(<ClientListScreen onOpenClient={vi.fn()} />);
    const user = userEvent.setup();
    await user.click(screen.getByTestId("add-client"));
    await user.click(screen.getByTestId("client-cancel"));
    expect(screen.queryByTestId("client-form")).toBeNull();
    expect(mocked.clientCreate).not.toHaveBeenCalled();
  });
});
