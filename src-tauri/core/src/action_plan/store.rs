//! The `action_items` and `action_progress` tables: the only SQL that touches them.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use super::{ActionItem, ActionStatus, ProgressNote, Smart, ValidItem};
use crate::db::{self, Statement};
use crate::ids::{ActionItemId, ClientId, InterviewId};
use crate::record::{Entity, Error, Result};

const COLUMNS: &str = "id, client_id, interview_id, what, how, due_on, specific, measurable, \
                       achievable, related, time_bound, status, created_at, updated_at";

/// The columns an item's input writes, in the order [`bind_columns`] binds them; the client
/// is set at insert only.
const WRITTEN: &[&str] = &[
    "interview_id",
    "what",
    "how",
    "due_on",
    "specific",
    "measurable",
    "achievable",
    "related",
    "time_bound",
    "status",
];

const PROGRESS_COLUMNS: &str =
    "id, action_item_id, interview_id, noted_on, note, status, created_at";

fn bind_columns<'q>(statement: Statement<'q>, item: &'q ValidItem) -> Statement<'q> {
    statement
        .bind(item.interview_id)
        .bind(&item.what)
        .bind(&item.how)
        .bind(item.due_on)
        .bind(item.smart.specific)
        .bind(item.smart.measurable)
        .bind(item.smart.achievable)
        .bind(item.smart.related)
        .bind(item.smart.time_bound)
        .bind(item.status)
}

#[derive(sqlx::FromRow)]
struct Row {
    id: ActionItemId,
    client_id: ClientId,
    interview_id: Option<InterviewId>,
    what: String,
    how: Option<String>,
    due_on: Option<NaiveDate>,
    specific: bool,
    measurable: bool,
    achievable: bool,
    related: bool,
    time_bound: bool,
    status: ActionStatus,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl Row {
    fn with_progress(self, progress: Vec<ProgressNote>) -> ActionItem {
        let smart = Smart {
            specific: self.specific,
            measurable: self.measurable,
            achievable: self.achievable,
            related: self.related,
            time_bound: self.time_bound,
        };
        ActionItem {
            id: self.id,
            client_id: self.client_id,
            interview_id: self.interview_id,
            what: self.what,
            how: self.how,
            due_on: self.due_on,
            smart,
            smart_missing: smart.missing(),
            status: self.status,
            progress,
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }
}

pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    item: &ValidItem,
    now: DateTime<Utc>,
) -> Result<ActionItemId> {
    let columns = [&["client_id"], WRITTEN].concat();
    let sql = db::insert_sql("action_items", &columns);
    let inserted = bind_columns(sqlx::query(&sql).bind(item.client_id), item)
        .bind(now)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(ActionItemId(inserted.last_insert_rowid()))
}

pub(crate) async fn update(
    conn: &mut SqliteConnection,
    id: ActionItemId,
    item: &ValidItem,
    now: DateTime<Utc>,
) -> Result<()> {
    let sql = db::update_sql("action_items", WRITTEN);
    let updated = bind_columns(sqlx::query(&sql), item)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    found(updated.rows_affected(), id)
}

pub(crate) async fn set_status(
    conn: &mut SqliteConnection,
    id: ActionItemId,
    status: ActionStatus,
    now: DateTime<Utc>,
) -> Result<()> {
    let updated = sqlx::query("UPDATE action_items SET status = ?, updated_at = ? WHERE id = ?")
        .bind(status)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    found(updated.rows_affected(), id)
}

fn found(rows: u64, id: ActionItemId) -> Result<()> {
    if rows == 0 {
        return Err(Error::NotFound(Entity::ActionItem, id.0));
    }
    Ok(())
}

/// A progress note about to be written.
pub(crate) struct NewProgress<'a> {
    pub(crate) action_item_id: ActionItemId,
    pub(crate) interview_id: Option<InterviewId>,
    pub(crate) noted_on: NaiveDate,
    pub(crate) note: &'a str,
    pub(crate) status: Option<ActionStatus>,
}

pub(crate) async fn insert_progress(
    conn: &mut SqliteConnection,
    progress: &NewProgress<'_>,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO action_progress
             (action_item_id, interview_id, noted_on, note, status, created_at)
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(progress.action_item_id)
    .bind(progress.interview_id)
    .bind(progress.noted_on)
    .bind(progress.note)
    .bind(progress.status)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

pub(crate) async fn get(conn: &mut SqliteConnection, id: ActionItemId) -> Result<ActionItem> {
    let row: Row = sqlx::query_as(&format!("SELECT {COLUMNS} FROM action_items WHERE id = ?"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(Error::NotFound(Entity::ActionItem, id.0))?;
    let progress = sqlx::query_as(&format!(
        "SELECT {PROGRESS_COLUMNS} FROM action_progress WHERE action_item_id = ?
         ORDER BY noted_on, id"
    ))
    .bind(id)
    .fetch_all(conn)
    .await?;
    Ok(row.with_progress(progress))
}

pub(crate) async fn list(
    conn: &mut SqliteConnection,
    client_id: ClientId,
) -> Result<Vec<ActionItem>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM action_items WHERE client_id = ?
         ORDER BY status NOT IN ('not_started', 'in_progress'),
                  CASE WHEN status IN ('not_started', 'in_progress')
                       THEN coalesce(due_on, '9999-12-31') END,
                  id DESC"
    ))
    .bind(client_id)
    .fetch_all(&mut *conn)
    .await?;
    let notes: Vec<ProgressNote> = sqlx::query_as(&format!(
        "SELECT {PROGRESS_COLUMNS} FROM action_progress
         WHERE action_item_id IN (SELECT id FROM action_items WHERE client_id = ?)
         ORDER BY noted_on, id"
    ))
    .bind(client_id)
    .fetch_all(conn)
    .await?;
    let mut by_item: HashMap<ActionItemId, Vec<ProgressNote>> = HashMap::new();
    for note in notes {
        by_item.entry(note.action_item_id).or_default().push(note);
    }
    Ok(rows
        .into_iter()
        .map(|row| {
            let progress = by_item.remove(&row.id).unwrap_or_default();
            row.with_progress(progress)
        })
        .collect())
}

/// An open item past its date, for the dashboard.
pub(crate) struct OverdueRow {
    pub(crate) id: ActionItemId,
    pub(crate) client_id: ClientId,
    pub(crate) what: String,
    pub(crate) due_on: NaiveDate,
}

/// Open items of `clients` due before `today`, oldest date first (the dashboard asks about
/// active clients only).
pub(crate) async fn overdue(
    conn: &mut SqliteConnection,
    today: NaiveDate,
    clients: &[ClientId],
) -> Result<Vec<OverdueRow>> {
    let ids = db::json_ids(clients);
    let rows: Vec<(ActionItemId, ClientId, String, NaiveDate)> = sqlx::query_as(
        "SELECT id, client_id, what, due_on FROM action_items
         WHERE status IN ('not_started', 'in_progress') AND due_on IS NOT NULL AND due_on < ?
           AND client_id IN (SELECT value FROM json_each(?))
         ORDER BY due_on, id",
    )
    .bind(today)
    .bind(ids)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, client_id, what, due_on)| OverdueRow {
            id,
            client_id,
            what,
            due_on,
        })
        .collect())
}
