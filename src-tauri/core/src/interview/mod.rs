//! Interviews (面談): one meeting with a client, of a kind, scheduled and then held, with the
//! free notes taken while listening. Its sheet lives in [`crate::sheet`]; once an interview is
//! held, every change to its notes or sheet is kept in its [`history`].

pub mod history;
pub(crate) mod store;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::calendar;
use crate::ids::{ClientId, InterviewId, ProgramId};
use crate::record::{check, Error, Field, Result};
use crate::text;
use crate::vault::Vault;
use crate::{client, program, sheet};

/// The longest notes accepted for one interview: far beyond any interview, small enough that a
/// runaway paste cannot bloat the vault.
pub const MAX_NOTES_CHARS: usize = 200_000;
/// The longest interview accepted, in minutes.
const MAX_DURATION_MINUTES: u32 = 24 * 60;

/// The kinds of interview the Self-Career Dock knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, sqlx::Type)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum InterviewKind {
    /// The first career interview (初回面談).
    Initial,
    /// A follow-up (フォローアップ面談).
    FollowUp,
    /// An additional interview (追加面談).
    Additional,
    /// Consulting the client's boss, with consent (上司へのコンサルテーション).
    BossConsultation,
    /// Supervision of the consultant (スーパービジョン).
    Supervision,
}

/// Where an interview takes place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, sqlx::Type)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum Place {
    /// A video or phone call.
    Online,
    /// Face to face.
    InPerson,
}

/// An interview's details as the consultant enters or edits them.
#[derive(Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct InterviewDetails {
    /// The program it belongs to, if any; must be of the client's company.
    pub program_id: Option<ProgramId>,
    /// Its kind.
    pub kind: InterviewKind,
    /// When it is planned: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
    pub scheduled_at: Option<String>,
    /// When it was held, in the same forms; setting it marks the interview held.
    pub held_at: Option<String>,
    /// How long it lasted or will last.
    pub duration_minutes: Option<u32>,
    /// Online or in person.
    pub place: Option<Place>,
    /// Its purpose.
    pub purpose: Option<String>,
    /// Its theme.
    pub theme: Option<String>,
}

/// A new interview for a client.
#[derive(Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct NewInterview {
    /// The client interviewed.
    pub client_id: ClientId,
    /// Its details.
    pub details: InterviewDetails,
}

/// An interview as stored.
#[derive(Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Interview {
    /// The interview's id.
    pub id: InterviewId,
    /// The client interviewed.
    pub client_id: ClientId,
    /// The program, if any.
    pub program_id: Option<ProgramId>,
    /// Its kind.
    pub kind: InterviewKind,
    /// When it was planned.
    pub scheduled_at: Option<String>,
    /// When it was held; absent while it is only scheduled.
    pub held_at: Option<String>,
    /// Its length in minutes.
    pub duration_minutes: Option<u32>,
    /// Online or in person.
    pub place: Option<Place>,
    /// Its purpose.
    pub purpose: Option<String>,
    /// Its theme.
    pub theme: Option<String>,
    /// The free notes.
    pub notes: String,
    /// When the interview was created.
    pub created_at: DateTime<Utc>,
    /// When anything of it was last changed.
    pub updated_at: DateTime<Utc>,
}

/// A row of a client's interview list.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct InterviewSummary {
    /// The interview's id.
    pub id: InterviewId,
    /// The client interviewed.
    pub client_id: ClientId,
    /// Its kind.
    pub kind: InterviewKind,
    /// When it was planned.
    pub scheduled_at: Option<String>,
    /// When it was held.
    pub held_at: Option<String>,
    /// The first line of the notes, shortened.
    pub notes_preview: String,
    /// When anything of it was last changed.
    pub updated_at: DateTime<Utc>,
}

text::debug_without_content!(InterviewDetails, program_id, kind, scheduled_at, held_at);
text::debug_without_content!(NewInterview, client_id, details);
text::debug_without_content!(Interview, id, client_id, kind, held_at);
text::debug_without_content!(InterviewSummary, id, client_id, kind, held_at);

/// [`InterviewDetails`] that passed every check.
pub(crate) struct ValidDetails {
    pub(crate) program_id: Option<ProgramId>,
    pub(crate) kind: InterviewKind,
    pub(crate) scheduled_at: Option<String>,
    pub(crate) held_at: Option<String>,
    pub(crate) duration_minutes: Option<u32>,
    pub(crate) place: Option<Place>,
    pub(crate) purpose: Option<String>,
    pub(crate) theme: Option<String>,
}

