//! The `vault_settings` and `retention_decisions` tables: the only SQL that touches them.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use crate::ids::ClientId;
use crate::record::Result;

pub(crate) async fn years(conn: &mut SqliteConnection) -> Result<u32> {
    Ok(
        sqlx::query_scalar("SELECT retention_years FROM vault_settings WHERE id = 1")
            .fetch_one(conn)
            .await?,
    )
}

pub(crate) async fn set_years(conn: &mut SqliteConnection, years: u32) -> Result<()> {
    sqlx::query("UPDATE vault_settings SET retention_years = ? WHERE id = 1")
        .bind(years)
        .execute(conn)
        .await?;
    Ok(())
}

pub(crate) async fn insert_decision(
    conn: &mut SqliteConnection,
    client_id: ClientId,
    decided_on: NaiveDate,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO retention_decisions (client_id, decided_on, reason, created_at)
         VALUES (?, ?, ?, ?)",
    )
    .bind(client_id)
    .bind(decided_on)
    .bind(reason)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Each client's latest decision to keep them, with its reason.
pub(crate) async fn latest_decisions(
    conn: &mut SqliteConnection,
) -> Result<HashMap<ClientId, (NaiveDate, String)>> {
    let rows: Vec<(ClientId, NaiveDate, String)> = sqlx::query_as(
        "SELECT client_id, decided_on, reason FROM retention_decisions d
         WHERE id = (SELECT id FROM retention_decisions
                     WHERE client_id = d.client_id ORDER BY decided_on DESC, id DESC LIMIT 1)",
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(client_id, decided_on, reason)| (client_id, (decided_on, reason)))
        .collect())
}
