/**
 * The text a section becomes when a passage is filed under it: the passage on a line of
 * its own. The same rule as the core's `sheet::capture`, for when the passage joins text
 * typed here that is not stored yet.
 */
export function appendPassage(text: string, passage: string): string {
  const kept = text.replace(/[\n ]+$/, "");
  const added = passage.trim();
  return kept === "" ? added : `${kept}\n${added}`;
}
