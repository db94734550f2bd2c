//! The home dashboard, the first screen after unlocking: what needs the consultant today.
//! Interviews today and this week, follow-ups due and overdue, open flags, action items past
//! their date, and clients past the retention period. Every entry names its client (and
//! interview, where there is one), so the screen links straight to it.
//!
//! It owns no table: it asks each entity's store and combines the answers.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::flag::FlagKind;
use crate::ids::{ActionItemId, ClientId, FlagId, InterviewId};
use crate::interview::InterviewKind;
use crate::record::Result;
use crate::retention::{self, RetentionReview};
use crate::text;
use crate::vault::Vault;
use crate::{action_plan, client, flag, interview};

/// How far ahead "this week" looks, today included.
const WEEK_DAYS: u64 = 7;
/// How far ahead a follow-up counts as due.
pub const FOLLOW_UP_DUE_WITHIN_DAYS: u64 = 14;

/// An interview today or later this week.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct UpcomingInterview {
    /// The interview.
    pub interview_id: InterviewId,
    /// Its client.
    pub client_id: ClientId,
    /// The client's name.
    pub client_name: String,
    /// Its kind.
    pub kind: InterviewKind,
    /// When it is (held, else scheduled): `YYYY-MM-DD[THH:MM]`.
    pub at: String,
    /// Whether it has been held.
    pub held: bool,
}

/// A client whose next interview falls due.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct FollowUpDue {
    /// The client.
    pub client_id: ClientId,
    /// The client's name.
    pub client_name: String,
    /// The interview that set the date.
    pub interview_id: InterviewId,
    /// The date.
    pub due_on: NaiveDate,
    /// Whether the date has passed.
    pub overdue: bool,
}

/// A flag not yet handled.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OpenFlag {
    /// The flag.
    pub flag_id: FlagId,
    /// The client.
    pub client_id: ClientId,
    /// The client's name.
    pub client_name: String,
    /// Its kind.
    pub kind: FlagKind,
    /// When it was raised.
    pub raised_on: NaiveDate,
}

/// An open action item whose date has passed.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OverdueAction {
    /// The item.
    pub action_item_id: ActionItemId,
    /// The client.
    pub client_id: ClientId,
    /// The client's name.
    pub client_name: String,
    /// What the client set out to do.
    pub what: String,
    /// By when.
    pub due_on: NaiveDate,
}

/// The dashboard as of one day.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Dashboard {
    /// The day it was drawn for.
    pub today: NaiveDate,
    /// Interviews from today to six days on, in time order.
    pub interviews: Vec<UpcomingInterview>,
    /// Follow-ups due within [`FOLLOW_UP_DUE_WITHIN_DAYS`] or overdue, soonest first.
    pub follow_ups: Vec<FollowUpDue>,
    /// Open flags, oldest first.
    pub open_flags: Vec<OpenFlag>,
    /// Open action items past their date, oldest date first.
    pub overdue_actions: Vec<OverdueAction>,
    /// Clients whose records have passed the retention period, for review.
    pub retention_due: Vec<RetentionReview>,
}

text::debug_without_content!(UpcomingInterview, interview_id, client_id, at);
text::debug_without_content!(FollowUpDue, client_id, interview_id, due_on);
text::debug_without_content!(OpenFlag, flag_id, client_id, kind);
text::debug_without_content!(OverdueAction, action_item_id, client_id, due_on);
text::debug_without_content!(Dashboard, today);

/// The dashboard for `today` (the consultant's local date). Closed clients' follow-ups and
/// action items are left out: their engagement has ended. Their open flags stay, as a flag
/// is a matter of care whatever the engagement.
pub async fn home(vault: &Vault, today: NaiveDate) -> Result<Dashboard> {
    let mut tx = vault.read().await?;
    let week_end = today + Days::new(WEEK_DAYS - 1);
    let due_until = today + Days::new(FOLLOW_UP_DUE_WITHIN_DAYS);
    let names = client::store::names(&mut tx).await?;
    let active_clients = client::store::active(&names);
    let interviews = interview::store::between(&mut tx, today, week_end).await?;
    let due = interview::store::follow_ups_due(&mut tx, due_until, today, &active_clients).await?;
    let flags = flag::store::open(&mut tx).await?;
    let overdue = action_plan::store::overdue(&mut tx, today, &active_clients).await?;
    let retention_due = retention::due_in(&mut tx, today, &names).await?;
    drop(tx);

    let name_of = |id: ClientId| names.get(&id).map(|(name, _)| name.clone());
    let active = |id: &ClientId| {
        names
            .get(id)
            .is_some_and(|(_, status)| *status == client::ClientStatus::Active)
    };
    Ok(Dashboard {
        today,
        interviews: interviews
            .into_iter()
            .filter_map(|row| {
                Some(UpcomingInterview {
                    client_name: name_of(row.client_id)?,
                    interview_id: row.id,
                    client_id: row.client_id,
                    kind: row.kind,
                    at: row.at,
                    held: row.held,
                })
            })
            .collect(),
        follow_ups: due
            .into_iter()
            .filter(|row| active(&row.client_id))
            .filter_map(|row| {
                Some(FollowUpDue {
                    client_name: name_of(row.client_id)?,
                    client_id: row.client_id,
                    interview_id: row.interview_id,
                    overdue: row.due_on < today,
                    due_on: row.due_on,
                })
            })
            .collect(),
        open_flags: flags
            .into_iter()
            .filter_map(|flag| {
                Some(OpenFlag {
                    client_name: name_of(flag.client_id)?,
                    flag_id: flag.id,
                    client_id: flag.client_id,
                    kind: flag.kind,
                    raised_on: flag.raised_on,
                })
            })
            .collect(),
        overdue_actions: overdue
            .into_iter()
            .filter(|row| active(&row.client_id))
            .filter_map(|row| {
                Some(OverdueAction {
                    client_name: name_of(row.client_id)?,
                    action_item_id: row.id,
                    client_id: row.client_id,
                    what: row.what,
                    due_on: row.due_on,
                })
            })
            .collect(),
        retention_due,
    })
}

#[cfg(test)]
mod tests;
