import { useTranslation } from "react-i18next";

/** What a pseudonymised text replaced an identifying word with (the core's `MASK`). */
const MASK = "〇〇";

/**
 * Words that may still name someone: katakana of two or more (スミス, サンプル), Latin words with a
 * capital (Abe, Tokyo), and kanji just before さん, 様, 氏 or a title that were not masked. The
 * consultant reads each before sending; it is a prompt to look, not a verdict.
 */
const REMAINING = new RegExp(
  [
    "[\\u30A1-\\u30FA\\u30FC]{2,}",
    "\\b[A-Z][a-z]+\\b",
    "[\\u4E00-\\u9FFF々]{1,4}(?=さん|様|氏|君|くん|ちゃん|課長|部長|係長|主任|社長|先生)",
  ].join("|"),
  "gu",
);

interface Segment {
  text: string;
  kind: "plain" | "masked" | "remaining";
}

/** `text` cut into what was masked, what may still name someone, and the rest. */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  text.split(MASK).forEach((piece, index) => {
    if (index > 0) out.push({ text: MASK, kind: "masked" });
    let at = 0;
    for (const match of piece.matchAll(REMAINING)) {
      if (match.index > at) out.push({ text: piece.slice(at, match.index), kind: "plain" });
      out.push({ text: match[0], kind: "remaining" });
      at = match.index + match[0].length;
    }
    if (at < piece.length) out.push({ text: piece.slice(at), kind: "plain" });
  });
  return out;
}

/** A pseudonymised text with every mask and every word still to check marked. */
export function ReviewedText({ text, testId }: { text: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <p className="supervision-preview__text" data-testid={testId}>
      {segments(text).map((segment, index) =>
        segment.kind === "plain" ? (
          segment.text
        ) : (
          <mark
            key={index}
            className={`supervision-mark supervision-mark--${segment.kind}`}
            title={t(`supervision.marks.${segment.kind}`)}
            data-testid={`supervision-mark-${segment.kind}`}
          >
            {segment.text}
          </mark>
        ),
      )}
    </p>
  );
}
