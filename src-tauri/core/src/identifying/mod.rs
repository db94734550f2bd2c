//! Finding the words that identify someone in a text as people actually write them: full- or
//! half-width (NFKC), in katakana or hiragana, with or without spaces between the parts. Used
//! to mask a supervision report ([`pseudonymise`]) and to stop an overall report whose text
//! names someone.

#[cfg(test)]
mod corpus_tests;
mod proper_nouns;
mod pseudonymise;
mod romaji;

use std::ops::Range;

pub(crate) use pseudonymise::Pseudonymiser;

/// The people a text names that the vault may not know: names before a title (佐藤課長) and
/// family and given names the dictionary lists (佐藤と話した). Places are not people.
pub(crate) fn people_named(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut named: Vec<String> = pseudonymise::names_before_titles(text)
        .into_iter()
        .chain(proper_nouns::people(text))
        .map(|range| chars[range].iter().collect())
        .collect();
    named.sort();
    named.dedup();
    named
}

use unicode_normalization::UnicodeNormalization;

/// Whether `c` joins the character before it: a combining mark, or the half-width (semi-)voiced
/// sound marks that NFKC composes with the kana before them (ﾍﾞ → べ).
fn joins_previous(c: char) -> bool {
    matches!(c, '\u{FF9E}' | '\u{FF9F}') || unicode_normalization::char::is_combining_mark(c)
}

/// Characters that never decide a match: variation selectors (渡邉 with or without its glyph
/// variant) and hyphens, dashes and minus signs (E-4711, E‐4711, E4711).
fn ignored(c: char) -> bool {
    matches!(c, '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}')
        || matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// A run of characters as compared: NFKC, katakana as hiragana, Latin letters in lower case;
/// nothing for whitespace, which is never part of a match.
fn folded(run: &str) -> Vec<char> {
    run.nfkc()
        .filter(|c| !c.is_whitespace() && !ignored(*c))
        .map(|c| match c {
            'ァ'..='ヶ' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
            _ => without_length_mark(c).to_ascii_lowercase(),
        })
        .collect()
}

/// A long vowel as romaji marks it (Satō, Ōno, Yūko, Satô) without the mark: the spellings of
/// a reading include the short one (sato, ono, yuko).
fn without_length_mark(c: char) -> char {
    match c {
        'ā' | 'â' => 'a',
        'ī' | 'î' => 'i',
        'ū' | 'û' => 'u',
        'ē' | 'ê' => 'e',
        'ō' | 'ô' => 'o',
        'Ā' | 'Â' => 'A',
        'Ī' | 'Î' => 'I',
        'Ū' | 'Û' => 'U',
        'Ē' | 'Ê' => 'E',
        'Ō' | 'Ô' => 'O',
        _ => c,
    }
}

/// `text` as compared, each compared character with the range of characters of `text` it
/// came from (a base character and the marks joined to it).
fn compared(text: &str) -> (Vec<char>, Vec<Range<usize>>) {
    let chars: Vec<char> = text.chars().collect();
    let mut compared = Vec::new();
    let mut origin = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let mut end = start + 1;
        while end < chars.len() && joins_previous(chars[end]) {
            end += 1;
        }
        let run: String = chars[start..end].iter().collect();
        for c in folded(&run) {
            compared.push(c);
            origin.push(start..end);
        }
        start = end;
    }
    (compared, origin)
}

/// Honorifics and titles: a name part too short to mask wherever it stands (林, 誠, まり) is
/// masked before one of these (林さん, 誠くん, 林課長), and any name before one is someone's.
pub(crate) const TITLES: &[&str] = &[
    "さん",
    "様",
    "さま",
    "君",
    "くん",
    "ちゃん",
    "氏",
    "殿",
    "副部長",
    "副課長",
    "部長",
    "課長",
    "係長",
    "次長",
    "室長",
    "所長",
    "店長",
    "班長",
    "社長",
    "専務",
    "常務",
    "主任",
    "主査",
    "先生",
    "先輩",
    "マネージャー",
    "リーダー",
];

