export type PassphraseStrength = "weak" | "fair" | "strong";

/** The shell refuses shorter passphrases (`passphrase_too_short`); below it is always weak. */
export const MINIMUM_PASSPHRASE_LENGTH = 8;

/**
 * Kinds of characters used. Japanese script counts as its own kind: a passphrase written in
 * kana and kanji is as valid as one in ASCII, and far from every dictionary of leaked ones.
 */
function varietyOf(chars: readonly string[]): number {
  const kinds = [
    /[a-z]/u,
    /[A-Z]/u,
    /[0-9]/u,
    /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u,
    /[^\p{Letter}\p{Number}]/u,
  ];
  return kinds.filter((kind) => chars.some((char) => kind.test(char))).length;
}

/**
 * A hint, not a rule: rates length first (a long sentence beats a short jumble), then
 * variety. Lengths count characters, not UTF-16 units, so ひらがな counts as 4.
 */
export function passphraseStrength(passphrase: string): PassphraseStrength {
  const chars = Array.from(passphrase);
  const length = chars.length;
  const distinct = new Set(chars).size;
  const variety = varietyOf(chars);

  // "aaaaaaaaaaaa" or "abababab…" is long but guessable.
  if (length < MINIMUM_PASSPHRASE_LENGTH || distinct < 5) {
    return "weak";
  }
  if (length >= 20 || (length >= 12 && variety >= 3)) {
    return "strong";
  }
  if (length >= 12 || variety >= 3) {
    return "fair";
  }
  return "weak";
}
