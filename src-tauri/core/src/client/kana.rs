//! Readings (ふりがな): which text counts as one, and the key names sort by.

use unicode_normalization::UnicodeNormalization;

/// Normalises a reading as typed: NFKC turns half-width katakana (ｶﾀｶﾅ) and full-width spaces
/// into their ordinary forms, and runs of spaces become one.
pub(crate) fn normalise(reading: &str) -> String {
    reading
        .nfkc()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a normalised reading is kana only: hiragana, katakana, the prolonged sound mark,
/// the middle dot between given and family names, and spaces.
pub(crate) fn is_kana(reading: &str) -> bool {
    reading.chars().all(|c| {
        matches!(c,
            '\u{3041}'..='\u{3096}' // hiragana
            | '\u{309D}'..='\u{309F}' // hiragana iteration marks
            | '\u{30A1}'..='\u{30FA}' // katakana
            | '\u{30FC}'..='\u{30FF}' // prolonged sound mark, katakana iteration marks
            | '\u{30FB}' // middle dot
            | ' ')
    })
}

/// The key readings sort by: katakana folded into hiragana, so that ヤマダ and やまだ sort
/// together, and spaces and dots dropped.
pub(crate) fn sort_key(reading: &str) -> String {
    reading
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{30FB}'))
        .map(|c| match c {
            '\u{30A1}'..='\u{30F6}' => char::from_u32(u32::from(c) - 0x60).unwrap_or(c),
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_half_width_katakana_and_full_width_spaces() {
        assert_eq!(normalise("  ﾔﾏﾀﾞ\u{3000}\u{3000}ﾀﾛｳ "), "ヤマダ タロウ");
    }

    #[test]
    fn accepts_kana_and_rejects_kanji_and_latin() {
        assert!(is_kana("やまだ たろう"));
        assert!(is_kana("ジョン・スミス"));
        assert!(is_kana("さとう ゆうこ"));
        assert!(!is_kana("山田"));
        assert!(!is_kana("yamada"));
    }

    #[test]
    fn katakana_and_hiragana_readings_sort_together() {
        assert_eq!(sort_key("ヤマダ タロウ"), sort_key("やまだ たろう"));
        assert_eq!(sort_key("ジョン・スミス"), "じょんすみす");
        let mut readings = ["わたなべ", "アベ", "いとう"];
        readings.sort_by_key(|r| sort_key(r));
        assert_eq!(readings, ["アベ", "いとう", "わたなべ"]);
    }
}
