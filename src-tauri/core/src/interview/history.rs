//! The amendments of held interviews: what the notes or a sheet section were, what they
//! became, and when. Nothing written after an interview is held overwrites what was there
//! without a trace.
//!
//! The editor saves while the consultant types, so one amendment is one burst of editing: a
//! save within [`BURST`] of the previous change to the same text extends that amendment
//! (its `before` stays the text as it was before the burst); a later save starts a new one.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use sqlx::SqliteConnection;

use crate::ids::{AmendmentId, InterviewId, SheetSectionId};
use crate::record::Result;
use crate::text;
use crate::vault::Vault;

/// How long a pause ends one amendment.
pub(crate) const BURST: Duration = Duration::minutes(10);

/// One kept change of a held interview.
#[derive(Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Amendment {
    /// The amendment's id.
    pub id: AmendmentId,
    /// The interview amended.
    pub interview_id: InterviewId,
    /// The sheet section amended; absent for the free notes.
    pub sheet_section_id: Option<SheetSectionId>,
    /// The text before the amendment.
    pub before: String,
    /// The text after it.
    pub after: String,
    /// When the amendment began.
    pub started_at: DateTime<Utc>,
    /// When it was last extended.
    pub changed_at: DateTime<Utc>,
}

text::debug_without_content!(Amendment, id, interview_id, sheet_section_id, changed_at);

/// Every amendment of an interview, oldest first: the first one's `before` is the text as it
/// stood when the interview was marked held.
pub async fn list(vault: &Vault, interview_id: InterviewId) -> Result<Vec<Amendment>> {
    let mut tx = vault.read().await?;
    super::store::get(&mut tx, interview_id).await?;
    Ok(sqlx::query_as(
        "SELECT id, interview_id, sheet_section_id, before, after, started_at, changed_at
         FROM amendments WHERE interview_id = ? ORDER BY id",
    )
    .bind(interview_id)
    .fetch_all(&mut *tx)
    .await?)
}

/// Keeps a change from `before` to `after` of the notes (`section` absent) or of a section.
pub(crate) async fn record(
    conn: &mut SqliteConnection,
    interview_id: InterviewId,
    section: Option<SheetSectionId>,
    before: &str,
    after: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let latest: Option<(AmendmentId, String, DateTime<Utc>)> = sqlx::query_as(
        "SELECT id, after, changed_at FROM amendments
         WHERE interview_id = ? AND sheet_section_id IS ?
         ORDER BY id DESC LIMIT 1",
    )
    .bind(interview_id)
    .bind(section)
    .fetch_optional(&mut *conn)
    .await?;
    match latest {
        Some((id, latest_after, changed_at))
            if latest_after == before && now - changed_at < BURST =>
        {
            sqlx::query("UPDATE amendments SET after = ?, changed_at = ? WHERE id = ?")
                .bind(after)
                .bind(now)
                .bind(id)
                .execute(&mut *conn)
                .await?;
        }
        _ => {
            sqlx::query(
                "INSERT INTO amendments (interview_id, sheet_section_id, before, after, started_at,
                                         changed_at)
                 VALUES (?, ?, ?, ?, ?, ?)",
            )
            .bind(interview_id)
            .bind(section)
            .bind(before)
            .bind(after)
            .bind(now)
            .bind(now)
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}
