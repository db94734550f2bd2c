//! Sessions (面談): one interview with a client, with the notes taken while listening.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::client::{self, ClientId};
use crate::text;
use crate::vault::Vault;
use crate::ErrorCode;

/// The longest notes accepted for one session: far beyond any interview, small enough that a
/// runaway paste cannot bloat the vault.
pub const MAX_NOTES_CHARS: usize = 200_000;
/// How much of the notes a session list shows.
const PREVIEW_CHARS: usize = 60;

/// A session's id, as printed by the CLI and passed over IPC.
pub type SessionId = i64;

/// What the consultant enters to add a session.
#[derive(Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct NewSession {
    /// The client interviewed.
    pub client_id: ClientId,
    /// The day, as `YYYY-MM-DD`. Text rather than a date so that a bad date is this module's
    /// [`Error::InvalidDate`] and not a deserialisation failure.
    pub held_on: String,
    /// Notes, possibly empty.
    pub notes: String,
}

/// A session as stored.
#[derive(Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Session {
    /// The session's id.
    pub id: SessionId,
    /// The client interviewed.
    pub client_id: ClientId,
    /// The day of the interview.
    pub held_on: NaiveDate,
    /// The free notes.
    pub notes: String,
    /// When the session was added.
    pub created_at: DateTime<Utc>,
    /// When the notes were last saved.
    pub updated_at: DateTime<Utc>,
}

/// A row of a client's session list.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SessionSummary {
    /// The session's id.
    pub id: SessionId,
    /// The client interviewed.
    pub client_id: ClientId,
    /// The day of the interview.
    pub held_on: NaiveDate,
    /// The first line of the notes, shortened.
    pub notes_preview: String,
    /// When the notes were last saved.
    pub updated_at: DateTime<Utc>,
}

text::debug_without_content!(NewSession, client_id, held_on);
text::debug_without_content!(Session, id, client_id, held_on);
text::debug_without_content!(SessionSummary, id, client_id, held_on);

/// What can go wrong with sessions.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The date is not a calendar date written `YYYY-MM-DD`.
    #[error("the date is not a valid YYYY-MM-DD date")]
    InvalidDate,
    /// The notes exceed [`MAX_NOTES_CHARS`].
    #[error("the notes are longer than {MAX_NOTES_CHARS} characters")]
    NotesTooLong,
    /// No session has this id.
    #[error("no session has id {0}")]
    NotFound(SessionId),
    /// The client does not exist.
    #[error(transparent)]
    Client(#[from] client::Error),
    /// The database failed.
    #[error("database error")]
    Database(#[from] sqlx::Error),
}

impl Error {
    /// The code front-ends translate for the user.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::InvalidDate => ErrorCode::InvalidDate,
            Self::NotesTooLong => ErrorCode::TextTooLong,
            Self::NotFound(_) => ErrorCode::SessionNotFound,
            Self::Client(error) => error.code(),
            Self::Database(error) => crate::db::error_code(error),
        }
    }
}

/// The session module's result.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The years a session can plausibly be in; also keeps dates sorting correctly as text.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

/// Parses a `YYYY-MM-DD` date strictly: ten ASCII characters, digits and two dashes, a real
/// calendar date, a plausible year. chrono alone would also take signs and inner spaces.
pub fn parse_date(text: &str) -> Result<NaiveDate> {
    let text = text.trim();
    let well_formed = text.len() == 10
        && text.bytes().enumerate().all(|(i, byte)| match i {
            4 | 7 => byte == b'-',
            _ => byte.is_ascii_digit(),
        });
    if !well_formed {
        return Err(Error::InvalidDate);
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| Error::InvalidDate)?;
    if !YEARS.contains(&chrono::Datelike::year(&date)) {
        return Err(Error::InvalidDate);
    }
    Ok(date)
}

fn check_notes(notes: &str) -> Result<()> {
    if notes.chars().count() > MAX_NOTES_CHARS {
        return Err(Error::NotesTooLong);
    }
    Ok(())
}

/// Adds a session to an existing client.
pub async fn create(vault: &Vault, new_session: &NewSession) -> Result<Session> {
    let held_on = parse_date(&new_session.held_on)?;
    check_notes(&new_session.notes)?;
    client::ensure_exists(vault, new_session.client_id).await?;
    let now = Utc::now();
    let id: SessionId = sqlx::query_scalar(
        "INSERT INTO sessions (client_id, held_on, notes, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(new_session.client_id)
    .bind(held_on)
    .bind(&new_session.notes)
    .bind(now)
    .bind(now)
    .fetch_one(vault.pool())
    .await?;
    get(vault, id).await
}

/// One session by id.
pub async fn get(vault: &Vault, id: SessionId) -> Result<Session> {
    sqlx::query_as(
        "SELECT id, client_id, held_on, notes, created_at, updated_at FROM sessions WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(vault.pool())
    .await?
    .ok_or(Error::NotFound(id))
}

/// Replaces a session's notes (the editor's autosave) and returns the saved session.
pub async fn save_notes(vault: &Vault, id: SessionId, notes: &str) -> Result<Session> {
    check_notes(notes)?;
    let updated = sqlx::query("UPDATE sessions SET notes = ?, updated_at = ? WHERE id = ?")
        .bind(notes)
        .bind(Utc::now())
        .bind(id)
        .execute(vault.pool())
        .await?;
    if updated.rows_affected() == 0 {
        return Err(Error::NotFound(id));
    }
    get(vault, id).await
}

/// A client's sessions, newest first.
pub async fn list(vault: &Vault, client_id: ClientId) -> Result<Vec<SessionSummary>> {
    client::ensure_exists(vault, client_id).await?;
    let rows: Vec<(SessionId, NaiveDate, String, DateTime<Utc>)> = sqlx::query_as(
        "SELECT id, held_on, substr(notes, 1, 400), updated_at FROM sessions
         WHERE client_id = ? ORDER BY held_on DESC, id DESC",
    )
    .bind(client_id)
    .fetch_all(vault.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, held_on, notes_start, updated_at)| SessionSummary {
            id,
            client_id,
            held_on,
            notes_preview: preview(&notes_start),
            updated_at,
        })
        .collect())
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
    fn parses_only_real_dates_in_iso_form() {
        assert_eq!(
            parse_date("2026-11-21").ok(),
            NaiveDate::from_ymd_opt(2026, 11, 21)
        );
        for bad in [
            "2026-02-30",
            "2026/11/21",
            "21-11-2026",
            "2026-1-5",
            "",
            "明日",
            "2026-11-21x",
            "-001-01-01",
            "+202-01-01",
            "2026- 1- 5",
            "0000-01-01",
            "２０２６-１１-２１",
        ] {
            assert!(matches!(parse_date(bad), Err(Error::InvalidDate)), "{bad}");
        }
    }

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

#[cfg(test)]
mod store_tests;
