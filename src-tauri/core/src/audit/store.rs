//! The `audit_log` table: the only SQL that touches it, and the chain's hashing.

use chrono::{DateTime, SecondsFormat, Utc};
use sha2::{Digest, Sha256};
use sqlx::SqliteConnection;

use super::{Action, AuditEntry, Verdict};
use crate::record::Result;

/// The `previous_hash` of the first entry.
pub(crate) const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One entry's hash: SHA-256 over the previous hash and every field, each length-prefixed so
/// that no two different entries hash the same text.
fn hash(previous: &str, id: i64, at: &str, action: &str, subject: &str, detail: &str) -> String {
    let mut hasher = Sha256::new();
    for field in [previous, &id.to_string(), at, action, subject, detail] {
        hasher.update((field.len() as u64).to_be_bytes());
        hasher.update(field.as_bytes());
    }
    crate::text::hex(&hasher.finalize())
}

/// Appends an entry, chained to the last one, in the caller's transaction.
pub(crate) async fn append(
    conn: &mut SqliteConnection,
    action: Action,
    subject: &str,
    detail: &str,
    now: DateTime<Utc>,
) -> Result<()> {
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
    Ok(())
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

pub(crate) async fn verify(conn: &mut SqliteConnection, heads: &[String]) -> Result<Verdict> {
    // Read as stored text, not as typed values: the hash covers exactly what was written.
    let rows: Vec<(i64, String, String, String, String, String, String)> = sqlx::query_as(
        "SELECT id, at, action, subject, detail, previous_hash, hash FROM audit_log ORDER BY id",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut expected_previous = GENESIS.to_owned();
    let mut expected_id = 1;
    for (id, at, action, subject, detail, previous, stored) in &rows {
        let holds = *id == expected_id
            && *previous == expected_previous
            && hash(previous, *id, at, action, subject, detail) == *stored;
        if !holds {
            return Ok(Verdict::Broken {
                at_entry: expected_id.min(*id),
            });
        }
        expected_previous.clone_from(stored);
        expected_id += 1;
    }
    // A chain cut short still holds: what it must contain shows the cut.
    let mut missing: Vec<String> = sqlx::query_scalar(
        "SELECT 'KZP-' || p.id FROM provision_records p
         WHERE NOT EXISTS (SELECT 1 FROM audit_log a
                           WHERE a.action = 'export' AND a.subject LIKE 'KZP-' || p.id || ' %')
         UNION ALL
         SELECT 'KZC-' || c.id FROM consents c
         WHERE NOT EXISTS (SELECT 1 FROM audit_log a
                           WHERE a.action = 'consent_granted'
                             AND a.subject LIKE 'KZC-' || c.id || ' %')",
    )
    .fetch_all(&mut *conn)
    .await?;
    missing.extend(
        heads
            .iter()
            .filter(|head| !rows.iter().any(|row| row.6 == **head))
            .cloned(),
    );
    if !missing.is_empty() {
        return Ok(Verdict::Incomplete { missing });
    }
    Ok(Verdict::Intact {
        entries: expected_id - 1,
        head: expected_previous,
    })
}
