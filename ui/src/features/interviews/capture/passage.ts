/** A section of the interview sheet, as the capture feature needs it. */
export interface CaptureSection {
  /** The database id, handed back to `onCapture`. */
  id: number;
  /** 1-based position shown to the consultant; Alt+number and a typed number refer to it. */
  number: number;
  title: string;
}

/**
 * What one keystroke files: the selection if there is one, otherwise the line the caret is
 * on. Notes are typed as short lines while listening, so the current line is almost always
 * the passage meant, and selecting is needed only for a part of a line or several lines.
 * Returns "" when there is nothing but whitespace.
 */
export function passageAt(text: string, selectionStart: number, selectionEnd: number): string {
  const start = clamp(Math.min(selectionStart, selectionEnd), 0, text.length);
  const end = clamp(Math.max(selectionStart, selectionEnd), 0, text.length);
  if (end > start) {
    const selected = text.slice(start, end).trim();
    if (selected !== "") {
      return selected;
    }
  }
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const newline = text.indexOf("\n", start);
  const lineEnd = newline === -1 ? text.length : newline;
  // trim() also drops the "\r" of a pasted CRLF text.
  return text.slice(lineStart, lineEnd).trim();
}

/**
 * Sections for what was typed in the picker, best first: the section whose number it is,
 * then titles that start with it, then titles that contain it. An empty query lists all.
 * Matching ignores case, width (NFKC: "３" is 3, half-width kana are full-width) and the
 * hiragana/katakana difference, since an IME may leave either for the same word.
 */
export function matchSections<T extends CaptureSection>(sections: readonly T[], query: string): T[] {
  const byNumber = [...sections].sort((a, b) => a.number - b.number);
  const needle = foldForMatch(query);
  if (needle === "") {
    return byNumber;
  }
  const number = /^\d+$/.test(needle) ? Number(needle) : undefined;
  const exact: T[] = [];
  const prefix: T[] = [];
  const contains: T[] = [];
  for (const section of byNumber) {
    const title = foldForMatch(section.title);
    if (section.number === number) {
      exact.push(section);
    } else if (title.startsWith(needle)) {
      prefix.push(section);
    } else if (title.includes(needle)) {
      contains.push(section);
    }
  }
  return [...exact, ...prefix, ...contains];
}

const KATAKANA_FIRST = 0x30a1; // ァ
const KATAKANA_LAST = 0x30f6; // ヶ
const ITERATION_MARKS_FIRST = 0x30fd; // ヽ ヾ
const ITERATION_MARKS_LAST = 0x30fe;
const KATAKANA_TO_HIRAGANA = 0x60;

/** The form both sides of a match are compared in. */
export function foldForMatch(value: string): string {
  let folded = "";
  for (const char of value.normalize("NFKC").trim().toLowerCase()) {
    const code = char.codePointAt(0) ?? 0;
    const isKatakana =
      (code >= KATAKANA_FIRST && code <= KATAKANA_LAST) ||
      (code >= ITERATION_MARKS_FIRST && code <= ITERATION_MARKS_LAST);
    folded += isKatakana ? String.fromCodePoint(code - KATAKANA_TO_HIRAGANA) : char;
  }
  return folded;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
