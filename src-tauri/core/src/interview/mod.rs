//! Interviews (面談): one meeting with a client, of a kind, scheduled and then held, with the
//! free notes taken while listening. Its sheet lives in [`crate::sheet`]; once an interview is
//! held, every change to its notes or sheet is kept in its [`history`].

pub mod history;
pub(crate) mod store;
pub mod topics;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;

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
    /// When the next interview is due, `YYYY-MM-DD`; not before this one. Left blank, the
    /// program's follow-up rule sets it when the interview is held.
    #[serde(default)]
    pub follow_up_due_on: Option<String>,
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
    /// Notes already taken (the CLI imports them from a file).
    #[serde(default)]
    pub notes: Option<String>,
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
    /// When the next interview is due.
    pub follow_up_due_on: Option<NaiveDate>,
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

impl Interview {
    /// The day it was held, or else is scheduled for.
    pub fn day(&self) -> Option<NaiveDate> {
        calendar::day_of(self.held_at.as_deref().or(self.scheduled_at.as_deref())?)
    }
}

text::debug_without_content!(InterviewDetails, program_id, kind, scheduled_at, held_at);
text::debug_without_content!(NewInterview, client_id, details);
text::debug_without_content!(Interview, id, client_id, kind, held_at);
text::debug_without_content!(InterviewSummary, id, client_id, kind, held_at);
text::debug_without_content!(Revision, details, mark_held);

/// [`InterviewDetails`] that passed every check.
#[derive(Clone)]
pub(crate) struct ValidDetails {
    pub(crate) program_id: Option<ProgramId>,
    pub(crate) kind: InterviewKind,
    pub(crate) scheduled_at: Option<String>,
    pub(crate) held_at: Option<String>,
    pub(crate) duration_minutes: Option<u32>,
    pub(crate) place: Option<Place>,
    pub(crate) purpose: Option<String>,
    pub(crate) theme: Option<String>,
    pub(crate) follow_up_due_on: Option<NaiveDate>,
}

impl ValidDetails {
    fn day(&self) -> Option<NaiveDate> {
        calendar::day_of(self.held_at.as_deref().or(self.scheduled_at.as_deref())?)
    }
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
        let follow_up_due_on =
            calendar::parse_optional_date(self.follow_up_due_on.as_deref(), Field::FollowUpDueOn)?;
        let mut valid = ValidDetails {
            program_id: self.program_id,
            kind: self.kind,
            scheduled_at,
            held_at,
            duration_minutes: self.duration_minutes,
            place: self.place,
            purpose: check::optional_paragraph(self.purpose.as_deref(), Field::Purpose)?,
            theme: check::optional_paragraph(self.theme.as_deref(), Field::Theme)?,
            follow_up_due_on: None,
        };
        if let (Some(due_on), Some(day)) = (follow_up_due_on, valid.day()) {
            if due_on < day {
                return Err(Error::EndsBeforeStart(Field::FollowUpDueOn));
            }
        }
        valid.follow_up_due_on = follow_up_due_on;
        Ok(valid)
    }
}

impl InterviewKind {
    /// Whether the interview is with the client (a boss consultation or a supervision is
    /// about them): only those set, or stand for, the client's next interview.
    pub fn is_with_the_client(self) -> bool {
        matches!(self, Self::Initial | Self::FollowUp | Self::Additional)
    }
}

