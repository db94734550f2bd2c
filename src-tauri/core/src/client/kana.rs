//! Readings (ふりがな): which text counts as one, and the key names sort by.

use unicode_normalization::UnicodeNormalization;

/// NFKC: full-width digits and letters typed through an IME become their ordinary forms.
pub(crate) fn nfkc(text: &str) -> String {
    text.nfkc().collect()
}

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

/// Whether a normalised reading is kana only (hiragana, katakana, the prolonged sound mark,
/// the middle dot between given and family names, spaces) with at least one kana letter.
pub(crate) fn is_kana(reading: &str) -> bool {
    let has_letter = reading
        .chars()
        .any(|c| matches!(c, '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}'));
    has_letter
        && reading.chars().all(|c| {
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
/// together, and spaces, dots and the prolonged sound mark dropped, so that らーめん does not
/// sort after every other ら… reading.
pub(crate) fn sort_key(reading: &str) -> String {
    reading
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{30FB}' | '\u{30FC}'))
        .map(|c| match c {
            '\u{30A1}'..='\u{30F6}' | '\u{30FD}'..='\u{30FE}' => {
                char::from_u32(u32::from(c) - 0x60).unwrap_or(c)
            }
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
        for no_letter in ["ー", "・", "ー ・ー"] {
            assert!(!is_kana(no_letter), "{no_letter}");
        }
    }

    #[test]
    fn katakana_and_hiragana_readings_sort_together() {
        assert_eq!(sort_key("ヤマダ タロウ"), sort_key("やまだ たろう"));
        assert_eq!(sort_key("ジョン・スミス"), "じょんすみす");
        assert_eq!(sort_key("ヽヾ"), "ゝゞ");
        assert!(sort_key("らーめん") < sort_key("らん"));
        let mut readings = ["わたなべ", "アベ", "いとう"];
        readings.sort_by_key(|r| sort_key(r));
        assert_eq!(readings, ["アベ", "いとう", "わたなべ"]);
    }
}
