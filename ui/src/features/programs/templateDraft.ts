import type { TemplateSection, TemplateSectionInput } from "../../ipc/api";

/** A template section being edited. The array's order is the order that will be saved. */
export interface DraftSection {
  /** Stable across edits, for React and focus; not sent. */
  uid: string;
  /** Absent for a section added in this draft. */
  id: number | null;
  key: string | null;
  title: string | null;
  retired: boolean;
}

let added = 0;

export function draftOf(sections: readonly TemplateSection[]): DraftSection[] {
  return sections.map(({ id, key, title, retired }) => ({ uid: `s${id}`, id, key, title, retired }));
}

/** The section at `index` swapped with its neighbour; unchanged at either end. */
export function move(draft: readonly DraftSection[], index: number, delta: -1 | 1): DraftSection[] {
  const target = index + delta;
  if (index < 0 || target < 0 || index >= draft.length || target >= draft.length) {
    return [...draft];
  }
  const next = [...draft];
  const [moved] = next.splice(index, 1);
  if (moved) {
    next.splice(target, 0, moved);
  }
  return next;
}

/**
 * A new title as typed. Blank gives a built-in section its translated title back; a section
 * of the consultant's own keeps the title it had (it has no other).
 */
export function rename(draft: readonly DraftSection[], uid: string, typed: string, builtInTitle: string): DraftSection[] {
  const title = typed.trim();
  return draft.map((section) => {
    if (section.uid !== uid) {
      return section;
    }
    if (section.key !== null) {
      // Typing the translation back is not a rename: the title keeps following the language.
      const own = title === "" || (section.title === null && title === builtInTitle) ? null : title;
      return { ...section, title: own };
    }
    return title === "" ? section : { ...section, title };
  });
}

export function toggleRetired(draft: readonly DraftSection[], uid: string): DraftSection[] {
  return draft.map((section) => (section.uid === uid ? { ...section, retired: !section.retired } : section));
}

export function addSection(draft: readonly DraftSection[], title: string): DraftSection[] {
  added += 1;
  return [...draft, { uid: `new${added}`, id: null, key: null, title: title.trim(), retired: false }];
}

/** Every section, retired ones included: one left out would be refused by the core. */
export function templateInput(draft: readonly DraftSection[]): TemplateSectionInput[] {
  return draft.map(({ id, title, retired }) => ({ id, title, retired }));
}

export function isChanged(draft: readonly DraftSection[], saved: readonly DraftSection[]): boolean {
  return JSON.stringify(templateInput(draft)) !== JSON.stringify(templateInput(saved));
}

/**
 * The number each section in use will have on a new interview's sheet (what is typed to
 * file a passage under it); retired sections are not copied, so they have none.
 */
export function sheetNumbers(draft: readonly DraftSection[]): (number | null)[] {
  let number = 0;
  return draft.map((section) => {
    if (section.retired) {
      return null;
    }
    number += 1;
    return number;
  });
}
