//! Shared rules for the free text a consultant types into fields.

/// Trims a required field; `None` when nothing but whitespace was given.
pub(crate) fn required(value: &str) -> Option<String> {
    let trimmed = value.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// Trims an optional field, treating whitespace-only as absent.
pub(crate) fn optional(value: Option<&str>) -> Option<String> {
    value.and_then(required)
}

/// An enum's name as serde writes it (`consent_granted`, `hr` …): the one spelling records,
/// hashes and documents use, so it is never written a second time by hand.
pub(crate) fn wire_name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|value| value.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Lower-case hexadecimal, as hashes are written in records and manifests.
pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut text, byte| {
            let _ = write!(text, "{byte:02x}");
            text
        })
}

/// Whether `value` fits in `max_chars` characters (not bytes: Japanese is 3 bytes a character).
pub(crate) fn fits(value: &str, max_chars: usize) -> bool {
    value.chars().count() <= max_chars
}

/// Implements `Debug` showing only the named fields (ids, dates), never names or notes: the
/// first `tracing::debug!(?session)` anyone adds must not put client content in a log.
macro_rules! debug_without_content {
    ($type:ident $(, $field:ident)*) => {
        impl std::fmt::Debug for $type {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(stringify!($type))
                    $(.field(stringify!($field), &self.$field))*
                    .finish_non_exhaustive()
            }
        }
    };
}
pub(crate) use debug_without_content;

/// Whether `c` is a bidirectional control (U+202A–U+202E, U+2066–U+2069, the marks U+200E,
/// U+200F and U+061C): invisible, they make a text display as something it is not.
pub(crate) fn reorders(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}
