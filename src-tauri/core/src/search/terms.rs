//! A search box's text as words to find.

use unicode_normalization::UnicodeNormalization;

use crate::ids::ClientId;
use crate::record::{Error, Field, Result};

/// The longest query accepted.
pub const MAX_QUERY_CHARS: usize = 200;

/// The words of `query`: split at spaces (ASCII or full-width), with punctuation trimmed
/// from each end (「上司」 finds 上司), repeats dropped. A query with no word left (only
/// spaces or punctuation) is refused rather than matching everything.
pub(crate) fn parse(query: &str) -> Result<Vec<String>> {
    if query.chars().count() > MAX_QUERY_CHARS {
        return Err(Error::TooLong(Field::Query));
    }
    let mut words: Vec<String> = Vec::new();
    for word in query.split_whitespace() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        if !word.is_empty() && !words.iter().any(|known| known == word) {
            words.push(word.to_owned());
        }
    }
    if words.is_empty() {
        return Err(Error::NoSearchWords);
    }
    Ok(words)
}

/// The forms of a word a text may hold it in: as typed, its NFKC form (ＳＥ as SE, ｶﾀｶﾅ as
/// カタカナ), and that form's full-width Latin (SE as ＳＥ), since an IME writes either. The
/// index folds case itself.
pub(crate) fn variants(word: &str) -> Vec<String> {
    let normal: String = word.nfkc().collect();
    let wide: String = normal.chars().map(widen).collect();
    let mut forms = vec![word.to_owned()];
    for form in [normal, wide] {
        if !forms.contains(&form) {
            forms.push(form);
        }
    }
    forms
}

/// A character as a snippet compares it: its NFKC form when that is one character (Ｓ as S,
/// ｱ as ア), in lower case.
pub(crate) fn fold(c: char) -> char {
    let mut normal = c
        .to_string()
        .nfkc()
        .collect::<String>()
        .chars()
        .collect::<Vec<_>>();
    let c = if normal.len() == 1 {
        normal.remove(0)
    } else {
        c
    };
    c.to_lowercase().next().unwrap_or(c)
}

/// Printable ASCII as its full-width form (S as Ｓ); anything else as it is.
fn widen(c: char) -> char {
    match c {
        '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// The client a query names by Kizuki's reference alone (`KZ-42`, any case, full-width
/// characters as an IME types them).
pub(crate) fn reference(words: &[String]) -> Option<ClientId> {
    let [word] = words else {
        return None;
    };
    // Full-width (ＫＺ－４２) as half-width, any case.
    let folded: String = word
        .chars()
        .map(fold)
        .collect::<String>()
        .to_ascii_uppercase();
    let digits = folded.strip_prefix(crate::ics::REFERENCE_PREFIX)?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().map(ClientId)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_split_trimmed_and_deduplicated() {
        assert_eq!(
            parse("「上司」　異動、 上司 career!").ok(),
            Some(vec![
                "上司".to_owned(),
                "異動".to_owned(),
                "career".to_owned()
            ])
        );
        assert_eq!(parse("鬱").ok(), Some(vec!["鬱".to_owned()]));
        assert_eq!(
            parse("ワーク・ライフ").ok(),
            Some(vec!["ワーク・ライフ".to_owned()])
        );
    }

    #[test]
    fn a_word_is_looked_for_in_the_widths_an_ime_may_have_typed() {
        assert_eq!(variants("ＳＥ"), ["ＳＥ", "SE"]);
        assert_eq!(variants("SE"), ["SE", "ＳＥ"]);
        assert_eq!(variants("ｶﾀｶﾅ"), ["ｶﾀｶﾅ", "カタカナ"]);
        assert_eq!(variants("上司"), ["上司"]);
        assert_eq!(fold('Ｓ'), 's');
        assert_eq!(fold('ｱ'), 'ア');
        assert_eq!(fold('上'), '上');
    }

    #[test]
    fn a_reference_alone_names_a_client() {
        let words = |query: &str| parse(query).unwrap_or_default();
        assert_eq!(reference(&words("KZ-42")), Some(ClientId(42)));
        assert_eq!(reference(&words(" kz-7 ")), Some(ClientId(7)));
        assert_eq!(reference(&words("ＫＺ－４２")), Some(ClientId(42)));
        for not_one in ["KZ-", "KZ-4a", "KZ-42 上司", "XKZ-42", "KZ42"] {
            assert_eq!(reference(&words(not_one)), None, "{not_one}");
        }
    }

    #[test]
    fn a_query_without_words_or_too_long_is_refused() {
        for nothing in ["", "   ", "「」、。！？", "... --- !!!"] {
            assert!(
                matches!(parse(nothing), Err(Error::NoSearchWords)),
                "{nothing:?}"
            );
        }
        assert!(matches!(
            parse(&"あ".repeat(MAX_QUERY_CHARS + 1)),
            Err(Error::TooLong(Field::Query))
        ));
    }
}
