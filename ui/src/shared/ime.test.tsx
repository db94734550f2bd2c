import { fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { isImeComposing, useImeSafeEnter } from "./ime";

function Form({ onSubmit }: { onSubmit: () => void }) {
  const ime = useImeSafeEnter();
  return (
    <form data-testid="form" {...ime.formProps} onSubmit={ime.guardSubmit(onSubmit)}>
      <input data-testid="field" />
      <button type="submit">OK</button>
    </form>
  );
}

describe("isImeComposing", () => {
  it("is true for isComposing and for keyCode 229", () => {
    expect(isImeComposing(new KeyboardEvent("keydown", { key: "Enter", isComposing: true }))).toBe(true);
    expect(isImeComposing(new KeyboardEvent("keydown", { key: "Enter", keyCode: 229 }))).toBe(true);
    expect(isImeComposing(new KeyboardEvent("keydown", { key: "Enter", keyCode: 13 }))).toBe(false);
  });
});

describe("useImeSafeEnter", () => {
  it("drops the submit of an Enter pressed during composition, not the next one", async () => {
    const onSubmit = vi.fn();
    render(<Form onSubmit={onSubmit} />);
    const user = userEvent.setup();
    await user.click(screen.getByTestId("field"));

    fireEvent.compositionStart(screen.getByTestId("field"));
    await user.keyboard("{Enter}");
    fireEvent.compositionEnd(screen.getByTestId("field"));
    expect(onSubmit).not.toHaveBeenCalled();

    await user.keyboard("{Enter}");
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it("drops the submit of an Enter flagged isComposing by the event itself", () => {
    const onSubmit = vi.fn();
    render(<Form onSubmit={onSubmit} />);
    fireEvent.keyDown(screen.getByTestId("field"), { key: "Enter", isComposing: true });
    fireEvent.submit(screen.getByTestId("form"));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("does not let a dropped Enter swallow a later click on the button", async () => {
    const onSubmit = vi.fn();
    render(<Form onSubmit={onSubmit} />);
    const user = userEvent.setup();
    // Chrome: the composing Enter causes no submit at all, only keydown and keyup.
    fireEvent.keyDown(screen.getByTestId("field"), { key: "Enter", keyCode: 229 });
    fireEvent.keyUp(screen.getByTestId("field"), { key: "Enter", keyCode: 13 });
    await user.click(screen.getByRole("button", { name: "OK" }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it("never lets the form navigate", () => {
    render(<Form onSubmit={vi.fn()} />);
    expect(fireEvent.submit(screen.getByTestId("form"))).toBe(false);
  });
});
