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
use crate::{client, search};

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

/// How often erasure tries to empty the write-ahead log, and how long it waits between tries.
const LOG_ATTEMPTS: u32 = 5;
const LOG_RETRY_DELAY: std::time::Duration = std::time::Duration::from_millis(40);

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
    client::store::delete(&mut tx, request.client_id).await?;
    search::store::forget_client(&mut tx, request.client_id).await?;
    tx.commit().await?;
    // The client is gone once committed: a log that cannot be emptied now is reported, not
    // an error. A read in progress (a list the screen is refreshing) holds the log back for
    // a moment, so a few tries follow; failing those, it is emptied at the latest when the
    // vault locks and the last connection closes.
    for attempt in 1..=LOG_ATTEMPTS {
        if vault.truncate_log().await.unwrap_or(false) {
            return Ok(Erased { log_emptied: true });
        }
        if attempt < LOG_ATTEMPTS {
            tokio::time::sleep(LOG_RETRY_DELAY).await;
        }
    }
    Ok(Erased { log_emptied: false })
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
