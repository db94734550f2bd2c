//! The provision record (第三者提供の記録): for every package given to a third party, to whom,
//! whose data, which items, on which consent, and when, as the personal-information law asks
//! of a business that provides personal data with the person's consent. Records are kept at
//! least three years ([`KEEP_YEARS`]), even when the client is erased meanwhile: the record then
//! names them only by Kizuki's reference (`KZ-<id>`), never by name.

pub(crate) mod store;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::ids::{ClientId, ConsentId};
use crate::record::Result;
use crate::text;
use crate::vault::Vault;

/// How long a provision record is kept, at least.
pub const KEEP_YEARS: u32 = 3;

/// One provision to a third party.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProvisionRecord {
    /// Its number.
    pub id: i64,
    /// When the package was made.
    pub provided_at: DateTime<Utc>,
    /// `hr`, `boss` or `supervisor`.
    pub recipient_kind: String,
    /// The recipient as the consent names them.
    pub recipient_name: String,
    /// The client, while they are kept.
    pub client_id: Option<ClientId>,
    /// The client's name, or `KZ-<id>` once they are erased.
    pub person: String,
    /// What was provided: the parts by name, each flag as `flag:<id>`.
    pub items: Vec<String>,
    /// The consent relied on.
    pub consent_id: ConsentId,
    /// The day that consent was given.
    pub consent_granted_on: NaiveDate,
    /// SHA-256 of the package file as written.
    pub package_sha256: String,
    /// The record is kept at least until this day.
    pub keep_until: NaiveDate,
    /// How the package was encrypted.
    pub sealed_for: Sealing,
}

/// How a package was encrypted, as its provision record keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Sealing {
    /// To a passphrase passed on separately.
    Passphrase,
    /// To these public keys.
    Keys {
        /// The recipients' public keys (`age1…` or SSH).
        keys: Vec<String>,
    },
    /// Made before records kept this.
    Unrecorded,
}

impl Sealing {
    /// Reads the column [`crate::package::Encryption::sealed_for`] wrote.
    pub(crate) fn read(stored: &str) -> Self {
        let mut lines = stored.lines();
        match lines.next() {
            Some("passphrase") => Self::Passphrase,
            Some("keys") => Self::Keys {
                keys: lines.map(str::to_owned).collect(),
            },
            _ => Self::Unrecorded,
        }
    }
}

text::debug_without_content!(ProvisionRecord, id, provided_at, client_id, consent_id);

/// Every provision record, newest first.
pub async fn list(vault: &Vault) -> Result<Vec<ProvisionRecord>> {
    store::list(&mut *vault.read().await?).await
}

#[cfg(test)]
mod tests {
    use super::Sealing;
    use crate::package::Encryption;

    #[test]
    fn a_record_says_how_its_package_was_sealed_without_the_passphrase() {
        let passphrase = Encryption::Passphrase("ひみつのあいことばです".to_owned().into());
        assert_eq!(passphrase.sealed_for(), "passphrase");
        assert_eq!(passphrase.in_log(), "passphrase");
        assert_eq!(Sealing::read(&passphrase.sealed_for()), Sealing::Passphrase);
        let keys = Encryption::Recipients(vec![" age1abc ".into(), "ssh-ed25519 AAAA x".into()]);
        assert_eq!(
            Sealing::read(&keys.sealed_for()),
            Sealing::Keys {
                keys: vec!["age1abc".into(), "ssh-ed25519 AAAA x".into()]
            }
        );
        assert_eq!(
            keys.in_log(),
            format!(
                "keys:{},{}",
                &crate::package::sha256(b"age1abc")[..16],
                &crate::package::sha256(b"ssh-ed25519 AAAA x")[..16]
            )
        );
        assert_eq!(Sealing::read(""), Sealing::Unrecorded);
    }
}
