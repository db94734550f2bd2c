//! Action plans (アクションプラン): what the client decided to do after an interview (what, how,
//! by when), the consultant's SMART check of each item, its status, and dated progress notes,
//! often written while reviewing the item in a follow-up interview.

pub(crate) mod store;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::calendar;
use crate::ids::{ActionItemId, ClientId, InterviewId, ProgressNoteId};
use crate::record::{check, Error, Field, Result};
use crate::text;
use crate::vault::Vault;
use crate::{client, interview};

/// Where an item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, sqlx::Type)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum ActionStatus {
    /// Decided, not begun (未着手).
    #[default]
    NotStarted,
    /// Under way (実行中).
    InProgress,
    /// Done (完了).
    Done,
    /// Given up or replaced (中止).
    Dropped,
}

impl ActionStatus {
    /// Whether the item still asks something of the client.
    pub fn is_open(self) -> bool {
        matches!(self, Self::NotStarted | Self::InProgress)
    }

    /// Every status, in the order reports list them.
    pub const ALL: [Self; 4] = [
        Self::NotStarted,
        Self::InProgress,
        Self::Done,
        Self::Dropped,
    ];

    /// The label documents for a recipient print (they are in Japanese).
    pub(crate) fn document_label(self) -> &'static str {
        match self {
            Self::NotStarted => "未着手",
            Self::InProgress => "進行中",
            Self::Done => "完了",
            Self::Dropped => "中止",
        }
    }
}

/// One criterion of the SMART check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)] // each is the SMART criterion of its name
pub enum SmartCriterion {
    Specific,
    Measurable,
    Achievable,
    Related,
    TimeBound,
}

/// The consultant's SMART check: a tick for each criterion the item meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)] // each is the SMART criterion of its name
pub struct Smart {
    pub specific: bool,
    pub measurable: bool,
    pub achievable: bool,
    pub related: bool,
    pub time_bound: bool,
}

impl Smart {
    /// The criteria not ticked, in SMART order: an item missing any is marked as such.
    pub fn missing(self) -> Vec<SmartCriterion> {
        [
            (self.specific, SmartCriterion::Specific),
            (self.measurable, SmartCriterion::Measurable),
            (self.achievable, SmartCriterion::Achievable),
            (self.related, SmartCriterion::Related),
            (self.time_bound, SmartCriterion::TimeBound),
        ]
        .into_iter()
        .filter_map(|(ticked, criterion)| (!ticked).then_some(criterion))
        .collect()
    }
}

/// An item as entered or edited.
#[derive(Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ActionItemInput {
    /// The client who decided it.
    pub client_id: ClientId,
    /// The interview where it was decided, if any (of the same client).
    pub interview_id: Option<InterviewId>,
    /// What the client will do (required).
    pub what: String,
    /// How.
    pub how: Option<String>,
    /// By when, `YYYY-MM-DD`; not before the interview it was decided in.
    pub due_on: Option<String>,
    /// The SMART check (nothing ticked when absent).
    #[serde(default)]
    pub smart: Smart,
    /// Where it stands.
    pub status: ActionStatus,
}

/// A dated progress note on an item.
#[derive(Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProgressNote {
    /// Its id.
    pub id: ProgressNoteId,
    /// The item.
    pub action_item_id: ActionItemId,
    /// The interview it was written in, if any.
    pub interview_id: Option<InterviewId>,
    /// The day it speaks of.
    pub noted_on: NaiveDate,
    /// What happened.
    pub note: String,
    /// The status the item moved to with this note, if it moved.
    pub status: Option<ActionStatus>,
    /// When it was recorded.
    pub created_at: DateTime<Utc>,
}

/// An item as stored, with its progress notes (oldest first).
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ActionItem {
    /// Its id.
    pub id: ActionItemId,
    /// The client.
    pub client_id: ClientId,
    /// The interview where it was decided.
    pub interview_id: Option<InterviewId>,
    /// What.
    pub what: String,
    /// How.
    pub how: Option<String>,
    /// By when.
    pub due_on: Option<NaiveDate>,
    /// The SMART check.
    pub smart: Smart,
    /// The criteria it misses (empty when it is SMART).
    pub smart_missing: Vec<SmartCriterion>,
    /// Where it stands.
    pub status: ActionStatus,
    /// Its progress notes, oldest first.
    pub progress: Vec<ProgressNote>,
    /// When it was recorded.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

/// A progress note as written: on `noted_on`, perhaps in an interview, perhaps moving the item
/// to another status.
#[derive(Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProgressInput {
    /// The item.
    pub action_item_id: ActionItemId,
    /// The interview it is written in (reviewing the item in a follow-up), if any.
    pub interview_id: Option<InterviewId>,
    /// The day it speaks of, `YYYY-MM-DD`.
    pub noted_on: String,
    /// What happened (required).
    pub note: String,
    /// A new status for the item, if it changes.
    pub status: Option<ActionStatus>,
}

