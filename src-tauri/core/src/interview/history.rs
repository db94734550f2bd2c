//! The amendments of held interviews: what the notes or a sheet section were, what they
//! became, and when. Nothing written after an interview is held overwrites what was there
//! without a trace.
//!
//! The editor saves while the consultant types, so one amendment is one burst of editing: a
//! save within [`BURST`] of the previous change to the same text extends that amendment
//! (its `before` stays the text as it was before the burst); a later save starts a new one.
//!
//! The latest amendment of a text stores no `after`: since every change is recorded here, it
//! is the text as it stands, and extending a burst writes only the time. Its `after` is kept
//! when the next amendment begins, from the text as it was then.

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
        "SELECT a.id, a.interview_id, a.sheet_section_id, a.before,
                coalesce(a.after, CASE WHEN a.sheet_section_id IS NULL THEN i.notes
                                       ELSE s.text END) AS after,
                a.started_at, a.changed_at
         FROM amendments a
         JOIN interviews i ON i.id = a.interview_id
         LEFT JOIN sheet_sections s ON s.id = a.sheet_section_id
         WHERE a.interview_id = ? ORDER BY a.id",
    )
    .bind(interview_id)
    .fetch_all(&mut *tx)
    .await?)
}

/// Keeps a change from `before` to `after` of the notes (`section` absent) or of a section;
/// `after` has already been stored as the text.
pub(crate) async fn record(
    conn: &mut SqliteConnection,
    interview_id: InterviewId,
    section: Option<SheetSectionId>,
    before: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let latest: Option<(AmendmentId, bool, DateTime<Utc>)> = sqlx::query_as(
        "SELECT id, after IS NULL, changed_at FROM amendments
         WHERE interview_id = ? AND sheet_section_id IS ?
         ORDER BY id DESC LIMIT 1",
    )
    .bind(interview_id)
    .bind(section)
    .fetch_optional(&mut *conn)
    .await?;
    match latest {
        Some((id, true, changed_at)) if now - changed_at < BURST => {
            sqlx::query("UPDATE amendments SET changed_at = ? WHERE id = ?")
                .bind(now)
                .bind(id)
                .execute(&mut *conn)
                .await?;
        }
        _ => {
            if let Some((id, true, _)) = latest {
                sqlx::query("UPDATE amendments SET after = ? WHERE id = ?")
                    .bind(before)
                    .bind(id)
                    .execute(&mut *conn)
                    .await?;
            }
            sqlx::query(
                "INSERT INTO amendments (interview_id, sheet_section_id, before, after, started_at,
                                         changed_at)
                 VALUES (?, ?, ?, NULL, ?, ?)",
            )
            .bind(interview_id)
            .bind(section)
            .bind(before)
            .bind(now)
            .bind(now)
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}
