//! The `reports` and `report_versions` tables: the only SQL that touches them.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::{Report, ReportParts, ReportVersion, VersionOrigin};
use crate::db::Statement;
use crate::ids::{ClientId, ProgramId, ReportId, ReportVersionId};
use crate::interview::history::BURST;
use crate::record::{unique_violation, Entity, Error, Field, Result};

const PARTS: &str = "career_awareness, workplace, organisational, proposed_support";

/// Binds the four parts in the order of [`PARTS`].
fn bind_parts<'q>(statement: Statement<'q>, parts: &'q ReportParts) -> Statement<'q> {
    statement
        .bind(&parts.career_awareness)
        .bind(&parts.workplace)
        .bind(&parts.organisational)
        .bind(&parts.proposed_support)
}

#[derive(sqlx::FromRow)]
struct ReportRow {
    id: ReportId,
    client_id: ClientId,
    program_id: ProgramId,
    #[sqlx(flatten)]
    parts: ReportParts,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct VersionRow {
    id: ReportVersionId,
    report_id: ReportId,
    #[sqlx(flatten)]
    parts: ReportParts,
    origin: VersionOrigin,
    started_at: DateTime<Utc>,
    saved_at: DateTime<Utc>,
}

pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    client_id: ClientId,
    program_id: ProgramId,
    parts: &ReportParts,
    now: DateTime<Utc>,
) -> Result<ReportId> {
    sqlx::query_scalar(&format!(
        "INSERT INTO reports (client_id, program_id, {PARTS}, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"
    ))
    .bind(client_id)
    .bind(program_id)
    .bind(&parts.career_awareness)
    .bind(&parts.workplace)
    .bind(&parts.organisational)
    .bind(&parts.proposed_support)
    .bind(now)
    .bind(now)
    .fetch_one(conn)
    .await
    .map_err(|error| {
        match unique_violation("reports.client_id, reports.program_id", Field::Program)(error) {
            Error::Duplicate(_) => Error::ReportExists,
            other => other,
        }
    })
}

pub(crate) async fn set_parts(
    conn: &mut SqliteConnection,
    id: ReportId,
    parts: &ReportParts,
    now: DateTime<Utc>,
) -> Result<()> {
    bind_parts(
        sqlx::query(
            "UPDATE reports SET career_awareness = ?, workplace = ?, organisational = ?,
                                proposed_support = ?, updated_at = ?
             WHERE id = ?",
        ),
        parts,
    )
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Keeps `parts` as a version: an edit within [`BURST`] of the latest version, when that one
/// was an edit too, extends it; anything else starts a new one.
pub(crate) async fn keep_version(
    conn: &mut SqliteConnection,
    id: ReportId,
    parts: &ReportParts,
    origin: VersionOrigin,
    now: DateTime<Utc>,
) -> Result<()> {
    let latest: Option<(ReportVersionId, VersionOrigin, DateTime<Utc>)> = sqlx::query_as(
        "SELECT id, origin, saved_at FROM report_versions
         WHERE report_id = ? ORDER BY id DESC LIMIT 1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    match latest {
        Some((version_id, VersionOrigin::Edited, saved_at))
            if origin == VersionOrigin::Edited && now - saved_at < BURST =>
        {
            bind_parts(
                sqlx::query(
                    "UPDATE report_versions SET career_awareness = ?, workplace = ?,
                            organisational = ?, proposed_support = ?, saved_at = ?
                     WHERE id = ?",
                ),
                parts,
            )
            .bind(now)
            .bind(version_id)
            .execute(conn)
            .await?;
        }
        _ => {
            let sql = format!(
                "INSERT INTO report_versions ({PARTS}, report_id, origin, started_at, saved_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            );
            bind_parts(sqlx::query(&sql), parts)
                .bind(id)
                .bind(origin)
                .bind(now)
                .bind(now)
                .execute(conn)
                .await?;
        }
    }
    Ok(())
}

pub(crate) async fn get(conn: &mut SqliteConnection, id: ReportId) -> Result<Report> {
    let row: ReportRow = sqlx::query_as(&format!(
        "SELECT id, client_id, program_id, {PARTS}, created_at, updated_at
         FROM reports WHERE id = ?"
    ))
    .bind(id)
    .fetch_optional(conn)
    .await?
    .ok_or(Error::NotFound(Entity::Report, id.0))?;
    Ok(Report {
        id: row.id,
        client_id: row.client_id,
        program_id: row.program_id,
        parts: row.parts,
        created_at: row.created_at,
        updated_at: row.updated_at,
    })
}

/// A client's reports: each one's program and when it last changed.
pub(crate) async fn list(
    conn: &mut SqliteConnection,
    client_id: ClientId,
) -> Result<Vec<(ReportId, ProgramId, DateTime<Utc>)>> {
    Ok(sqlx::query_as(
        "SELECT id, program_id, updated_at FROM reports WHERE client_id = ? ORDER BY id",
    )
    .bind(client_id)
    .fetch_all(conn)
    .await?)
}

const VERSION_COLUMNS: &str = "id, report_id, career_awareness, workplace, organisational, \
                               proposed_support, origin, started_at, saved_at";

fn version_of(row: VersionRow) -> ReportVersion {
    ReportVersion {
        id: row.id,
        report_id: row.report_id,
        parts: row.parts,
        origin: row.origin,
        started_at: row.started_at,
        saved_at: row.saved_at,
    }
}

pub(crate) async fn versions(
    conn: &mut SqliteConnection,
    id: ReportId,
) -> Result<Vec<ReportVersion>> {
    let rows: Vec<VersionRow> = sqlx::query_as(&format!(
        "SELECT {VERSION_COLUMNS} FROM report_versions WHERE report_id = ? ORDER BY id DESC"
    ))
    .bind(id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(version_of).collect())
}

/// A version of this report (another report's version is not found).
pub(crate) async fn version(
    conn: &mut SqliteConnection,
    report_id: ReportId,
    id: ReportVersionId,
) -> Result<ReportVersion> {
    let row: VersionRow = sqlx::query_as(&format!(
        "SELECT {VERSION_COLUMNS} FROM report_versions WHERE id = ? AND report_id = ?"
    ))
    .bind(id)
    .bind(report_id)
    .fetch_optional(conn)
    .await?
    .ok_or(Error::NotFound(Entity::ReportVersion, id.0))?;
    Ok(version_of(row))
}

/// Whether a client has a report: it belongs to their company's program, so they stay with
/// that company.
pub(crate) async fn any_for_client(
    conn: &mut SqliteConnection,
    client_id: ClientId,
) -> Result<bool> {
    Ok(
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM reports WHERE client_id = ?)")
            .bind(client_id)
            .fetch_one(conn)
            .await?,
    )
}
