//! A search box's text as words to find.

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
