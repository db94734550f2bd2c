/** Optional fields: blank means "not recorded", which the shell stores as null. */
export function optional(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

/** Optional paragraphs: blank means "not recorded"; otherwise kept as typed (the core trims). */
export function optionalParagraph(value: string): string | null {
  return value.trim() === "" ? null : value;
}
