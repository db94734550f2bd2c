#!/usr/bin/env node
// Writes the proper-noun list the pseudonymiser masks by (src-tauri/core/src/identifying/
// proper_nouns.txt) from the IPA dictionary's source files, as Debian's `mecab-ipadic` package
// installs them (EUC-JP CSVs under /usr/share/mecab/dic/ipadic). Kept: family names (S), given
// names (G) and place names (P) of two or more characters, all kanji, that no other part of
// the dictionary lists as a common word (上司 is a family name there too, 健康 a given name).
// The list is committed: the app and its tests never read the system's dictionary.
//   node scripts/proper-nouns.mjs [DIR [COPYRIGHT]]   (default: the Debian package's)
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dictionary = process.argv[2] ?? "/usr/share/mecab/dic/ipadic";
const output = `${root}src-tauri/core/src/identifying/proper_nouns.txt`;
const decoder = new TextDecoder("euc-jp");

function rows(file) {
  return decoder
    .decode(readFileSync(`${dictionary}/${file}`))
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => line.split(","));
}

const PROPER = new Set(["Noun.name.csv", "Noun.place.csv", "Noun.org.csv", "Noun.proper.csv"]);
const common = new Set();
for (const file of readdirSync(dictionary).filter((name) => name.endsWith(".csv") && !PROPER.has(name))) {
  for (const row of rows(file)) {
    common.add(row[0]);
    // The base form of an inflected word (row 10) is a common word too.
    if (row.length > 10) common.add(row[10]);
  }
}

const ALL_KANJI = /^[\u4E00-\u9FFF々ヶ]{2,}$/u;
const kinds = new Map();
const add = (word, kind) => {
  if (!ALL_KANJI.test(word) || common.has(word)) return;
  kinds.set(word, new Set([...(kinds.get(word) ?? []), kind]));
};
for (const row of rows("Noun.name.csv")) {
  if (row[7] === "姓") add(row[0], "S");
  else if (row[7] === "名") add(row[0], "G");
}
for (const row of rows("Noun.place.csv")) add(row[0], "P");

const lines = [...kinds.entries()]
  .map(([word, set]) => `${[...set].sort().join("")}\t${word}`)
  .sort((a, b) => (a.split("\t")[1] < b.split("\t")[1] ? -1 : 1));
// The dictionary's licence travels with the list, whole, as its NO WARRANTY section asks.
const copyright = readFileSync(process.argv[3] ?? "/usr/share/doc/mecab-ipadic/copyright", "utf8");
const licence = copyright
  .slice(copyright.indexOf("License: "), copyright.indexOf("\nFiles: debian/"))
  .split("\n")
  .slice(1)
  .map((line) => (line.trim() === "." ? "" : line.replace(/^ /u, "")))
  .join("\n");
writeFileSync(`${output.replace(/\.txt$/u, "")}.LICENSE`, `${licence.trimEnd()}\n`);
const header = [
  "# Family (S), given (G) and place (P) names from the IPA dictionary (mecab-ipadic 2.7.0),",
  "# selected by scripts/proper-nouns.mjs. Copyright 2000, 2001, 2002, 2003 Nara Institute of",
  "# Science and Technology. All Rights Reserved. Its licence and NO WARRANTY terms are in",
  "# proper_nouns.LICENSE beside this file.",
];
writeFileSync(output, `${[...header, ...lines].join("\n")}\n`);
console.log(`${String(lines.length)} words in ${output}`);
