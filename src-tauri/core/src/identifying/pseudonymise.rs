//! Pseudonymising a text about a client so that no one it names can be found again: every part
//! of the client's name in every writing (kanji, its reading in hiragana or katakana, romaji),
//! the employee number, the company and its short forms, the department and role, anyone else
//! the vault knows at the company, anyone named before a title (上司の佐藤課長), family, given and
//! place names the IPA dictionary lists ([`super::proper_nouns`]); and exact days, which a
//! recipient joins to a timetable, coarsened to the month.

use std::ops::Range;

use super::romaji::spellings;
use super::{compared, folded, masked_ranges, occurrences, TITLES};

/// Words before a title that are not anyone's name (お客さん, 皆さん, 営業部長 …).
const NOT_NAMES: &[&str] = &[
    "皆",
    "客",
    "父",
    "母",
    "兄",
    "姉",
    "弟",
    "妹",
    "奥",
    "子",
    "娘",
    "息子",
    "嫁",
    "夫",
    "妻",
    "家族",
    "同",
    "前",
    "元",
    "新",
    "現",
    "副",
    "各",
    "担当",
    "直属",
    "営業",
    "総務",
    "人事",
    "経理",
    "開発",
    "製造",
    "品質",
    "企画",
    "広報",
    "法務",
    "財務",
    "技術",
    "事業",
    "本部",
    "支店",
    "工場",
    "店",
    "課",
    "部",
    "係",
    "室",
    "所",
    "班",
    "多",
    "仕",
    "模",
    "異",
    "有",
    "チーム",
];

/// The longest run of kanji or katakana before a title taken for a name (佐藤, 佐々木, スミス).
const LONGEST_NAME_BEFORE_TITLE: usize = 4;

/// What to mask in the texts of one package.
#[derive(Default)]
pub(crate) struct Pseudonymiser {
    /// Masked wherever they stand.
    anywhere: Vec<String>,
    /// Masked before a title: name parts of one character, and short readings, which stand
    /// inside too many words to mask anywhere (林, 誠, まり in あまり).
    before_titles: Vec<String>,
}

impl Pseudonymiser {
    /// Everything that names a person: the name and each part of it however it is split, its
    /// reading and each part of that, their romaji, and the employee number.
    pub(crate) fn person(&mut self, name: &str, reading: Option<&str>, number: Option<&str>) {
        let squeezed =
            |text: &str| -> String { text.chars().filter(|c| !c.is_whitespace()).collect() };
        let whole = squeezed(name);
        self.anywhere.push(whole.clone());
        let mut parts: Vec<String> = name.split_whitespace().map(str::to_owned).collect();
        // Written without a space (阿部真理), the split is not known: every way of cutting it
        // in two gives a part, so the family name and the given name are among them.
        let chars: Vec<char> = whole.chars().collect();
        if parts.len() < 2 && (2..=8).contains(&chars.len()) {
            for cut in 1..chars.len() {
                parts.push(chars[..cut].iter().collect());
                parts.push(chars[cut..].iter().collect());
            }
        }
        for part in parts {
            self.name_part(part, 2);
        }
        if let Some(reading) = reading {
            let reading_whole = squeezed(reading);
            self.anywhere.push(reading_whole.clone());
            let mut reading_parts: Vec<String> =
                reading.split_whitespace().map(str::to_owned).collect();
            // Written without a space (あべまり), every cut into two parts of two kana or more
            // gives a part, as for the name (Abe and Mari are among them).
            let kana: Vec<char> = reading_whole.chars().collect();
            if reading_parts.len() < 2 && (4..=12).contains(&kana.len()) {
                for cut in 2..=kana.len() - 2 {
                    reading_parts.push(kana[..cut].iter().collect());
                    reading_parts.push(kana[cut..].iter().collect());
                }
            }
            for part in &reading_parts {
                // A reading of two kana (まり) is inside common words (あまり, つまり).
                self.name_part(part.clone(), 3);
            }
            self.romaji(&reading_whole, &reading_parts);
        }
        if let Some(number) = number.map(squeezed) {
            // A number of one to three characters is everywhere in a text (12月, 101名).
            if number.chars().count() >= 4 {
                self.anywhere.push(number);
            }
        }
    }

