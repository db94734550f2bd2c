import { fireEvent, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderScreen } from "../../test/render";
import { SearchBox } from "./SearchBox";

function renderBox() {
  const rendered = renderScreen(
    <>
      <SearchBox />
      <input data-testid="other-field" />
      <p>elsewhere</p>
    </>,
  );
  return { ...rendered, user: userEvent.setup(), box: screen.getByTestId<HTMLInputElement>("search-input") };
}

describe("SearchBox", () => {
  it("opens the results through navigate on Enter, the query trimmed", async () => {
    const { user, box, navigate } = renderBox();
    expect(box.placeholder).toBe("相談者・面談メモ・シートを検索");
    expect(screen.getByRole("searchbox", { name: "検索" })).toBe(box);
    await user.type(box, "  上司 面談 {Enter}");
    expect(navigate).toHaveBeenCalledExactlyOnceWith({ name: "search", query: "上司 面談" });
    // The words stay in the box, to be searched again or refined.
    expect(box.value).toBe("  上司 面談 ");
  });

  it("opens the results from the button too", async () => {
    const { user, box, navigate } = renderBox();
    await user.type(box, "転勤");
    await user.click(screen.getByTestId("search-submit"));
    expect(navigate).toHaveBeenCalledExactlyOnceWith({ name: "search", query: "転勤" });
  });

  it("asks for nothing when the box is empty or blank", async () => {
    const { user, box, navigate } = renderBox();
    await user.click(screen.getByTestId("search-submit"));
    await user.type(box, "   {Enter}");
    expect(navigate).not.toHaveBeenCalled();
  });

  it("leaves punctuation to the core, which says in words why it cannot search it", async () => {
    const { user, box, navigate } = renderBox();
    await user.type(box, "！？{Enter}");
    expect(navigate).toHaveBeenCalledExactlyOnceWith({ name: "search", query: "！？" });
  });

  it("never searches on the Enter that confirms an IME conversion", async () => {
    const { user, box, navigate } = renderBox();
    await user.click(box);
    fireEvent.compositionStart(box);
    await user.keyboard("じょうし");
    await user.keyboard("{Enter}");
    fireEvent.compositionEnd(box);
    expect(navigate).not.toHaveBeenCalled();

    // WebKit: the confirming keydown after compositionend, flagged only by keyCode 229.
    fireEvent.keyDown(box, { key: "Enter", keyCode: 229 });
    fireEvent.submit(box.form!);
    expect(navigate).not.toHaveBeenCalled();

    await user.keyboard("{Enter}");
    expect(navigate).toHaveBeenCalledExactlyOnceWith({ name: "search", query: "じょうし" });
  });

  it("stops at the 200 characters the core accepts", () => {
    const { box } = renderBox();
    expect(box.maxLength).toBe(200);
  });

  it("takes the cursor on Ctrl+K from anywhere, the words selected to be typed over", async () => {
    const { user, box } = renderBox();
    await user.type(box, "上司");
    await user.click(screen.getByTestId("other-field"));
    await user.keyboard("{Control>}k{/Control}");
    expect(document.activeElement).toBe(box);
    expect([box.selectionStart, box.selectionEnd]).toEqual([0, 2]);
    await user.keyboard("転勤");
    expect(box.value).toBe("転勤");
  });

  it("takes the cursor on / outside a field, and leaves / to the field being typed in", async () => {
    const { user, box } = renderBox();
    await user.click(screen.getByText("elsewhere"));
    await user.keyboard("/");
    expect(document.activeElement).toBe(box);
    expect(box.value).toBe("");

    const other = screen.getByTestId<HTMLInputElement>("other-field");
    await user.click(other);
    await user.keyboard("a/b");
    expect(document.activeElement).toBe(other);
    expect(other.value).toBe("a/b");
  });

  it("leaves Ctrl+K alone while an IME composition is open", () => {
    const { box } = renderBox();
    const other = screen.getByTestId<HTMLInputElement>("other-field");
    other.focus();
    fireEvent.keyDown(other, { key: "k", ctrlKey: true, isComposing: true });
    expect(document.activeElement).toBe(other);
    fireEvent.keyDown(other, { key: "k", ctrlKey: true });
    expect(document.activeElement).toBe(box);
  });
});
