//! The `interviews` table: the only SQL that touches it.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use super::{Interview, InterviewKind, InterviewSummary, ValidDetails};
use crate::db::{self, Statement};
use crate::ids::{ClientId, InterviewId, ProgramId};
use crate::record::{Entity, Error, Result};

/// How much of the notes a list shows.
const PREVIEW_CHARS: usize = 60;

/// The columns an interview's details write, in the order [`bind_columns`] binds them; the
/// client is set at insert only.
const COLUMNS: &[&str] = &[
    "program_id",
    "kind",
    "scheduled_at",
    "held_at",
    "duration_minutes",
    "place",
    "purpose",
    "theme",
    "follow_up_due_on",
];

fn bind_columns<'q>(statement: Statement<'q>, details: &'q ValidDetails) -> Statement<'q> {
    statement
        .bind(details.program_id)
        .bind(details.kind)
        .bind(&details.scheduled_at)
        .bind(&details.held_at)
        .bind(details.duration_minutes)
        .bind(details.place)
        .bind(&details.purpose)
        .bind(&details.theme)
        .bind(details.follow_up_due_on)
}

pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    client_id: ClientId,
    details: &ValidDetails,
    now: DateTime<Utc>,
) -> Result<InterviewId> {
    let columns = [&["client_id"], COLUMNS].concat();
    let sql = db::insert_sql("interviews", &columns);
    let inserted = bind_columns(sqlx::query(&sql).bind(client_id), details)
        .bind(now)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(InterviewId(inserted.last_insert_rowid()))
}

pub(crate) async fn update(
    conn: &mut SqliteConnection,
    id: InterviewId,
    details: &ValidDetails,
    now: DateTime<Utc>,
) -> Result<()> {
    let sql = db::update_sql("interviews", COLUMNS);
    let updated = bind_columns(sqlx::query(&sql), details)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    found(updated.rows_affected(), id)
}

pub(crate) async fn set_held_at(
    conn: &mut SqliteConnection,
    id: InterviewId,
    held_at: &str,
    follow_up_due_on: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> Result<()> {
    let updated = sqlx::query(
        "UPDATE interviews SET held_at = ?, follow_up_due_on = ?, updated_at = ? WHERE id = ?",
    )
    .bind(held_at)
    .bind(follow_up_due_on)
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?;
    found(updated.rows_affected(), id)
}

pub(crate) async fn set_notes(
    conn: &mut SqliteConnection,
    id: InterviewId,
    notes: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let updated = sqlx::query("UPDATE interviews SET notes = ?, updated_at = ? WHERE id = ?")
        .bind(notes)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    found(updated.rows_affected(), id)
}

/// A change to the sheet changes the interview too: its `updated_at` is the last change of
/// anything in it.
pub(crate) async fn touch(
    conn: &mut SqliteConnection,
    id: InterviewId,
    now: DateTime<Utc>,
) -> Result<()> {
    let updated = sqlx::query("UPDATE interviews SET updated_at = ? WHERE id = ?")
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    found(updated.rows_affected(), id)
}

fn found(rows: u64, id: InterviewId) -> Result<()> {
    if rows == 0 {
        return Err(Error::NotFound(Entity::Interview, id.0));
    }
    Ok(())
}

pub(crate) async fn get(conn: &mut SqliteConnection, id: InterviewId) -> Result<Interview> {
    sqlx::query_as(
        "SELECT id, client_id, program_id, kind, scheduled_at, held_at, duration_minutes, place,
                purpose, theme, follow_up_due_on, notes, created_at, updated_at
         FROM interviews WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?
    .ok_or(Error::NotFound(Entity::Interview, id.0))
}

/// Whether the interview is held (its notes and sheet changes are then kept as amendments).
pub(crate) async fn is_held(conn: &mut SqliteConnection, id: InterviewId) -> Result<bool> {
    let held: Option<bool> =
        sqlx::query_scalar("SELECT held_at IS NOT NULL FROM interviews WHERE id = ?")
            .bind(id)
            .fetch_optional(conn)
            .await?;
    held.ok_or(Error::NotFound(Entity::Interview, id.0))
}

pub(crate) async fn list(
    conn: &mut SqliteConnection,
    client_id: ClientId,
) -> Result<Vec<InterviewSummary>> {
    #[allow(clippy::type_complexity)]
    let rows: Vec<(
        InterviewId,
        InterviewKind,
        Option<String>,
        Option<String>,
        String,
        DateTime<Utc>,
    )> = sqlx::query_as(
        "SELECT id, kind, scheduled_at, held_at, substr(notes, 1, 400), updated_at
             FROM interviews WHERE client_id = ?
             ORDER BY coalesce(held_at, scheduled_at) DESC, id DESC",
    )
    .bind(client_id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, kind, scheduled_at, held_at, notes_start, updated_at)| InterviewSummary {
                id,
                client_id,
                kind,
                scheduled_at,
                held_at,
                notes_preview: preview(&notes_start),
                updated_at,
            },
        )
        .collect())
}