/// The follow-up date a program's rule gives an interview of `kind` held at `held_at`.
async fn follow_up_by_rule(
    conn: &mut SqliteConnection,
    kind: InterviewKind,
    program_id: Option<ProgramId>,
    held_at: &str,
) -> Result<Option<NaiveDate>> {
    let Some(program_id) = program_id.filter(|_| kind.is_with_the_client()) else {
        return Ok(None);
    };
    let days = program::store::get(conn, program_id)
        .await?
        .follow_up_after_days;
    Ok(days.and_then(|days| {
        calendar::day_of(held_at)?.checked_add_days(chrono::Days::new(u64::from(days)))
    }))
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
/// (or the default one), and its first notes, in one transaction. Notes given at creation are
/// the interview's own even when it is created held, never an amendment of it.
pub async fn create(vault: &Vault, new_interview: &NewInterview) -> Result<Interview> {
    let details = new_interview.details.validate()?;
    let notes = new_interview.notes.as_deref().unwrap_or_default();
    check::free_text(notes, MAX_NOTES_CHARS, Field::Notes)?;
    let mut details = details;
    let mut tx = vault.write().await?;
    check_program(&mut tx, new_interview.client_id, details.program_id).await?;
    if let (None, Some(held_at)) = (details.follow_up_due_on, &details.held_at) {
        details.follow_up_due_on =
            follow_up_by_rule(&mut tx, details.kind, details.program_id, held_at).await?;
    }
    let now = Utc::now();
    let id = store::insert(&mut tx, new_interview.client_id, &details, now).await?;
    if !notes.is_empty() {
        store::set_notes(&mut tx, id, notes, now).await?;
    }
    sheet::store::copy_template_to_interview(&mut tx, id, details.program_id, now).await?;
    let created = store::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(created)
}

/// Several changes to one interview made together, as the CLI's `interview edit` makes them.
#[derive(Default)]
pub struct Revision {
    /// New details.
    pub details: Option<InterviewDetails>,
    /// New notes: applied before the interview is marked held, so that notes given together
    /// with marking it held are its own, not an amendment.
    pub notes: Option<String>,
    /// Mark it held: at the time given, or (inner `None`) as [`mark_held`] decides.
    pub mark_held: Option<Option<String>>,
}

/// Applies a [`Revision`] in one transaction: all of it, or (on any error) none of it.
pub async fn revise(vault: &Vault, id: InterviewId, revision: &Revision) -> Result<Interview> {
    let details = revision
        .details
        .as_ref()
        .map(InterviewDetails::validate)
        .transpose()?;
    if let Some(notes) = &revision.notes {
        check::free_text(notes, MAX_NOTES_CHARS, Field::Notes)?;
    }
    let held_at = match &revision.mark_held {
        Some(at) => Some(calendar::parse_optional_moment(
            at.as_deref(),
            Field::HeldAt,
        )?),
        None => None,
    };
    let mut tx = vault.write().await?;
    let now = Utc::now();
    if let Some(details) = &details {
        change_details(&mut tx, id, details, now).await?;
    }
    if let Some(notes) = &revision.notes {
        change_notes(&mut tx, id, notes, now).await?;
    }
    if let Some(held_at) = held_at {
        change_held_at(&mut tx, id, held_at, now).await?;
    }
    let revised = store::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(revised)
}

/// Replaces an interview's details (not its notes or sheet).
pub async fn update(
    vault: &Vault,
    id: InterviewId,
    details: &InterviewDetails,
) -> Result<Interview> {
    let details = details.validate()?;
    let mut tx = vault.write().await?;
    change_details(&mut tx, id, &details, Utc::now()).await?;
    let updated = store::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(updated)
}

/// Marks an interview held at `held_at`, or when it was scheduled, or now. Marking an interview
/// held again without a time keeps the time it was held: a second click must not move it.
pub async fn mark_held(vault: &Vault, id: InterviewId, held_at: Option<&str>) -> Result<Interview> {
    let held_at = calendar::parse_optional_moment(held_at, Field::HeldAt)?;
    let mut tx = vault.write().await?;
    change_held_at(&mut tx, id, held_at, Utc::now()).await?;
    let updated = store::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(updated)
}

/// Replaces the notes (the editor's autosave). Once the interview is held, the change is
/// kept as an amendment.
pub async fn save_notes(vault: &Vault, id: InterviewId, notes: &str) -> Result<Interview> {
    check::free_text(notes, MAX_NOTES_CHARS, Field::Notes)?;
    let mut tx = vault.write().await?;
    change_notes(&mut tx, id, notes, Utc::now()).await?;
    let saved = store::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(saved)
}

async fn change_details(
    conn: &mut SqliteConnection,
    id: InterviewId,
    details: &ValidDetails,
    now: DateTime<Utc>,
) -> Result<()> {
    let stored = store::get(&mut *conn, id).await?;
    // Once held, always held: clearing the time would stop amendments being kept.
    if stored.held_at.is_some() && details.held_at.is_none() {
        return Err(Error::Required(Field::HeldAt));
    }
    check_program(&mut *conn, stored.client_id, details.program_id).await?;
    let mut follow_up_due_on = details.follow_up_due_on;
    if let (None, None, Some(held_at)) = (follow_up_due_on, &stored.held_at, &details.held_at) {
        follow_up_due_on =
            follow_up_by_rule(&mut *conn, details.kind, details.program_id, held_at).await?;
    }
    store::update(
        conn,
        id,
        &ValidDetails {
            follow_up_due_on,
            ..details.clone()
        },
        now,
    )
    .await
}

async fn change_held_at(
    conn: &mut SqliteConnection,
    id: InterviewId,
    held_at: Option<String>,
    now: DateTime<Utc>,
) -> Result<()> {
    let stored = store::get(&mut *conn, id).await?;
    if held_at.is_none() && stored.held_at.is_some() {
        return Ok(());
    }
    let held_at = held_at
        .or(stored.scheduled_at)
        .unwrap_or_else(crate::calendar::now_to_the_minute);
    let follow_up_due_on = match stored.follow_up_due_on {
        Some(due_on) => Some(due_on),
        None => follow_up_by_rule(&mut *conn, stored.kind, stored.program_id, &held_at).await?,
    };
    if follow_up_due_on.is_some_and(|due_on| calendar::day_of(&held_at) > Some(due_on)) {
        return Err(Error::EndsBeforeStart(Field::FollowUpDueOn));
    }
    store::set_held_at(conn, id, &held_at, follow_up_due_on, now).await
}

async fn change_notes(
    conn: &mut SqliteConnection,
    id: InterviewId,
    notes: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let stored = store::get(&mut *conn, id).await?;
    if stored.notes != notes {
        store::set_notes(&mut *conn, id, notes, now).await?;
        if stored.held_at.is_some() {
            history::record(conn, id, None, &stored.notes, now).await?;
        }
    }
    Ok(())
}

/// One interview with its notes.
pub async fn get(vault: &Vault, id: InterviewId) -> Result<Interview> {
    store::get(&mut *vault.read().await?, id).await
}

/// A client's interviews, newest first.
pub async fn list(vault: &Vault, client_id: ClientId) -> Result<Vec<InterviewSummary>> {
    let mut tx = vault.read().await?;
    client::store::company_of(&mut tx, client_id).await?;
    store::list(&mut tx, client_id).await
}

#[cfg(test)]
mod tests;