    /// A part of a name: masked anywhere from `anywhere_from` characters, else before titles.
    fn name_part(&mut self, part: String, anywhere_from: usize) {
        if part.chars().count() >= anywhere_from {
            self.anywhere.push(part);
        } else if !part.is_empty() {
            self.before_titles.push(part);
        }
    }

    /// The reading in Latin letters: whole, each part, both orders (Abe Mari, Mari Abe), and a
    /// part with a Japanese honorific (Abe-san).
    fn romaji(&mut self, whole: &str, parts: &[String]) {
        let folded_reading = |text: &str| -> String { folded(text).into_iter().collect() };
        self.anywhere.extend(spellings(&folded_reading(whole)));
        let spelled: Vec<Vec<String>> = parts
            .iter()
            .map(|part| spellings(&folded_reading(part)))
            .collect();
        for (index, part) in spelled.iter().enumerate() {
            for spelling in part {
                for honorific in ["san", "sama", "kun", "chan", "shi"] {
                    self.anywhere.push(format!("{spelling}{honorific}"));
                }
                if spelling.len() >= 3 {
                    self.anywhere.push(spelling.clone());
                } else {
                    self.before_titles.push(spelling.clone());
                }
                for other in spelled.iter().skip(index + 1).flatten() {
                    self.anywhere.push(format!("{other}{spelling}"));
                    self.anywhere.push(format!("{spelling}{other}"));
                }
            }
        }
    }

    /// A word masked wherever it stands (a department, a role).
    pub(crate) fn word(&mut self, word: &str) {
        let word = word.trim();
        if !word.is_empty() {
            self.anywhere.push(word.to_owned());
        }
    }

    /// A company: its name, and the name without 株式会社 and the like, which is how people
    /// speak of it (サンプル社, サンプルさん).
    pub(crate) fn company(&mut self, name: &str) {
        self.word(name);
        if let Some(short) = without_legal_form(name) {
            self.anywhere.push(short);
        }
    }

    /// `text` with everything to mask replaced by `mask`, and its exact days coarsened to the
    /// month.
    pub(crate) fn masked(&self, text: &str, mask: &str) -> String {
        let mut ranges = occurrences(text, &self.anywhere, false).0;
        ranges.extend(occurrences(text, &self.before_titles, true).0);
        ranges.extend(names_before_titles(text));
        ranges.extend(super::proper_nouns::found(text));
        coarsened_days(&masked_ranges(text, ranges, mask))
    }
}

/// A company's name as people shorten it: without 株式会社 and the like.
pub(crate) fn without_legal_form(name: &str) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    const FORMS: [&str; 7] = [
        "株式会社",
        "有限会社",
        "合同会社",
        "合資会社",
        "合名会社",
        "(株)",
        "(有)",
    ];
    // NFKC first: （株） and ㈱ become (株).
    let name: String = name.nfkc().collect();
    let short = FORMS
        .iter()
        .fold(name.clone(), |name, form| name.replace(form, ""));
    let short = short.trim();
    // Two characters alone (アイ) are inside too many words to mask.
    (short != name && short.chars().count() >= 3).then(|| short.to_owned())
}

fn is_name_character(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '々' | '\u{30A1}'..='\u{30FA}' | 'ー')
}

