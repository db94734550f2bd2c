//! The `flags` table: the only SQL that touches it.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::{Flag, ValidFlag};
use crate::ids::{ClientId, FlagId};
use crate::record::{Entity, Error, Result};

const COLUMNS: &str = "id, client_id, interview_id, kind, note, referred_to, raised_on, \
                       handled_on, created_at, updated_at";

pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    flag: &ValidFlag,
    now: DateTime<Utc>,
) -> Result<FlagId> {
    Ok(sqlx::query_scalar(
        "INSERT INTO flags (client_id, interview_id, kind, note, referred_to, raised_on,
                            handled_on, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(flag.client_id)
    .bind(flag.interview_id)
    .bind(flag.kind)
    .bind(&flag.note)
    .bind(&flag.referred_to)
    .bind(flag.raised_on)
    .bind(flag.handled_on)
    .bind(now)
    .bind(now)
    .fetch_one(conn)
    .await?)
}

pub(crate) async fn update(
    conn: &mut SqliteConnection,
    id: FlagId,
    flag: &ValidFlag,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "UPDATE flags SET interview_id = ?, kind = ?, note = ?, referred_to = ?, raised_on = ?,
                          handled_on = ?, updated_at = ?
         WHERE id = ?",
    )
    .bind(flag.interview_id)
    .bind(flag.kind)
    .bind(&flag.note)
    .bind(&flag.referred_to)
    .bind(flag.raised_on)
    .bind(flag.handled_on)
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

pub(crate) async fn get(conn: &mut SqliteConnection, id: FlagId) -> Result<Flag> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM flags WHERE id = ?"))
        .bind(id)
        .fetch_optional(conn)
        .await?
        .ok_or(Error::NotFound(Entity::Flag, id.0))
}

pub(crate) async fn list(conn: &mut SqliteConnection, client_id: ClientId) -> Result<Vec<Flag>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM flags WHERE client_id = ?
         ORDER BY handled_on IS NOT NULL, raised_on DESC, id DESC"
    ))
    .bind(client_id)
    .fetch_all(conn)
    .await?)
}

pub(crate) async fn open_counts_by_client(
    conn: &mut SqliteConnection,
) -> Result<HashMap<ClientId, u32>> {
    let rows: Vec<(ClientId, u32)> = sqlx::query_as(
        "SELECT client_id, count(*) FROM flags WHERE handled_on IS NULL GROUP BY client_id",
    )
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().collect())
}
