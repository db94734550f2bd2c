import type { TFunction } from "i18next";
import ja from "../../locales/ja.json";

type BuiltInKey = keyof typeof ja.sheet.sections;

function isBuiltIn(key: string): key is BuiltInKey {
  return Object.hasOwn(ja.sheet.sections, key);
}

/**
 * A section's title as the consultant sees it: their own title, else the built-in key's
 * translation (so it follows the language), else the key itself for a key this build does
 * not know.
 */
export function sectionTitle(t: TFunction, section: { key: string | null; title: string | null }): string {
  if (section.title !== null) {
    return section.title;
  }
  if (section.key === null) {
    return "";
  }
  return isBuiltIn(section.key) ? t(`sheet.sections.${section.key}`) : section.key;
}