/// Each of `clients`' latest interview time (held, else scheduled); clients without one are
/// left out. One look into `interviews_by_client` per client, rather than a pass over every
/// interview.
pub(crate) async fn latest_by_client(
    conn: &mut SqliteConnection,
    clients: &[ClientId],
) -> Result<HashMap<ClientId, String>> {
    let json: String = sqlx::query_scalar(
        "SELECT json_group_array(json_array(value,
                    (SELECT coalesce(held_at, scheduled_at) FROM interviews
                     WHERE client_id = value
                     ORDER BY coalesce(held_at, scheduled_at) DESC, id DESC LIMIT 1)))
         FROM json_each(?)",
    )
    .bind(db::json_ids(clients))
    .fetch_one(conn)
    .await?;
    let rows: Vec<(ClientId, Option<String>)> = db::rows_from_json(&json)?;
    Ok(rows
        .into_iter()
        .filter_map(|(client_id, latest)| Some((client_id, latest?)))
        .collect())
}

/// A held interview as the documents drawn from interviews list it.
#[derive(sqlx::FromRow)]
pub(crate) struct HeldInterview {
    pub(crate) id: InterviewId,
    pub(crate) kind: InterviewKind,
    pub(crate) held_at: String,
    pub(crate) theme: Option<String>,
}

/// A client's held interviews with them (initial, follow-up, additional: not a boss
/// consultation or the consultant's supervision), in one program or in any, oldest first:
/// what their report and a summary for HR draw on.
pub(crate) async fn held_with_client(
    conn: &mut SqliteConnection,
    client_id: ClientId,
    program_id: Option<ProgramId>,
) -> Result<Vec<HeldInterview>> {
    Ok(sqlx::query_as(
        "SELECT id, kind, held_at, theme FROM interviews
         WHERE client_id = ? AND (?2 IS NULL OR program_id = ?2) AND held_at IS NOT NULL
           AND kind IN ('initial', 'follow_up', 'additional')
         ORDER BY held_at, id",
    )
    .bind(client_id)
    .bind(program_id)
    .fetch_all(conn)
    .await?)
}

/// An interview on the dashboard.
pub(crate) struct MomentRow {
    pub(crate) id: InterviewId,
    pub(crate) client_id: ClientId,
    pub(crate) kind: InterviewKind,
    pub(crate) at: String,
    pub(crate) held: bool,
}

/// Interviews held or scheduled from `first` to `last` (days, inclusive), in time order.
pub(crate) async fn between(
    conn: &mut SqliteConnection,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<MomentRow>> {
    let rows: Vec<(InterviewId, ClientId, InterviewKind, String, bool)> = sqlx::query_as(
        "SELECT id, client_id, kind, coalesce(held_at, scheduled_at), held_at IS NOT NULL
         FROM interviews
         WHERE coalesce(held_at, scheduled_at) >= ? AND coalesce(held_at, scheduled_at) < ?
         ORDER BY coalesce(held_at, scheduled_at), id",
    )
    .bind(first.format("%Y-%m-%d").to_string())
    // Moments are text: every moment of the last day sorts before the next day.
    .bind(
        last.succ_opt()
            .unwrap_or(last)
            .format("%Y-%m-%d")
            .to_string(),
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, client_id, kind, at, held)| MomentRow {
            id,
            client_id,
            kind,
            at,
            held,
        })
        .collect())
}

