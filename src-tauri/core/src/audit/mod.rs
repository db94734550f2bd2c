//! The audit log: every export, consent change and erasure, in order. Each entry's hash covers
//! the entry and the hash before it, so that changing or removing any entry breaks the chain
//! from there on, and [`verify`] says where. The table refuses updates and deletes; the chain
//! is what shows an edit made around that refusal.
//!
//! Removing the newest entries leaves a shorter chain that still holds, so [`verify`] also
//! checks the chain against what must be in it: every provision record's export and every
//! consent's grant and revocation (while those records are kept), and any head written down
//! elsewhere (each package's manifest carries the hash of its own entry). The entries carry
//! digests of the consent's terms, its revocation and the provision record, so an edit of a
//! record made around its table's guards shows too.
//!
//! What the log cannot prove: whoever holds the vault's key can rewrite the newest entries
//! and the records together, consistently. Only a hash kept outside the vault (a recipient's
//! package, a head noted down from the records page) pins the log up to it.
//!
//! Entries name records only by Kizuki's references (`KZ-12` for a client, `KZC-3` for a
//! consent), never by names or content: the log outlives the records it speaks of.
//!
//! Writes append in the transaction of what they record, so the log and the records agree.

mod records;
pub(crate) mod store;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::record::Result;
use crate::vault::Vault;

/// What an entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, sqlx::Type)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum Action {
    /// A consent was recorded.
    ConsentGranted,
    /// A consent was revoked.
    ConsentRevoked,
    /// A package was written for a third party.
    Export,
    /// A backup of the vault was written.
    Backup,
    /// The vault was restored from a backup (logged in the restored vault).
    Restore,
    /// A client was erased.
    Erasure,
    /// A package was imported into the inbox.
    Import,
    /// The database was copied under a new key (old key files open it no more).
    Rekey,
}

/// One entry of the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AuditEntry {
    /// Its place in the log, from 1.
    pub id: i64,
    /// When.
    pub at: DateTime<Utc>,
    /// What.
    pub action: Action,
    /// The references of the records concerned.
    pub subject: String,
    /// More about it, in references and counts.
    pub detail: String,
    /// The entry's hash (SHA-256, hex).
    pub hash: String,
}

/// What [`verify`] found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", tag = "state")]
pub enum Verdict {
    /// Every entry's hash holds, and each follows the one before it.
    Intact {
        /// How many entries.
        entries: i64,
        /// The last entry's hash: writing it down elsewhere lets a later check show that
        /// nothing was rewritten since.
        head: String,
    },
    /// The chain breaks at this entry: it, or one before it, was changed or removed.
    Broken {
        /// The first entry that does not hold.
        #[serde(rename = "atEntry")]
        at_entry: i64,
    },
    /// The chain holds but lacks entries it must have: the newest were removed.
    Incomplete {
        /// What lacks its entry: provision records (`KZP-<id>`), consents (`KZC-<id>`, or
        /// `KZC-<id>:revoked` for a revocation), or heads written down elsewhere.
        missing: Vec<String>,
    },
    /// The chain holds, but records differ from what their entries recorded: they were
    /// changed around the tables' guards.
    Altered {
        /// The records changed: consents (`KZC-<id>`) or provision records (`KZP-<id>`).
        records: Vec<String>,
    },
}

/// The log, newest first.
pub async fn list(vault: &Vault) -> Result<Vec<AuditEntry>> {
    store::list(&mut *vault.read().await?).await
}

/// Walks the whole chain, and checks every provision record and consent still kept against
/// its entry.
pub async fn verify(vault: &Vault) -> Result<Verdict> {
    verify_against(vault, &[]).await
}

/// [`verify`], and also that each of `heads` (hashes written down elsewhere, such as a
/// package's `auditHead`) is in the chain.
pub async fn verify_against(vault: &Vault, heads: &[String]) -> Result<Verdict> {
    let mut conn = vault.read().await?;
    let log = match store::walk(&mut conn).await? {
        Ok(log) => log,
        Err(at_entry) => return Ok(Verdict::Broken { at_entry }),
    };
    // A chain cut short still holds: what it must contain shows the cut.
    let records::Findings {
        mut missing,
        altered,
    } = records::check(&mut conn, &log).await?;
    missing.extend(
        heads
            .iter()
            .filter(|head| !log.iter().any(|entry| entry.hash == **head))
            .cloned(),
    );
    if !missing.is_empty() {
        return Ok(Verdict::Incomplete { missing });
    }
    if !altered.is_empty() {
        return Ok(Verdict::Altered { records: altered });
    }
    Ok(Verdict::Intact {
        entries: log.len() as i64,
        head: log
            .last()
            .map_or_else(|| store::GENESIS.to_owned(), |entry| entry.hash.clone()),
    })
}

/// The hash of the last entry (the chain's head), or the genesis value of an empty log.
pub async fn head(vault: &Vault) -> Result<String> {
    store::head(&mut *vault.read().await?).await
}

#[cfg(test)]
mod tests;