/// The ranges (in characters of `text`) where any of `words` occurs (followed by a title, when
/// `before_title`), and which words did.
fn occurrences<'w>(
    text: &str,
    words: &'w [String],
    before_title: bool,
) -> (Vec<Range<usize>>, Vec<&'w str>) {
    let (compared, origin) = compared(text);
    let titles: Vec<Vec<char>> = TITLES.iter().map(|title| folded(title)).collect();
    let titled = |end: usize| {
        !before_title
            || titles
                .iter()
                .any(|title| compared[end..].starts_with(title))
    };
    let mut ranges = Vec::new();
    let mut found = Vec::new();
    for word in words {
        let needle = folded(word);
        if needle.is_empty() || needle.len() > compared.len() {
            continue;
        }
        // A number or code is itself only between other characters: E4711 is not in E47110,
        // nor 2025 in 20251.
        let alphanumeric = needle.iter().all(char::is_ascii_alphanumeric);
        // Between two compared characters, a space of the text (dropped when comparing) is a
        // boundary too: Mari Abe wrote.
        let apart = |left: usize, right: usize| origin[right].start > origin[left].end;
        let bounded = |start: usize, end: usize| {
            !alphanumeric
                || (start.checked_sub(1).is_none_or(|before| {
                    !compared[before].is_ascii_alphanumeric() || apart(before, start)
                }) && compared
                    .get(end)
                    .is_none_or(|after| !after.is_ascii_alphanumeric() || apart(end - 1, end)))
        };
        let mut hit = false;
        for start in 0..=compared.len() - needle.len() {
            if compared[start..start + needle.len()] == needle[..]
                && bounded(start, start + needle.len())
                && titled(start + needle.len())
            {
                ranges.push(origin[start].start..origin[start + needle.len() - 1].end);
                hit = true;
            }
        }
        if hit {
            found.push(word.as_str());
        }
    }
    (ranges, found)
}

/// The words of `words` that occur in `text`.
pub(crate) fn found_in<'w>(text: &str, words: &'w [String]) -> Vec<&'w str> {
    occurrences(text, words, false).1
}

/// `text` with every occurrence of `words` replaced by `mask` (overlapping or adjacent
/// occurrences become one).
#[cfg(test)]
pub(crate) fn masked(text: &str, words: &[String], mask: &str) -> String {
    masked_ranges(text, occurrences(text, words, false).0, mask)
}

/// `text` with every character in `ranges` replaced by `mask`, adjacent ones as one.
fn masked_ranges(text: &str, ranges: Vec<Range<usize>>, mask: &str) -> String {
    let mut hidden = vec![false; text.chars().count()];
    for range in ranges {
        hidden[range].iter_mut().for_each(|hidden| *hidden = true);
    }
    let mut out = String::with_capacity(text.len());
    let mut in_mask = false;
    for (c, hidden) in text.chars().zip(hidden) {
        if hidden {
            if !in_mask {
                out.push_str(mask);
            }
        } else {
            out.push(c);
        }
        in_mask = hidden;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(list: &[&str]) -> Vec<String> {
        list.iter().map(|word| (*word).to_owned()).collect()
    }

    #[test]
    fn a_name_is_found_however_it_is_written() {
        let name = words(&["阿部真理", "阿部", "真理", "あべまり", "E-4711"]);
        for (text, expected) in [
            ("阿部 真理さん", "〇〇さん"),
            ("阿部　真理さん", "〇〇さん"),
            ("阿部さんと真理さん", "〇〇さんと〇〇さん"),
            ("アベ マリと名乗る", "〇〇と名乗る"),
            ("ｱﾍﾞﾏﾘ", "〇〇"),
            ("番号 Ｅ－４７１１ の件", "番号 〇〇 の件"),
            ("番号 e-4711", "番号 〇〇"),
            ("番号 E4711 と E47110", "番号 〇〇 と E47110"),
            ("あまり話さない", "あまり話さない"),
        ] {
            assert_eq!(masked(text, &name, "〇〇"), expected, "{text}");
        }
        assert_eq!(found_in("アベ マリ", &name), ["あべまり"]);
        assert!(found_in("誰の名もない", &name).is_empty());
    }
}
