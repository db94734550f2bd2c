//! The `flags` table: the only SQL that touches it.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::{Flag, ValidFlag};
use crate::db::{self, Statement};
use crate::ids::{ClientId, FlagId};
use crate::record::{Entity, Error, Result};

const COLUMNS: &str = "id, client_id, interview_id, kind, note, referred_to, raised_on, \
                       handled_on, created_at, updated_at";

/// The columns a flag's input writes, in the order [`bind_columns`] binds them; the client
/// is set at insert only.
const WRITTEN: &[&str] = &[
    "interview_id",
    "kind",
    "note",
    "referred_to",
    "raised_on",
    "handled_on",
];

fn bind_columns<'q>(statement: Statement<'q>, flag: &'q ValidFlag) -> Statement<'q> {
    statement
        .bind(flag.interview_id)
        .bind(flag.kind)
        .bind(&flag.note)
        .bind(&flag.referred_to)
        .bind(flag.raised_on)
        .bind(flag.handled_on)
}

pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    flag: &ValidFlag,
    now: DateTime<Utc>,
) -> Result<FlagId> {
    let columns = [&["client_id"], WRITTEN].concat();
    let sql = db::insert_sql("flags", &columns);
    let inserted = bind_columns(sqlx::query(&sql).bind(flag.client_id), flag)
        .bind(now)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(FlagId(inserted.last_insert_rowid()))
}

pub(crate) async fn update(
    conn: &mut SqliteConnection,
    id: FlagId,
    flag: &ValidFlag,
    now: DateTime<Utc>,
) -> Result<()> {
    let sql = db::update_sql("flags", WRITTEN);
    let updated = bind_columns(sqlx::query(&sql), flag)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    if updated.rows_affected() == 0 {
        return Err(Error::NotFound(Entity::Flag, id.0));
    }
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

/// Every open flag, oldest first: the dashboard lists them all.
pub(crate) async fn open(conn: &mut SqliteConnection) -> Result<Vec<Flag>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM flags WHERE handled_on IS NULL ORDER BY raised_on, id"
    ))
    .fetch_all(conn)
    .await?)
}
