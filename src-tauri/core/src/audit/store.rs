//! The `audit_log` table: the only SQL that touches it, and the chain's hashing.

use chrono::{DateTime, SecondsFormat, Utc};
use sha2::{Digest, Sha256};
use sqlx::SqliteConnection;

use super::{Action, AuditEntry};
use crate::record::Result;

/// The `previous_hash` of the first entry.
pub(crate) const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// SHA-256 over fields, each length-prefixed so that no two different lists hash the same
/// text, and a missing field (SQL NULL) apart from an empty one.
pub(crate) fn digest(fields: &[Option<&str>]) -> String {
    let mut hasher = Sha256::new();
    for field in fields {
        match field {
            Some(text) => {
                hasher.update((text.len() as u64).to_be_bytes());
                hasher.update(text.as_bytes());
            }
            None => hasher.update(u64::MAX.to_be_bytes()),
        }
    }
    crate::text::hex(&hasher.finalize())
}

/// A fresh random salt (128 bits, hex) for a digest that must not confirm a guess.
pub(crate) fn salt() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    crate::text::hex(&bytes)
}

/// One entry's hash: over the previous hash and every field.
fn hash(previous: &str, id: i64, at: &str, action: &str, subject: &str, detail: &str) -> String {
    digest(&[
        Some(previous),
        Some(&id.to_string()),
        Some(at),
        Some(action),
        Some(subject),
        Some(detail),
    ])
}

/// Appends an entry, chained to the last one, in the caller's transaction, and gives its hash.
pub(crate) async fn append(
    conn: &mut SqliteConnection,
    action: Action,
    subject: &str,
    detail: &str,
    now: DateTime<Utc>,
) -> Result<String> {
    let last: Option<(i64, String)> =
        sqlx::query_as("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
            .fetch_optional(&mut *conn)
            .await?;
    let (id, previous) = match last {
        Some((id, hash)) => (id + 1, hash),
        None => (1, GENESIS.to_owned()),
    };
    let at = now.to_rfc3339_opts(SecondsFormat::Micros, true);
    let hash = hash(
        &previous,
        id,
        &at,
        &crate::text::wire_name(&action),
        subject,
        detail,
    );
    sqlx::query(
        "INSERT INTO audit_log (id, at, action, subject, detail, previous_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(id)
    .bind(&at)
    .bind(action)
    .bind(subject)
    .bind(detail)
    .bind(&previous)
    .bind(&hash)
    .execute(conn)
    .await?;
    Ok(hash)
}

pub(crate) async fn list(conn: &mut SqliteConnection) -> Result<Vec<AuditEntry>> {
    let rows: Vec<(i64, DateTime<Utc>, Action, String, String, String)> = sqlx::query_as(
        "SELECT id, at, action, subject, detail, hash FROM audit_log ORDER BY id DESC",
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, at, action, subject, detail, hash)| AuditEntry {
            id,
            at,
            action,
            subject,
            detail,
            hash,
        })
        .collect())
}

pub(crate) async fn head(conn: &mut SqliteConnection) -> Result<String> {
    let head: Option<String> =
        sqlx::query_scalar("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1")
            .fetch_optional(conn)
            .await?;
    Ok(head.unwrap_or_else(|| GENESIS.to_owned()))
}

/// An entry as the chain holds it, for checking the records it names.
pub(crate) struct Logged {
    pub(crate) id: i64,
    pub(crate) action: String,
    pub(crate) subject: String,
    pub(crate) detail: String,
    pub(crate) hash: String,
}

/// Walks the chain: every entry in order, or the first entry that does not hold.
pub(crate) async fn walk(
    conn: &mut SqliteConnection,
) -> Result<std::result::Result<Vec<Logged>, i64>> {
    // Read as stored text, not as typed values: the hash covers exactly what was written.
    let rows: Vec<(i64, String, String, String, String, String, String)> = sqlx::query_as(
        "SELECT id, at, action, subject, detail, previous_hash, hash FROM audit_log ORDER BY id",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut expected_previous = GENESIS;
    for (expected_id, (id, at, action, subject, detail, previous, stored)) in (1..).zip(&rows) {
        let holds = *id == expected_id
            && *previous == expected_previous
            && hash(previous, *id, at, action, subject, detail) == *stored;
        if !holds {
            return Ok(Err(expected_id.min(*id)));
        }
        expected_previous = stored;
    }
    Ok(Ok(rows
        .into_iter()
        .map(|(id, _, action, subject, detail, _, hash)| Logged {
            id,
            action,
            subject,
            detail,
            hash,
        })
        .collect()))
}
