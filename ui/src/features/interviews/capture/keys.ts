import type { KeyboardEvent as ReactKeyboardEvent } from "react";

export type CaptureKey = { kind: "direct"; number: number } | { kind: "picker" };

// `code` names the physical key: on a JIS, US or French layout, and with Option on a Mac
// (where `key` becomes "¡", "™", …), the key marked 1 stays "Digit1".
const DIGIT_CODE = /^(?:Digit|Numpad)([1-9])$/;

/**
 * The capture shortcut a keydown in the notes means, if any. It does not look at IME
 * composition: the caller checks that first.
 *
 * - Alt+1 … Alt+9 (Option on a Mac): file straight into that section. Ctrl and Meta must be
 *   up, so AltGr (Ctrl+Alt on Windows) keeps typing its characters.
 * - Ctrl+Enter or Cmd+Enter: open the picker. Both are accepted everywhere: people who move
 *   between a Mac and a PC press either.
 */
export function captureKey(event: KeyboardEvent | ReactKeyboardEvent): CaptureKey | null {
  if (event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
    const digit = DIGIT_CODE.exec(event.code)?.[1];
    if (digit !== undefined) {
      return { kind: "direct", number: Number(digit) };
    }
  }
  if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key === "Enter") {
    return { kind: "picker" };
  }
  return null;
}
