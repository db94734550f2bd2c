import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import type { TemplateSection } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import { aDefaultTemplate } from "../../test/apiMock";
import type { ApiMock } from "../../test/apiMock";
import { switchLanguage } from "../../test/language";
import { renderScreen } from "../../test/render";
import { TemplateEditor } from "./TemplateEditor";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

/** The first three built-in sections, and one of the consultant's own, retired. */
function template(): TemplateSection[] {
  return [
    ...aDefaultTemplate().slice(0, 3),
    { id: 110, key: null, title: "前回からの変化", position: 4, retired: true },
  ];
}

const rows = () => screen.getAllByTestId("template-section");
const titles = () => screen.getAllByTestId("template-section-title").map((title) => title.textContent);
const numbers = () => screen.getAllByTestId("template-section-number").map((number) => number.textContent);

async function renderEditor() {
  const view = renderScreen(<TemplateEditor programId={11} />);
  await screen.findAllByTestId("template-section");
  return { ...view, user: userEvent.setup() };
}

describe("TemplateEditor", () => {
  beforeEach(() => {
    mocked.sheetTemplateGet.mockResolvedValue(template());
    mocked.sheetTemplateSave.mockImplementation((_programId, sections) =>
      Promise.resolve(
        sections.map((section, index) => ({
          id: section.id ?? 200 + index,
          key: template().find((stored) => stored.id === section.id)?.key ?? null,
          title: section.title,
          position: index + 1,
          retired: section.retired,
        })),
      ),
    );
  });

  it("shows the sections in order: built-in titles translated, retired ones greyed without a number", async () => {
    await renderEditor();
    expect(mocked.sheetTemplateGet).toHaveBeenCalledWith(11);
    expect(titles()).toEqual(["現在の仕事・悩み", "中長期のビジョン", "強み・実績", "前回からの変化"]);
    expect(numbers()).toEqual(["1", "2", "3", "—"]);
    expect(rows()[3]?.className).toContain("template-row--retired");
    expect(within(rows()[3]!).getByTestId("template-retire").textContent).toBe("再び使う");

    await switchLanguage("en");
    expect(titles()[0]).toBe("Current work and worries");
  });

  it("renames, reorders with the buttons and Alt+↑, retires, adds, and saves every section in the new order", async () => {
    const { user, queryClient } = await renderEditor();
    const invalidate = vi.spyOn(queryClient, "invalidateQueries");
    expect(screen.getByTestId<HTMLButtonElement>("template-save").disabled).toBe(true);

    // Rename the second section; the IME's confirming Enter does not end the edit.
    await user.click(within(rows()[1]!).getByTestId("template-rename"));
    const input = screen.getByTestId<HTMLInputElement>("template-title-input");
    expect(input.value).toBe("中長期のビジョン");
    await user.clear(input);
    fireEvent.compositionStart(input);
    await user.type(input, "これからのキャリア");
    fireEvent.keyDown(input, { key: "Enter", isComposing: true });
    expect(screen.getByTestId("template-title-input")).toBe(input);
    fireEvent.compositionEnd(input);
    await user.keyboard("{Enter}");
    expect(titles()[1]).toBe("これからのキャリア");

    // Move the first section down with its button, then the third up with Alt+↑.
    await user.click(within(rows()[0]!).getByTestId("template-down"));
    expect(titles()).toEqual(["これからのキャリア", "現在の仕事・悩み", "強み・実績", "前回からの変化"]);
    rows()[2]!.focus();
    await user.keyboard("{Alt>}{ArrowUp}{/Alt}");
    expect(titles()).toEqual(["これからのキャリア", "強み・実績", "現在の仕事・悩み", "前回からの変化"]);
    // The moved row keeps the focus, so it can be moved again at once.
    expect(document.activeElement).toBe(rows()[1]);

    // Retire one, restore the retired one, add a new one.
    await user.click(within(rows()[2]!).getByTestId("template-retire"));
    await user.click(within(rows()[3]!).getByTestId("template-retire"));
    await user.type(screen.getByTestId("template-new-title"), "上司との関係");
    await user.click(screen.getByTestId("template-add"));
    expect(numbers()).toEqual(["1", "2", "—", "3", "4"]);
    expect(screen.getByTestId("template-state").textContent).toBe("未保存の変更があります");

    await user.click(screen.getByTestId("template-save"));
    await waitFor(() => {
      expect(screen.getByTestId("template-state").textContent).toBe("保存しました");
    });
    expect(mocked.sheetTemplateSave).toHaveBeenCalledExactlyOnceWith(11, [
      { id: 101, title: "これからのキャリア", retired: false },
      { id: 102, title: null, retired: false },
      { id: 100, title: null, retired: true },
      { id: 110, title: "前回からの変化", retired: false },
      { id: null, title: "上司との関係", retired: false },
    ]);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ["programs", "template", 11] });

    // Saved again, the new section goes with the id the core gave it: it is not added twice.
    await user.click(within(rows()[0]!).getByTestId("template-down"));
    await user.click(screen.getByTestId("template-save"));
    await waitFor(() => {
      expect(mocked.sheetTemplateSave).toHaveBeenCalledTimes(2);
    });
    expect(mocked.sheetTemplateSave.mock.calls[1]?.[1].map((section) => section.id)).toEqual([102, 101, 100, 110, 204]);
  });

  it("keeps a built-in section following the language when its title is cleared", async () => {
    const { user } = await renderEditor();
    await user.click(within(rows()[0]!).getByTestId("template-rename"));
    await user.clear(screen.getByTestId("template-title-input"));
    await user.keyboard("{Enter}");
    expect(titles()[0]).toBe("現在の仕事・悩み");
    // Nothing changed, so there is nothing to save.
    expect(screen.getByTestId<HTMLButtonElement>("template-save").disabled).toBe(true);
  });

  it("drops a rename on Escape", async () => {
    const { user } = await renderEditor();
    await user.click(within(rows()[0]!).getByTestId("template-rename"));
    await user.type(screen.getByTestId("template-title-input"), "追記");
    await user.keyboard("{Escape}");
    expect(titles()[0]).toBe("現在の仕事・悩み");
    expect(screen.queryByTestId("template-title-input")).toBeNull();
  });

  it("adds with Enter, but not with the Enter that confirms a conversion", async () => {
    const { user } = await renderEditor();
    const input = screen.getByTestId("template-new-title");
    fireEvent.compositionStart(input);
    await user.type(input, "価値観の変化");
    fireEvent.keyDown(input, { key: "Enter", keyCode: 229 });
    expect(rows()).toHaveLength(4);
    fireEvent.compositionEnd(input);
    await user.keyboard("{Enter}");
    expect(rows()).toHaveLength(5);
    expect(titles()[4]).toBe("価値観の変化");
  });

  it("keeps the draft when saving fails", async () => {
    mocked.sheetTemplateSave.mockRejectedValue(new AppError("text_too_long", "SectionTitle is too long", "sectionTitle"));
    const { user } = await renderEditor();
    await user.click(within(rows()[2]!).getByTestId("template-up"));
    await user.click(screen.getByTestId("template-save"));
    expect((await screen.findByTestId("form-error")).dataset.code).toBe("text_too_long");
    expect(titles()).toEqual(["現在の仕事・悩み", "強み・実績", "中長期のビジョン", "前回からの変化"]);
    expect(screen.getByTestId<HTMLButtonElement>("template-save").disabled).toBe(false);
  });
});
