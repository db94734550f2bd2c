import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { AppError } from "../ipc/appError";
import { switchLanguage } from "../test/language";
import { FormError } from "./FormError";

describe("FormError", () => {
  it("names the field at fault, in Japanese", () => {
    render(<FormError error={new AppError("required", "NameKana is required", "nameKana")} />);
    const error = screen.getByRole("alert");
    expect(error.textContent).toBe("ふりがなを入力してください。");
    expect(error.dataset.code).toBe("required");
    expect(error.dataset.field).toBe("nameKana");
  });

  it("follows the language", async () => {
    render(<FormError error={new AppError("out_of_range", "AnonymityK is out of range", "anonymityK")} />);
    expect(screen.getByRole("alert").textContent).toBe("匿名化のしきい値 kの値が範囲外です。");
    await switchLanguage("en");
    expect(screen.getByRole("alert").textContent).toBe("The anonymity threshold k is out of range.");
  });

  it("falls back to a generic word when no field is named, or one this build does not know", () => {
    const { rerender } = render(<FormError error={new AppError("required")} />);
    expect(screen.getByRole("alert").textContent).toBe("入力内容を入力してください。");
    // As the shell could send it after a newer core added a field.
    rerender(<FormError error={new AppError("required", undefined, "shoeSize" as never)} />);
    expect(screen.getByRole("alert").textContent).toBe("入力内容を入力してください。");
  });

  it("shows a message without a field as it is", () => {
    render(<FormError error={new AppError("duplicate", "Name already exists", "name")} />);
    expect(screen.getByRole("alert").textContent).toBe("同じ名前のものがすでに登録されています。別の名前にしてください。");
  });

  it("shows nothing without an error", () => {
    const { container } = render(<FormError error={null} />);
    expect(container.textContent).toBe("");
  });
});
