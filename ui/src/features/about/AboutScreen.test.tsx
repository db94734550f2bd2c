import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import type { ApiMock } from "../../test/apiMock";
import { renderScreen } from "../../test/render";
import { AboutScreen } from "./AboutScreen";
import licenses from "./licenses.json";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

describe("AboutScreen", () => {
  it("shows the build's version and every shipped dependency with its licence", async () => {
    mocked.appVersion.mockResolvedValueOnce("0.1.0");
    renderScreen(<AboutScreen />);
    await waitFor(() => {
      expect(screen.getByTestId("about-version").textContent).toContain("0.1.0");
    });
    const rust = await screen.findByTestId("about-rust");
    expect(rust.querySelectorAll("tbody tr")).toHaveLength(licenses.rust.length);
    expect(screen.getByTestId("about-npm").querySelectorAll("tbody tr")).toHaveLength(licenses.npm.length);
    // The name dictionary built into the pseudonymiser, with its licence.
    expect(screen.getByTestId("about-data").textContent).toContain("mecab-ipadic");
    // The list is real: tauri and React are in it, each with a licence.
    expect(licenses.rust.some((crate) => crate.name === "tauri" && crate.license !== "unknown")).toBe(true);
    expect(licenses.npm.some((pkg) => pkg.name === "react" && pkg.license === "MIT")).toBe(true);
    expect([...licenses.rust, ...licenses.npm].every((dependency) => dependency.license !== "unknown")).toBe(true);
  });
});
