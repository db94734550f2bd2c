//! Family, given and place names from the IPA dictionary (`proper_nouns.txt`, written by
//! `scripts/proper-nouns.mjs` from Debian's `mecab-ipadic`): two or more kanji, none of them a
//! common word the dictionary also lists (上司 and 健康 are names there too). A name counts
//! where it is a whole run of kanji (佐藤と話した, 東京で働く), a run ending in a title or a
//! place's suffix (佐藤課長, 東京本社, 新宿駅), or a family name and a given name together
//! (佐藤健太): inside a longer word (組織内) it is not one.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// What a run of kanji may end in after a name.
const SUFFIXES: &[&str] = &[
    "様",
    "君",
    "氏",
    "殿",
    "先生",
    "先輩",
    "社長",
    "副社長",
    "専務",
    "常務",
    "部長",
    "副部長",
    "課長",
    "副課長",
    "係長",
    "次長",
    "主任",
    "主査",
    "室長",
    "所長",
    "店長",
    "工場長",
    "支店長",
    "本社",
    "支社",
    "支店",
    "営業所",
    "事業所",
    "工場",
    "出身",
    "在住",
    "駅",
    "駅前",
    "市",
    "区",
    "町",
    "村",
    "県",
    "都",
    "府",
    "店",
    "方面",
    "周辺",
];

/// What kinds of name a word is (a place if neither).
#[derive(Clone, Copy, Default)]
struct Kinds {
    family: bool,
    given: bool,
}

impl Kinds {
    fn person(self) -> bool {
        self.family || self.given
    }
}

fn words() -> &'static HashMap<&'static str, Kinds> {
    static WORDS: OnceLock<HashMap<&'static str, Kinds>> = OnceLock::new();
    WORDS.get_or_init(|| {
        include_str!("proper_nouns.txt")
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| line.split_once('\t'))
            .map(|(kinds, word)| {
                (
                    word,
                    Kinds {
                        family: kinds.contains('S'),
                        given: kinds.contains('G'),
                    },
                )
            })
            .collect()
    })
}

fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '々' | 'ヶ')
}

/// The name a run of kanji is or starts with, as the number of its characters, and whether it
/// is a person's.
fn name_in(run: &str) -> Option<(usize, bool)> {
    let words = words();
    let chars = run.chars().count();
    if let Some(kinds) = words.get(run) {
        return Some((chars, kinds.person()));
    }
    for suffix in SUFFIXES {
        if let Some(name) = run.strip_suffix(suffix) {
            if let Some(kinds) = words.get(name) {
                return Some((name.chars().count(), kinds.person()));
            }
        }
    }
    // A family name and a given name written together (佐藤健太).
    let indices: Vec<usize> = run.char_indices().map(|(index, _)| index).collect();
    indices.iter().skip(2).find_map(|&cut| {
        let (family, given) = run.split_at(cut);
        let family_name = words.get(family).is_some_and(|kinds| kinds.family);
        let given_name = words.get(given).is_some_and(|kinds| kinds.given);
        (family_name && given_name).then_some((chars, true))
    })
}

/// The names in `text`, people's and places', as ranges of its characters.
pub(crate) fn found(text: &str) -> Vec<Range<usize>> {
    found_where(text, |_| true)
}

/// The people's names in `text`, as ranges of its characters.
pub(crate) fn people(text: &str) -> Vec<Range<usize>> {
    found_where(text, |person| person)
}

fn found_where(text: &str, wanted: impl Fn(bool) -> bool) -> Vec<Range<usize>> {
    let chars: Vec<char> = text.chars().collect();
    let mut ranges = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        if !is_kanji(chars[start]) {
            start += 1;
            continue;
        }
        let mut end = start;
        while end < chars.len() && is_kanji(chars[end]) {
            end += 1;
        }
        let run: String = chars[start..end].iter().collect();
        if let Some((length, person)) = name_in(&run) {
            if wanted(person) {
                ranges.push(start..start + length);
            }
        }
        start = end;
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::found;

    fn names(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        found(text)
            .into_iter()
            .map(|range| chars[range].iter().collect())
            .collect()
    }

    #[test]
    fn names_stand_alone_or_before_a_title_or_a_place_s_suffix() {
        assert_eq!(names("佐藤と話した。"), ["佐藤"]);
        assert_eq!(names("東京本社への異動を希望。"), ["東京"]);
        assert_eq!(names("新宿駅で待ち合わせた。"), ["新宿"]);
        assert_eq!(names("佐藤健太と同じ部署。"), ["佐藤健太"]);
        assert_eq!(names("上司の田中部長と面談。"), ["田中"]);
        // People alone, for a text that may name places but no one.
        let text = "東京本社の佐藤と話した。";
        let people: Vec<String> = super::people(text)
            .into_iter()
            .map(|range| text.chars().collect::<Vec<_>>()[range].iter().collect())
            .collect();
        assert_eq!(people, ["佐藤"]);
    }

    #[test]
    fn common_words_and_parts_of_words_are_no_one() {
        for text in [
            "上司と話した。",
            "健康診断の結果が気になる。",
            "組織内の連携が課題。",
            "将来の役割が見えない。",
            "関連部署との調整に追われる。",
            "育成上の課題がある。",
        ] {
            assert_eq!(names(text), Vec::<String>::new(), "{text}");
        }
    }
}
