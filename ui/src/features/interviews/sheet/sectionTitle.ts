import type { TFunction } from "i18next";
import type { SheetSection } from "../../../ipc/api";
import { sectionTitle as templateSectionTitle } from "../../programs/sectionTitle";
import type { CaptureSection } from "../capture/passage";

/**
 * A section's title as the template names it (the consultant's own, else the built-in
 * key's translation, following the language); failing both, its number.
 */
export function sectionTitle(t: TFunction, section: Pick<SheetSection, "key" | "title" | "position">): string {
  return templateSectionTitle(t, section) || t("sheet.untitled", { number: section.position });
}

/** The sections as capture numbers them: by position, the number shown beside each. */
export function captureSections(t: TFunction, sections: readonly SheetSection[]): CaptureSection[] {
  return sections.map((section) => ({ id: section.id, number: section.position, title: sectionTitle(t, section) }));
}
