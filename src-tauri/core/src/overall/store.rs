//! The `overall_reports` table: the only SQL that touches it.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::{OverallText, OverallTextInput};
use crate::ids::ProgramId;
use crate::record::Result;

pub(crate) async fn text(
    conn: &mut SqliteConnection,
    program_id: ProgramId,
) -> Result<OverallText> {
    let stored: Option<(String, String, DateTime<Utc>)> = sqlx::query_as(
        "SELECT findings, proposals, updated_at FROM overall_reports WHERE program_id = ?",
    )
    .bind(program_id)
    .fetch_optional(conn)
    .await?;
    Ok(match stored {
        Some((findings, proposals, updated_at)) => OverallText {
            program_id,
            findings,
            proposals,
            updated_at: Some(updated_at),
        },
        None => OverallText {
            program_id,
            findings: String::new(),
            proposals: String::new(),
            updated_at: None,
        },
    })
}

pub(crate) async fn save_text(
    conn: &mut SqliteConnection,
    program_id: ProgramId,
    input: &OverallTextInput,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO overall_reports (program_id, findings, proposals, updated_at)
         VALUES (?, ?, ?, ?)
         ON CONFLICT (program_id) DO UPDATE SET findings = excluded.findings,
                                                proposals = excluded.proposals,
                                                updated_at = excluded.updated_at",
    )
    .bind(program_id)
    .bind(&input.findings)
    .bind(&input.proposals)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}