text::debug_without_content!(ActionItemInput, client_id, interview_id, status);
text::debug_without_content!(ActionItem, id, client_id, interview_id, due_on, status);
text::debug_without_content!(ProgressNote, id, action_item_id, noted_on, status);
text::debug_without_content!(ProgressInput, action_item_id, interview_id, status);

/// An [`ActionItemInput`] that passed every check.
pub(crate) struct ValidItem {
    pub(crate) client_id: ClientId,
    pub(crate) interview_id: Option<InterviewId>,
    pub(crate) what: String,
    pub(crate) how: Option<String>,
    pub(crate) due_on: Option<NaiveDate>,
    pub(crate) smart: Smart,
    pub(crate) status: ActionStatus,
}

impl ActionItemInput {
    fn validate(&self) -> Result<ValidItem> {
        Ok(ValidItem {
            client_id: self.client_id,
            interview_id: self.interview_id,
            what: check::optional_paragraph(Some(&self.what), Field::What)?
                .ok_or(Error::Required(Field::What))?,
            how: check::optional_paragraph(self.how.as_deref(), Field::How)?,
            due_on: calendar::parse_optional_date(self.due_on.as_deref(), Field::DueOn)?,
            smart: self.smart,
            status: self.status,
        })
    }
}

/// Checks the client exists, and that the interview, if any, is theirs and not after the due
/// date: an item cannot fall due before the interview that decided it.
async fn check_links(conn: &mut sqlx::SqliteConnection, item: &ValidItem) -> Result<()> {
    client::store::company_of(&mut *conn, item.client_id).await?;
    if let Some(interview_id) = item.interview_id {
        let decided_in = interview::store::get(&mut *conn, interview_id).await?;
        if decided_in.client_id != item.client_id {
            return Err(Error::MissingParent);
        }
        if let (Some(due_on), Some(day)) = (item.due_on, decided_in.day()) {
            if due_on < day {
                return Err(Error::EndsBeforeStart(Field::DueOn));
            }
        }
    }
    Ok(())
}

/// Records an item.
pub async fn create(vault: &Vault, input: &ActionItemInput) -> Result<ActionItem> {
    let item = input.validate()?;
    let mut tx = vault.write().await?;
    check_links(&mut tx, &item).await?;
    let id = store::insert(&mut tx, &item, Utc::now()).await?;
    let created = store::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(created)
}

/// Edits an item; its client stays the same.
pub async fn update(
    vault: &Vault,
    id: ActionItemId,
    input: &ActionItemInput,
) -> Result<ActionItem> {
    let item = input.validate()?;
    let mut tx = vault.write().await?;
    if store::get(&mut tx, id).await?.client_id != item.client_id {
        return Err(Error::MissingParent);
    }
    check_links(&mut tx, &item).await?;
    store::update(&mut tx, id, &item, Utc::now()).await?;
    let updated = store::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(updated)
}

/// Adds a progress note, and moves the item to the note's status if it gives one, in one
/// transaction.
pub async fn add_progress(vault: &Vault, input: &ProgressInput) -> Result<ActionItem> {
    let noted_on = calendar::parse_date(&input.noted_on, Field::NotedOn)?;
    let note = check::optional_paragraph(Some(&input.note), Field::ProgressNote)?
        .ok_or(Error::Required(Field::ProgressNote))?;
    let mut tx = vault.write().await?;
    let item = store::get(&mut tx, input.action_item_id).await?;
    if let Some(interview_id) = input.interview_id {
        if interview::store::get(&mut tx, interview_id)
            .await?
            .client_id
            != item.client_id
        {
            return Err(Error::MissingParent);
        }
    }
    let now = Utc::now();
    let progress = store::NewProgress {
        action_item_id: item.id,
        interview_id: input.interview_id,
        noted_on,
        note: &note,
        status: input.status.filter(|status| *status != item.status),
    };
    store::insert_progress(&mut tx, &progress, now).await?;
    if let Some(status) = progress.status {
        store::set_status(&mut tx, item.id, status, now).await?;
    }
    let updated = store::get(&mut tx, item.id).await?;
    tx.commit().await?;
    Ok(updated)
}

/// One item with its progress.
pub async fn get(vault: &Vault, id: ActionItemId) -> Result<ActionItem> {
    store::get(&mut *vault.read().await?, id).await
}

/// A client's items: open ones first (soonest due first, undated last), then the rest,
/// newest first.
pub async fn list(vault: &Vault, client_id: ClientId) -> Result<Vec<ActionItem>> {
    let mut tx = vault.read().await?;
    client::store::company_of(&mut tx, client_id).await?;
    store::list(&mut tx, client_id).await
}

#[cfg(test)]
mod tests;
