import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ImeSafeForm } from "./ImeSafeForm";

function renderForm(onSubmit: () => void) {
  render(
    <ImeSafeForm className="a-form" data-testid="form" aria-label="A form" onSubmit={onSubmit}>
      <input data-testid="field" required />
      <button type="submit">OK</button>
    </ImeSafeForm>,
  );
  return userEvent.setup();
}

describe("ImeSafeForm", () => {
  it("passes its attributes on and leaves validation to the screen", async () => {
    const onSubmit = vi.fn();
    const user = renderForm(onSubmit);
    const form = screen.getByTestId<HTMLFormElement>("form");
    expect(form.className).toBe("a-form");
    expect(form.getAttribute("aria-label")).toBe("A form");
    expect(form.noValidate).toBe(true);

    // The empty required field does not stop the submit: the browser never validates.
    await user.click(screen.getByRole("button", { name: "OK" }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });
});
