//! Retention (保存期間): a period per vault, by default five years after a client's last
//! interview. Clients past it are listed for review; the consultant erases them
//! ([`crate::erasure`]) or keeps them with a reason, which takes them off the list for a year.
//! Nothing is ever deleted by the period alone.

pub(crate) mod store;

use std::collections::HashMap;

use chrono::{Days, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;

use crate::calendar;
use crate::client::{self, ClientStatus};
use crate::ids::ClientId;
use crate::interview;
use crate::record::{check, Error, Field, Result};
use crate::text;
use crate::vault::Vault;

/// The periods a vault may set, in years.
pub const YEARS_RANGE: std::ops::RangeInclusive<u32> = 1..=50;
/// How long a decision to keep a client holds before they are listed again.
const KEPT_FOR_DAYS: u64 = 365;

/// A decision to keep a client past the period.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct KeptDecision {
    /// When it was decided.
    pub decided_on: NaiveDate,
    /// Why.
    pub reason: String,
}

/// A client whose records have passed the period.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RetentionReview {
    /// The client.
    pub client_id: ClientId,
    /// The client's name.
    pub client_name: String,
    /// The day of their last held interview (absent if they never had one).
    pub last_interview_on: Option<NaiveDate>,
    /// The day the period ended.
    pub past_since: NaiveDate,
    /// The last decision to keep them, more than a year ago, if any.
    pub kept: Option<KeptDecision>,
}

/// A decision to keep a client, as entered.
#[derive(Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct KeepInput {
    /// The client.
    pub client_id: ClientId,
    /// Why they are kept (required).
    pub reason: String,
    /// The day of the decision, `YYYY-MM-DD`.
    pub decided_on: String,
}

text::debug_without_content!(KeptDecision, decided_on);
text::debug_without_content!(RetentionReview, client_id, last_interview_on, past_since);
text::debug_without_content!(KeepInput, client_id);

/// The vault's period, in years.
pub async fn years(vault: &Vault) -> Result<u32> {
    store::years(&mut *vault.read().await?).await
}

/// Changes the vault's period.
pub async fn set_years(vault: &Vault, years: u32) -> Result<u32> {
    if !YEARS_RANGE.contains(&years) {
        return Err(Error::OutOfRange(Field::RetentionYears));
    }
    let mut tx = vault.write().await?;
    store::set_years(&mut tx, years).await?;
    tx.commit().await?;
    Ok(years)
}

/// Keeps a client past the period, for a reason; they leave the review list for a year.
pub async fn keep(vault: &Vault, input: &KeepInput) -> Result<()> {
    let reason = check::optional_paragraph(Some(&input.reason), Field::Reason)?
        .ok_or(Error::Required(Field::Reason))?;
    let decided_on = calendar::parse_date(&input.decided_on, Field::DecidedOn)?;
    let mut tx = vault.write().await?;
    client::store::company_of(&mut tx, input.client_id).await?;
    store::insert_decision(&mut tx, input.client_id, decided_on, &reason, Utc::now()).await?;
    tx.commit().await?;
    Ok(())
}

/// Clients past the period on `today`, longest past first, except those kept within a year.
pub async fn due(vault: &Vault, today: NaiveDate) -> Result<Vec<RetentionReview>> {
    let mut tx = vault.read().await?;
    let names = client::store::names(&mut tx).await?;
    due_in(&mut tx, today, &names).await
}

/// [`due`] within a read the caller holds, with the client names it already read (the
/// dashboard's).
pub(crate) async fn due_in(
    conn: &mut SqliteConnection,
    today: NaiveDate,
    names: &HashMap<ClientId, (String, ClientStatus)>,
) -> Result<Vec<RetentionReview>> {
    let years = store::years(&mut *conn).await?;
    let created = client::store::created(&mut *conn).await?;
    let clients: Vec<ClientId> = names.keys().copied().collect();
    let last_held = interview::store::last_held_by_client(&mut *conn, &clients).await?;
    let decisions = store::latest_decisions(conn).await?;
    let mut due: Vec<RetentionReview> = names
        .iter()
        .filter_map(|(&client_id, (client_name, _))| {
            let last_interview_on = last_held.get(&client_id).copied();
            let from = last_interview_on.or_else(|| created.get(&client_id).copied())?;
            let past_since = from.checked_add_months(Months::new(years * 12))?;
            let kept = decisions
                .get(&client_id)
                .map(|(decided_on, reason)| KeptDecision {
                    decided_on: *decided_on,
                    reason: reason.clone(),
                });
            let kept_now = kept
                .as_ref()
                .is_some_and(|kept| kept.decided_on + Days::new(KEPT_FOR_DAYS) > today);
            (past_since <= today && !kept_now).then(|| RetentionReview {
                client_id,
                client_name: client_name.clone(),
                last_interview_on,
                past_since,
                kept,
            })
        })
        .collect();
    due.sort_by_key(|review| (review.past_since, review.client_id));
    Ok(due)
}

#[cfg(test)]
mod tests;
