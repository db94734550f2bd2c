import { QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { vi } from "vitest";
import type { Mock } from "vitest";
import { NavigateContext } from "../app/navigation";
import type { Navigate } from "../app/navigation";
import { createQueryClient } from "../app/queryClient";

/**
 * Renders a screen the way the workspace hosts it: with its own cache (configured as the
 * app's) and a navigate that only records where the screen asked to go.
 */
export function renderScreen(ui: ReactNode) {
  const queryClient = createQueryClient();
  const navigate: Mock<Navigate> = vi.fn<Navigate>(() => Promise.resolve(true));
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <NavigateContext value={navigate}>{children}</NavigateContext>
    </QueryClientProvider>
  );
  return { ...render(ui, { wrapper }), queryClient, navigate };
}