impl InterviewDetails {
    fn validate(&self) -> Result<ValidDetails> {
        let scheduled_at =
            calendar::parse_optional_moment(self.scheduled_at.as_deref(), Field::ScheduledAt)?;
        let held_at = calendar::parse_optional_moment(self.held_at.as_deref(), Field::HeldAt)?;
        if scheduled_at.is_none() && held_at.is_none() {
            return Err(Error::Required(Field::ScheduledAt));
        }
        if self
            .duration_minutes
            .is_some_and(|minutes| minutes == 0 || minutes > MAX_DURATION_MINUTES)
        {
            return Err(Error::OutOfRange(Field::DurationMinutes));
        }
        Ok(ValidDetails {
            program_id: self.program_id,
            kind: self.kind,
            scheduled_at,
            held_at,
            duration_minutes: self.duration_minutes,
            place: self.place,
            purpose: check::optional_paragraph(self.purpose.as_deref(), Field::Purpose)?,
            theme: check::optional_paragraph(self.theme.as_deref(), Field::Theme)?,
        })
    }
}

/// Refuses a program of another company than the client's.
async fn check_program(
    conn: &mut sqlx::SqliteConnection,
    client_id: ClientId,
    program_id: Option<ProgramId>,
) -> Result<()> {
    let client_company = client::store::company_of(&mut *conn, client_id).await?;
    if let Some(program_id) = program_id {
        let program = program::store::get(&mut *conn, program_id).await?;
        if client_company != Some(program.company_id) {
            return Err(Error::OtherCompany);
        }
    }
    Ok(())
}

/// Adds an interview with its sheet, whose sections are copied from the program's template
/// (or the default one) in the same transaction.
pub async fn create(vault: &Vault, new_interview: &NewInterview) -> Result<Interview> {
    let details = new_interview.details.validate()?;
    let mut tx = vault.write().await?;
    check_program(&mut tx, new_interview.client_id, details.program_id).await?;
    let now = Utc::now();
    let id = store::insert(&mut tx, new_interview.client_id, &details, now).await?;
    sheet::store::copy_template_to_interview(&mut tx, id, details.program_id, now).await?;
    let created = store::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(created)
}

/// Replaces an interview's details (not its notes or sheet).
pub async fn update(
    vault: &Vault,
    id: InterviewId,
    details: &InterviewDetails,
) -> Result<Interview> {
    let details = details.validate()?;
    let mut tx = vault.write().await?;
    let stored = store::get(&mut tx, id).await?;
    // Once held, always held: clearing the time would stop amendments being kept.
    if stored.held_at.is_some() && details.held_at.is_none() {
        return Err(Error::Required(Field::HeldAt));
    }
    check_program(&mut tx, stored.client_id, details.program_id).await?;
    store::update(&mut tx, id, &details, Utc::now()).await?;
    let updated = store::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(updated)
}

/// Marks an interview held at `held_at`, or when it was scheduled, or now.
pub async fn mark_held(vault: &Vault, id: InterviewId, held_at: Option<&str>) -> Result<Interview> {
    let held_at = calendar::parse_optional_moment(held_at, Field::HeldAt)?;
    let mut tx = vault.write().await?;
    let stored = store::get(&mut tx, id).await?;
    let held_at = held_at
        .or(stored.scheduled_at)
        .unwrap_or_else(|| chrono::Local::now().format("%Y-%m-%dT%H:%M").to_string());
    store::set_held_at(&mut tx, id, &held_at, Utc::now()).await?;
    let updated = store::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(updated)
}

/// One interview with its notes.
pub async fn get(vault: &Vault, id: InterviewId) -> Result<Interview> {
    store::get(&mut *vault.read().await?, id).await
}

/// Replaces the notes (the editor's autosave). Once the interview is held, the change is
/// kept as an amendment.
pub async fn save_notes(vault: &Vault, id: InterviewId, notes: &str) -> Result<Interview> {
    check::free_text(notes, MAX_NOTES_CHARS, Field::Notes)?;
    let mut tx = vault.write().await?;
    let stored = store::get(&mut tx, id).await?;
    if stored.notes != notes {
        let now = Utc::now();
        store::set_notes(&mut tx, id, notes, now).await?;
        if stored.held_at.is_some() {
            history::record(&mut tx, id, None, &stored.notes, notes, now).await?;
        }
    }
    let saved = store::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(saved)
}

/// A client's interviews, newest first.
pub async fn list(vault: &Vault, client_id: ClientId) -> Result<Vec<InterviewSummary>> {
    let mut tx = vault.read().await?;
    client::store::company_of(&mut tx, client_id).await?;
    store::list(&mut tx, client_id).await
}

#[cfg(test)]
mod tests;
