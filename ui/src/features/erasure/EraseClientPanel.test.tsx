import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import { aClient } from "../../test/apiMock";
import type { ApiMock } from "../../test/apiMock";
import { renderScreen } from "../../test/render";
import { EraseClientPanel } from "./EraseClientPanel";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

describe("EraseClientPanel", () => {
  it("erases only after the name is typed, then leaves the page and forgets every cached record", async () => {
    mocked.clientErase.mockResolvedValue({ logEmptied: true });
    const user = userEvent.setup();
    const { navigate, queryClient } = renderScreen(<EraseClientPanel client={aClient({ id: 3, name: "山田 太郎" })} />);
    queryClient.setQueryData(["search", "上司"], { groups: [], truncated: false });
    expect(screen.queryByTestId("erase-form")).toBeNull();
    await user.click(screen.getByTestId("erase-start"));
    expect(screen.getByText("確認のため、相談者の氏名「山田 太郎」を入力してください。")).toBeTruthy();
    await user.type(screen.getByTestId("erase-confirmation"), "山田 太郎");
    await user.click(screen.getByTestId("erase-confirm"));
    await waitFor(() => {
      expect(navigate).toHaveBeenCalledWith({ name: "clients" });
    });
    expect(mocked.clientErase).toHaveBeenCalledExactlyOnceWith({ clientId: 3, confirmation: "山田 太郎" });
    await waitFor(() => {
      expect(queryClient.getQueryData(["search", "上司"])).toBeUndefined();
    });
  });

  it("says the name does not match, keeps what was typed and stays on the page", async () => {
    mocked.clientErase.mockRejectedValue(new AppError("erasure_not_confirmed", "no match", "confirmation"));
    const user = userEvent.setup();
    const { navigate } = renderScreen(<EraseClientPanel client={aClient({ id: 3, name: "山田 太郎" })} />);
    await user.click(screen.getByTestId("erase-start"));
    await user.type(screen.getByTestId("erase-confirmation"), "山田");
    await user.click(screen.getByTestId("erase-confirm"));
    expect((await screen.findByTestId("erase-error")).textContent).toContain("入力された氏名が一致しません");
    expect(screen.getByTestId<HTMLInputElement>("erase-confirmation").value).toBe("山田");
    expect(screen.getByTestId("erase-confirmation").getAttribute("aria-invalid")).toBe("true");
    expect(navigate).not.toHaveBeenCalled();
  });
});
