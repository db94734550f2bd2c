//! The `overall_reports` and `overall_exports` tables: the only SQL that touches them.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use super::earlier::{Earlier, Figures};
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

/// The figures every earlier export of the program published.
pub(crate) async fn earlier_exports(
    conn: &mut SqliteConnection,
    program_id: ProgramId,
) -> Result<Vec<Earlier>> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT exported_on, figures FROM overall_exports WHERE program_id = ? ORDER BY id",
    )
    .bind(program_id)
    .fetch_all(conn)
    .await?;
    // A record that no longer parses fails the report: compared as nothing, it would let the
    // next export be subtracted from it.
    rows.into_iter()
        .map(|(exported_on, figures)| {
            Ok(Earlier {
                exported_on,
                figures: serde_json::from_str(&figures)
                    .map_err(|error| sqlx::Error::Decode(Box::new(error)))?,
            })
        })
        .collect()
}

/// Records what an export published.
pub(crate) async fn record_export(
    conn: &mut SqliteConnection,
    program_id: ProgramId,
    exported_on: NaiveDate,
    figures: &Figures,
) -> Result<()> {
    sqlx::query("INSERT INTO overall_exports (program_id, exported_on, figures) VALUES (?, ?, ?)")
        .bind(program_id)
        .bind(exported_on.to_string())
        .bind(serde_json::to_string(figures).unwrap_or_default())
        .execute(conn)
        .await?;
    Ok(())
}

/// Replaces an erased client's id in every recorded export by a placeholder: the comparisons
/// still see one person who was there, but no id of theirs stays, and a client who takes the
/// id later is not taken for them (ids are reused once the newest is erased).
pub(crate) async fn forget_client(
    conn: &mut SqliteConnection,
    client_id: crate::ids::ClientId,
) -> Result<()> {
    let rows: Vec<(i64, String)> = sqlx::query_as("SELECT id, figures FROM overall_exports")
        .fetch_all(&mut *conn)
        .await?;
    // Negative, so never a client's id; one per erasure, the same in every export.
    let placeholder =
        -1 - i64::from(rand::random::<u32>()) - (i64::from(rand::random::<u16>()) << 32);
    for (id, text) in rows {
        let mut figures: Figures =
            serde_json::from_str(&text).map_err(|error| sqlx::Error::Decode(Box::new(error)))?;
        let mut changed = false;
        for group in &mut figures.groups {
            for set in [&mut group.members, &mut group.interviewed] {
                if set.remove(&client_id.0) {
                    set.insert(placeholder);
                    changed = true;
                }
            }
        }
        if changed {
            sqlx::query("UPDATE overall_exports SET figures = ? WHERE id = ?")
                .bind(serde_json::to_string(&figures).unwrap_or_default())
                .bind(id)
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}
