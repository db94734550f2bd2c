//! What Kizuki accepts as a new passphrase.

use age::secrecy::SecretString;

use super::error::{Error, Result};
use super::key::passphrase_chars;

/// The fewest characters a new passphrase may have. Characters, not bytes: a passphrase of
/// Japanese words carries more per character, and scrypt already makes each guess cost a second.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// Checks a passphrase that is about to wrap the database key.
pub(crate) fn check_new(passphrase: &SecretString) -> Result<()> {
    if passphrase_chars(passphrase) < MIN_PASSPHRASE_CHARS {
        return Err(Error::PassphraseTooShort {
            min: MIN_PASSPHRASE_CHARS,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_not_bytes() {
        // Seven kanji are 21 bytes but still too short; eight are enough.
        assert!(matches!(
            check_new(&SecretString::from("一二三四五六七".to_owned())),
            Err(Error::PassphraseTooShort { min: 8 })
        ));
        assert!(check_new(&SecretString::from("一二三四五六七八".to_owned())).is_ok());
    }
}
