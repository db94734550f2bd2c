import { describe, expect, it } from "vitest";
import { captureKey } from "./keys";
import { foldForMatch, matchSections, passageAt } from "./passage";
import type { CaptureSection } from "./passage";

const SECTIONS: CaptureSection[] = [
  { id: 11, number: 1, title: "現在の仕事・悩み" },
  { id: 12, number: 2, title: "中長期のビジョン" },
  { id: 13, number: 3, title: "強み・実績" },
  { id: 14, number: 4, title: "価値観" },
  { id: 15, number: 5, title: "キャリア意識の課題" },
  { id: 16, number: 6, title: "職場環境" },
  { id: 17, number: 7, title: "組織の課題" },
];

function numbers(sections: CaptureSection[]) {
  return sections.map((section) => section.number);
}

describe("passageAt", () => {
  const text = "一行目\n  転職を考えている  \n\n三行目";

  it("returns the caret's line, trimmed", () => {
    const inSecond = text.indexOf("転職") + 2;
    expect(passageAt(text, inSecond, inSecond)).toBe("転職を考えている");
  });

  it("treats a caret at either end of a line as on that line", () => {
    expect(passageAt(text, 0, 0)).toBe("一行目");
    expect(passageAt(text, 3, 3)).toBe("一行目");
    expect(passageAt(text, text.length, text.length)).toBe("三行目");
    expect(passageAt(text, 4, 4)).toBe("転職を考えている");
  });

  it("returns the selection, trimmed, across lines too", () => {
    const start = text.indexOf("転職");
    expect(passageAt(text, start, start + 2)).toBe("転職");
    expect(passageAt(text, 1, text.indexOf("考え"))).toBe("行目\n  転職を");
  });

  it("accepts a backwards selection", () => {
    const start = text.indexOf("転職");
    expect(passageAt(text, start + 2, start)).toBe("転職");
  });

  it("falls back to the line when the selection is only whitespace", () => {
    const space = text.indexOf("  転職");
    expect(passageAt(text, space, space + 2)).toBe("転職を考えている");
  });

  it("is empty on an empty line, or in an empty text", () => {
    const blank = text.indexOf("\n\n") + 1;
    expect(passageAt(text, blank, blank)).toBe("");
    expect(passageAt("", 0, 0)).toBe("");
    expect(passageAt("   \n ", 2, 2)).toBe("");
  });

  it("drops the carriage return of CRLF text", () => {
    expect(passageAt("上司と相談\r\n次へ", 2, 2)).toBe("上司と相談");
  });

  it("clamps positions outside the text", () => {
    expect(passageAt("短い", 50, 50)).toBe("短い");
    expect(passageAt("短い", -3, -3)).toBe("短い");
  });
});

describe("matchSections", () => {
  it("lists every section by number for an empty query", () => {
    expect(numbers(matchSections([...SECTIONS].reverse(), "  "))).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("matches a number, half- or full-width", () => {
    expect(numbers(matchSections(SECTIONS, "3"))).toEqual([3]);
    expect(numbers(matchSections(SECTIONS, "３"))).toEqual([3]);
    expect(numbers(matchSections(SECTIONS, " 7 "))).toEqual([7]);
    expect(matchSections(SECTIONS, "9")).toEqual([]);
  });

  it("matches part of a title", () => {
    expect(numbers(matchSections(SECTIONS, "強み"))).toEqual([3]);
    expect(numbers(matchSections(SECTIONS, "実績"))).toEqual([3]);
    expect(numbers(matchSections(SECTIONS, "課題"))).toEqual([5, 7]);
  });

  it("puts titles starting with the query before titles containing it", () => {
    const sections: CaptureSection[] = [
      { id: 1, number: 1, title: "職場の人間関係" },
      { id: 2, number: 2, title: "人間関係の悩み" },
    ];
    expect(numbers(matchSections(sections, "人間関係"))).toEqual([2, 1]);
  });

  it("puts the section with that number before titles containing the digits", () => {
    const sections: CaptureSection[] = [
      { id: 1, number: 1, title: "3年後に目指す自分" },
      { id: 2, number: 2, title: "キャリア" },
      { id: 3, number: 3, title: "強み" },
    ];
    expect(numbers(matchSections(sections, "3"))).toEqual([3, 1]);
  });

  it("matches hiragana against katakana and the other way round", () => {
    expect(numbers(matchSections(SECTIONS, "きゃりあ"))).toEqual([5]);
    expect(numbers(matchSections(SECTIONS, "びじょん"))).toEqual([2]);
    const hiraganaTitle: CaptureSection[] = [{ id: 1, number: 1, title: "やりがい" }];
    expect(numbers(matchSections(hiraganaTitle, "ヤリガイ"))).toEqual([1]);
  });

  it("ignores case and width", () => {
    const latin: CaptureSection[] = [{ id: 1, number: 1, title: "SMART目標" }];
    expect(numbers(matchSections(latin, "smart"))).toEqual([1]);
    expect(numbers(matchSections(latin, "ｓｍａｒｔ"))).toEqual([1]);
    // Half-width katakana, as some IMEs and pasted text leave it.
    expect(numbers(matchSections(SECTIONS, "ｷｬﾘｱ"))).toEqual([5]);
  });

  it("finds nothing for an unrelated word", () => {
    expect(matchSections(SECTIONS, "給与")).toEqual([]);
  });
});

describe("foldForMatch", () => {
  it("folds katakana to hiragana and keeps the long vowel mark", () => {
    expect(foldForMatch("キャリア・ビジョン")).toBe("きゃりあ・びじょん");
    expect(foldForMatch("ワーク")).toBe("わーく");
  });
});

describe("captureKey", () => {
  const key = (init: KeyboardEventInit) => captureKey(new KeyboardEvent("keydown", init));

  it("reads Alt+digit by physical key, row or keypad", () => {
    expect(key({ code: "Digit2", key: "2", altKey: true })).toEqual({ kind: "direct", number: 2 });
    // Option+1 on a Mac types "¡": the key is still Digit1.
    expect(key({ code: "Digit1", key: "¡", altKey: true })).toEqual({ kind: "direct", number: 1 });
    expect(key({ code: "Numpad9", key: "9", altKey: true })).toEqual({ kind: "direct", number: 9 });
  });

  it("leaves Alt+0, plain digits and AltGr alone", () => {
    expect(key({ code: "Digit0", key: "0", altKey: true })).toBeNull();
    expect(key({ code: "Digit1", key: "1" })).toBeNull();
    expect(key({ code: "Digit2", key: "@", altKey: true, ctrlKey: true })).toBeNull();
  });

  it("reads Ctrl+Enter and Cmd+Enter as the picker, not a plain Enter", () => {
    expect(key({ code: "Enter", key: "Enter", ctrlKey: true })).toEqual({ kind: "picker" });
    expect(key({ code: "Enter", key: "Enter", metaKey: true })).toEqual({ kind: "picker" });
    expect(key({ code: "Enter", key: "Enter" })).toBeNull();
  });
});