/// Whoever a text names before a title: the run of kanji or katakana just before it (佐藤課長,
/// 田中さん, スミス氏), unless it is no one's name (お客さん, 営業部長).
pub(super) fn names_before_titles(text: &str) -> Vec<Range<usize>> {
    let chars: Vec<char> = text.chars().collect();
    let (compared_text, origin) = compared(text);
    let titles: Vec<Vec<char>> = TITLES.iter().map(|title| folded(title)).collect();
    let mut ranges = Vec::new();
    for start in 0..compared_text.len() {
        if !titles
            .iter()
            .any(|title| compared_text[start..].starts_with(title))
        {
            continue;
        }
        let title_start = origin[start].start;
        let mut name_start = title_start;
        while name_start > 0
            && title_start - name_start < LONGEST_NAME_BEFORE_TITLE
            && is_name_character(chars[name_start - 1])
        {
            name_start -= 1;
        }
        // A longer run is a compound (品質保証部長), not a name.
        let longer = name_start > 0 && is_name_character(chars[name_start - 1]);
        let name: String = chars[name_start..title_start].iter().collect();
        if name.is_empty() || longer || NOT_NAMES.contains(&name.as_str()) {
            continue;
        }
        ranges.push(name_start..title_start);
    }
    ranges
}

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Reads a number of `least` to `most` digits at `at`: its value and where it ends.
fn number_at(chars: &[char], at: usize, least: usize, most: usize) -> Option<(u32, usize)> {
    let mut end = at;
    let mut value = 0;
    while end < chars.len() && end - at < most {
        let Some(d) = digit(chars[end]) else { break };
        value = value * 10 + d;
        end += 1;
    }
    let long_enough = end - at >= least;
    let ends_there = chars.get(end).and_then(|c| digit(*c)).is_none();
    (long_enough && ends_there).then_some((value, end))
}

/// `text` with every exact day (2026-06-10, 2026/6/10, 2026年6月10日, 6月10日, 6/10) written as its
/// month: the day and the person are joined by whoever holds the timetable.
pub(crate) fn coarsened_days(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut index = 0;
    while index < chars.len() {
        let starts_number =
            digit(chars[index]).is_some() && (index == 0 || digit(chars[index - 1]).is_none());
        if starts_number {
            if let Some((text, end)) = day_at(&chars, index) {
                out.push_str(&text);
                index = end;
                continue;
            }
        }
        out.push(chars[index]);
        index += 1;
    }
    out
}

/// A day written at `at`, as its month, and where it ends.
fn day_at(chars: &[char], at: usize) -> Option<(String, usize)> {
    let separator =
        |index: usize, allowed: &[char]| chars.get(index).is_some_and(|c| allowed.contains(c));
    // Year, month and day.
    if let Some((year, end)) = number_at(chars, at, 4, 4) {
        if separator(end, &['-', '/', '年', '.', '／', '－']) {
            if let Some((month, end)) = number_at(chars, end + 1, 1, 2) {
                if (1..=12).contains(&month) && separator(end, &['-', '/', '月', '.', '／', '－'])
                {
                    if let Some((day, mut end)) = number_at(chars, end + 1, 1, 2) {
                        if (1..=31).contains(&day) {
                            if separator(end, &['日']) {
                                end += 1;
                            }
                            return Some((format!("{year}年{month}月"), end));
                        }
                    }
                }
            }
        }
    }
    // Month and day: 6月10日, or 6/10 as notes shorten it (a fraction such as 1/2 goes too: a
    // word lost is the lesser harm). Not inside a longer figure (1/2/3, 6/10/2026).
    let (month, end) = number_at(chars, at, 1, 2)?;
    if !(1..=12).contains(&month) {
        return None;
    }
    if separator(end, &['月']) {
        let (day, end) = number_at(chars, end + 1, 1, 2)?;
        return ((1..=31).contains(&day) && separator(end, &['日']))
            .then(|| (format!("{month}月"), end + 1));
    }
    let slash = ['/', '／'];
    let preceded = at > 0 && slash.contains(&chars[at - 1]);
    if !separator(end, &slash) || preceded {
        return None;
    }
    let (day, end) = number_at(chars, end + 1, 1, 2)?;
    ((1..=31).contains(&day) && !separator(end, &slash)).then(|| (format!("{month}月"), end))
}