/// A client whose next interview falls due: the latest interview is held and names a date.
pub(crate) struct DueRow {
    pub(crate) client_id: ClientId,
    pub(crate) interview_id: InterviewId,
    pub(crate) due_on: NaiveDate,
}

/// Which of `clients` have their next interview due by `until`: their latest interview with
/// them (initial, follow-up or additional: not a boss consultation or supervision, which are
/// about them but not with them) is held and set a date. An interview scheduled since means
/// the follow-up is planned, unless its day passed (`today`) without it being held: a no-show
/// plans nothing. Only the clients asked about are read (the dashboard asks about active
/// ones, a small part of a decade's), from `interviews_timeline` alone.
pub(crate) async fn follow_ups_due(
    conn: &mut SqliteConnection,
    until: NaiveDate,
    today: NaiveDate,
    clients: &[ClientId],
) -> Result<Vec<DueRow>> {
    let ids = db::json_ids(clients);
    // SQLite takes a bare column from the row holding the max(): each client's latest.
    let rows: Vec<(ClientId, InterviewId, NaiveDate)> = sqlx::query_as(
        "SELECT client_id, id, follow_up_due_on FROM (
             SELECT client_id, id, held_at, follow_up_due_on,
                    max(coalesce(held_at, scheduled_at) || ' ' || (1000000000000 + id))
             FROM interviews INDEXED BY interviews_timeline
             WHERE client_id IN (SELECT value FROM json_each(?3))
               AND kind IN ('initial', 'follow_up', 'additional')
               AND (held_at IS NOT NULL OR scheduled_at >= ?2)
             GROUP BY client_id)
         WHERE held_at IS NOT NULL AND follow_up_due_on <= ?1
         ORDER BY follow_up_due_on, id",
    )
    .bind(until)
    .bind(today.format("%Y-%m-%d").to_string())
    .bind(ids)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(client_id, interview_id, due_on)| DueRow {
            client_id,
            interview_id,
            due_on,
        })
        .collect())
}

/// Each of `clients`' last held interview day (retention counts from it); clients never
/// interviewed are left out.
pub(crate) async fn last_held_by_client(
    conn: &mut SqliteConnection,
    clients: &[ClientId],
) -> Result<HashMap<ClientId, NaiveDate>> {
    let json: String = sqlx::query_scalar(
        "SELECT json_group_array(json_array(value,
                    (SELECT max(held_at) FROM interviews INDEXED BY interviews_timeline
                     WHERE client_id = value)))
         FROM json_each(?)",
    )
    .bind(db::json_ids(clients))
    .fetch_one(conn)
    .await?;
    let rows: Vec<(ClientId, Option<String>)> = db::rows_from_json(&json)?;
    Ok(rows
        .into_iter()
        .filter_map(|(client_id, held_at)| Some((client_id, crate::calendar::day_of(&held_at?)?)))
        .collect())
}

/// Whether any of a client's interviews belongs to a program.
pub(crate) async fn any_in_a_program(
    conn: &mut SqliteConnection,
    client_id: ClientId,
) -> Result<bool> {
    Ok(sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM interviews WHERE client_id = ? AND program_id IS NOT NULL)",
    )
    .bind(client_id)
    .fetch_one(conn)
    .await?)
}

/// The first non-blank line, cut to [`PREVIEW_CHARS`] characters.
fn preview(notes: &str) -> String {
    let line = notes
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty())
        .unwrap_or("");
    let mut preview: String = line.chars().take(PREVIEW_CHARS).collect();
    if line.chars().count() > PREVIEW_CHARS {
        preview.push('…');
    }
    preview
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preview_takes_the_first_non_blank_line_and_shortens_it() {
        assert_eq!(
            preview("\n\n  現在の業務について  \n二行目"),
            "現在の業務について"
        );
        let long = "あ".repeat(PREVIEW_CHARS + 5);
        assert_eq!(preview(&long).chars().count(), PREVIEW_CHARS + 1);
        assert_eq!(preview(""), "");
    }
}
