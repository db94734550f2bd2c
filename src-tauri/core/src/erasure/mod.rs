//! Erasure (削除, the right to erasure): a client and everything that is theirs (interviews,
//! sheets, amendments, questionnaires, action plans, flags and their search index entries)
//! removed so that no page of the database, decrypted, still holds any of it.
//!
//! One transaction deletes the client; the schema's cascades and the search index's triggers
//! delete the rest, and nothing is left half-erased if it is interrupted. Freed pages are
//! zeroed (`secure_delete`), FTS5 removes index terms at once (its `secure-delete` option), and
//! the write-ahead log, which still holds the old pages, is emptied afterwards.

use serde::Deserialize;

use crate::ids::ClientId;
use crate::record::{Error, Result};
use crate::text;
use crate::vault::Vault;
use crate::{audit, client, search};

/// The consultant's request to erase a client.
#[derive(Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ErasureRequest {
    /// The client to erase.
    pub client_id: ClientId,
    /// The client's name, typed again: erasure cannot be undone, so it is never one click.
    pub confirmation: String,
}

text::debug_without_content!(ErasureRequest, client_id);

/// What became of the write-ahead log after an erasure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Erased {
    /// Whether the log was emptied too. When a read held it back, the old pages leave the log
    /// at the next checkpoint (at the latest when the vault locks).
    pub log_emptied: bool,
}

/// Erases a client after checking the typed confirmation. A wrong confirmation changes
/// nothing.
pub async fn erase_client(vault: &Vault, request: &ErasureRequest) -> Result<Erased> {
    let mut tx = vault.write().await?;
    let stored = client::store::get(&mut tx, request.client_id).await?;
    if comparable(&request.confirmation) != comparable(&stored.name) {
        return Err(Error::NotConfirmed);
    }
    // Logged first: the consents and provision records leave or change only after an erasure
    // the log holds (the tables' guards look for it).
    audit::store::append(
        &mut tx,
        audit::Action::Erasure,
        &format!("KZ-{}", request.client_id),
        "",
        chrono::Utc::now(),
    )
    .await?;
    client::store::delete(&mut tx, request.client_id).await?;
    search::store::forget_client(&mut tx, request.client_id).await?;
    crate::overall::store::forget_client(&mut tx, request.client_id).await?;
    tx.commit().await?;
    // The client is gone once committed: a log that cannot be emptied now is reported, not
    // an error. The checkpoint waits (the connection's busy timeout) for a read in progress
    // to finish; failing that, the log is emptied at the latest when the vault locks and the
    // last connection closes.
    let log_emptied = vault.truncate_log().await.unwrap_or(false);
    Ok(Erased { log_emptied })
}

/// A name as the consultant may type it: full-width or half-width, any run of spaces
/// (「佐藤　花子」 through an IME is 「佐藤 花子」).
fn comparable(name: &str) -> String {
    crate::client::kana::nfkc(name)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;
