//! The recovery key: a second way to unwrap the database key when the passphrase is forgotten.
//!
//! It is an age X25519 identity (`AGE-SECRET-KEY-1…`), so a consultant who has lost Kizuki itself
//! can still decrypt `key.recovery.age` with the reference `age` tool.

use std::str::FromStr;

use age::secrecy::{ExposeSecret, SecretString};
use zeroize::Zeroizing;

use super::error::{Error, Result};

/// A recovery key. Derives nothing; its text is available only through
/// [`RecoveryKey::expose_text`], for showing it to the consultant once.
pub struct RecoveryKey(age::x25519::Identity);

impl std::fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryKey(..)")
    }
}

impl RecoveryKey {
    pub(crate) fn generate() -> Self {
        Self(age::x25519::Identity::generate())
    }

    /// Parses a recovery key as the consultant typed it back: case, spaces and line breaks
    /// (from writing it down in groups) do not matter. Each form of the text is built in a
    /// buffer sized once and zeroed when dropped, so none is left behind in freed memory.
    pub fn parse(text: &SecretString) -> Result<Self> {
        const PREFIX: &str = "AGE-SECRET-KEY-1";
        let typed = text.expose_secret();
        // Dashes go too, so that grouped copies ("AGE-SECRET-KEY-1QQ…" split by dashes or
        // spaces) parse; the canonical prefix is restored below.
        let mut compact = Zeroizing::new(String::with_capacity(typed.len()));
        for c in typed.chars().filter(|c| !c.is_whitespace() && *c != '-') {
            compact.push(c.to_ascii_uppercase());
        }
        let body = compact
            .strip_prefix("AGESECRETKEY1")
            .ok_or(Error::InvalidRecoveryKey)?;
        let mut canonical = Zeroizing::new(String::with_capacity(PREFIX.len() + body.len()));
        canonical.push_str(PREFIX);
        canonical.push_str(body);
        age::x25519::Identity::from_str(&canonical)
            .map(Self)
            .map_err(|_| Error::InvalidRecoveryKey)
    }

    /// The key's text, to be shown once at setup and never stored.
    pub fn expose_text(&self) -> SecretString {
        self.0.to_string()
    }

    pub(crate) fn recipient(&self) -> age::x25519::Recipient {
        self.0.to_public()
    }

    pub(crate) fn identity(&self) -> &age::x25519::Identity {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_its_own_text_even_lowercased_and_grouped() -> Result<()> {
        let key = RecoveryKey::generate();
        let text = key.expose_text().expose_secret().to_owned();
        let grouped: String = text
            .to_lowercase()
            .chars()
            .collect::<Vec<_>>()
            .chunks(8)
            .map(|chunk| chunk.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join(" \n");
        let parsed = RecoveryKey::parse(&SecretString::from(grouped))?;
        assert_eq!(parsed.expose_text().expose_secret(), text.as_str());
        Ok(())
    }

    #[test]
    fn rejects_text_that_is_not_a_recovery_key() {
        for text in [
            "",
            "パスワード",
            "AGE-SECRET-KEY-1",
            "age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",
        ] {
            assert!(matches!(
                RecoveryKey::parse(&SecretString::from(text.to_owned())),
                Err(Error::InvalidRecoveryKey)
            ));
        }
    }
}
