//! Passphrases and keys as the UI sends them: a secret type from the moment the command's
//! arguments are deserialized, so no command holds one as a plain `String` (which derives
//! `Debug` and is freed unzeroed). The JSON text Tauri parsed them from is its own, freed
//! unzeroed, and beyond Kizuki's reach.

use secrecy::SecretString;
use serde::{Deserialize, Deserializer};

/// A passphrase or key typed in the UI; a string on the TypeScript side.
#[derive(specta::Type)]
#[specta(transparent)]
pub struct Secret(#[specta(type = String)] SecretString);

impl Secret {
    pub fn expose(&self) -> &SecretString {
        &self.0
    }

    pub fn into_inner(self) -> SecretString {
        self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(..)")
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(|text| Self(SecretString::from(text)))
    }
}
