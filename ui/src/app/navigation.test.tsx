import { act, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, expectTypeOf, it } from "vitest";
import { deferred } from "../test/apiMock";
import { PendingSavesProvider, usePendingSaves } from "../shared/pendingSaves";
import { useRouter } from "./navigation";
import type { Route } from "./routes";

function wrapper({ children }: { children: ReactNode }) {
  return <PendingSavesProvider>{children}</PendingSavesProvider>;
}

/** A router, and a way to stand in for an open note that has something to save. */
function renderRouter() {
  return renderHook(
    () => ({ ...useRouter({ name: "clients" }), register: usePendingSaves().register }),
    { wrapper },
  );
}

describe("useRouter", () => {
  it("saves what is open first, and only then shows the next page", async () => {
    const { result } = renderRouter();
    const save = deferred<boolean>();
    act(() => {
      result.current.register(() => save.promise);
    });

    let moved!: Promise<boolean>;
    act(() => {
      moved = result.current.navigate({ name: "client", clientId: 3 });
    });
    expect(result.current.route).toEqual({ name: "clients" });

    await act(async () => {
      save.resolve(true);
      await moved;
    });
    expect(result.current.route).toEqual({ name: "client", clientId: 3 });
    await expect(moved).resolves.toBe(true);
  });

  it("stays on the page when what is open cannot be saved", async () => {
    const { result } = renderRouter();
    act(() => {
      result.current.register(() => Promise.resolve(false));
    });
    let moved!: Promise<boolean>;
    await act(async () => {
      moved = result.current.navigate({ name: "client", clientId: 3 });
      await moved;
    });
    await expect(moved).resolves.toBe(false);
    expect(result.current.route).toEqual({ name: "clients" });
  });

  it("moves at once when nothing is open", async () => {
    const { result } = renderRouter();
    await act(() => result.current.navigate({ name: "client", clientId: 5 }));
    expect(result.current.route).toEqual({ name: "client", clientId: 5 });
  });
});

describe("Route", () => {
  it("is one member per screen, its params the screen's props", () => {
    expectTypeOf<Extract<Route, { name: "clients" }>>().toEqualTypeOf<{ name: "clients" }>();
    expectTypeOf<Extract<Route, { name: "client" }>>().toEqualTypeOf<{ name: "client"; clientId: number }>();
    expectTypeOf<Extract<Route, { name: "program" }>>().toEqualTypeOf<{ name: "program"; programId: number }>();
    expectTypeOf<Extract<Route, { name: "search" }>>().toEqualTypeOf<{ name: "search"; query: string }>();
    expectTypeOf<{ name: "client" }>().not.toExtend<Route>();
  });
});
