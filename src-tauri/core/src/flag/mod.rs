//! Flags that need care: a mental-health concern (referral to a specialist), a matter of life
//! or safety, a matter needing an organisational response. An open flag (not yet handled)
//! shows prominently on the client and in every list the client appears in.

pub(crate) mod store;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::calendar;
use crate::ids::{ClientId, FlagId, InterviewId};
use crate::record::{check, Error, Field, Result};
use crate::text;
use crate::vault::Vault;
use crate::{client, interview};

/// What kind of care a flag asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, sqlx::Type)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum FlagKind {
    /// A mental-health concern: referral to a specialist (医療機関・専門家へのリファー).
    MentalHealth,
    /// A matter of life or safety.
    LifeSafety,
    /// A matter needing the organisation's response.
    Organisational,
}

impl FlagKind {
    /// Every kind, in the order reports list them.
    pub const ALL: [Self; 3] = [Self::MentalHealth, Self::LifeSafety, Self::Organisational];

    /// The label documents for a recipient print (they are in Japanese).
    pub(crate) fn document_label(self) -> &'static str {
        match self {
            Self::MentalHealth => "心身の健康に関する事項",
            Self::LifeSafety => "生命・安全に関する事項",
            Self::Organisational => "組織としての対応が必要な事項",
        }
    }
}

/// A flag as entered or edited.
#[derive(Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct FlagInput {
    /// The client concerned.
    pub client_id: ClientId,
    /// The interview where it arose, if any (of the same client).
    pub interview_id: Option<InterviewId>,
    /// Its kind.
    pub kind: FlagKind,
    /// What was seen and why it matters.
    pub note: String,
    /// Who it was referred to (a specialist, a clinic, HR …).
    pub referred_to: Option<String>,
    /// The day it was raised, `YYYY-MM-DD`.
    pub raised_on: String,
    /// The day it was handled, `YYYY-MM-DD`; absent while open.
    pub handled_on: Option<String>,
}

/// A flag as stored.
#[derive(Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Flag {
    /// Its id.
    pub id: FlagId,
    /// The client concerned.
    pub client_id: ClientId,
    /// The interview where it arose.
    pub interview_id: Option<InterviewId>,
    /// Its kind.
    pub kind: FlagKind,
    /// The note.
    pub note: String,
    /// Who it was referred to.
    pub referred_to: Option<String>,
    /// When raised.
    pub raised_on: NaiveDate,
    /// When handled; absent while open.
    pub handled_on: Option<NaiveDate>,
    /// When recorded.
    pub created_at: DateTime<Utc>,
    /// When last changed.
    pub updated_at: DateTime<Utc>,
}

text::debug_without_content!(FlagInput, client_id, interview_id, kind);
text::debug_without_content!(Flag, id, client_id, kind, raised_on, handled_on);

/// A [`FlagInput`] that passed every check.
pub(crate) struct ValidFlag {
    pub(crate) client_id: ClientId,
    pub(crate) interview_id: Option<InterviewId>,
    pub(crate) kind: FlagKind,
    pub(crate) note: String,
    pub(crate) referred_to: Option<String>,
    pub(crate) raised_on: NaiveDate,
    pub(crate) handled_on: Option<NaiveDate>,
}

impl FlagInput {
    fn validate(&self) -> Result<ValidFlag> {
        let raised_on = calendar::parse_date(&self.raised_on, Field::RaisedOn)?;
        let handled_on =
            calendar::parse_optional_date(self.handled_on.as_deref(), Field::HandledOn)?;
        if handled_on.is_some_and(|handled| handled < raised_on) {
            return Err(Error::EndsBeforeStart(Field::HandledOn));
        }
        Ok(ValidFlag {
            client_id: self.client_id,
            interview_id: self.interview_id,
            kind: self.kind,
            note: check::optional_paragraph(Some(&self.note), Field::FlagNote)?.unwrap_or_default(),
            referred_to: check::optional_line(self.referred_to.as_deref(), Field::ReferredTo)?,
            raised_on,
            handled_on,
        })
    }
}

/// Checks the client exists and the interview, if any, is theirs.
async fn check_links(conn: &mut sqlx::SqliteConnection, flag: &ValidFlag) -> Result<()> {
    client::store::company_of(&mut *conn, flag.client_id).await?;
    if let Some(interview_id) = flag.interview_id {
        if interview::store::get(&mut *conn, interview_id)
            .await?
            .client_id
            != flag.client_id
        {
            return Err(Error::MissingParent);
        }
    }
    Ok(())
}

/// Raises a flag.
pub async fn create(vault: &Vault, input: &FlagInput) -> Result<Flag> {
    let flag = input.validate()?;
    let mut tx = vault.write().await?;
    check_links(&mut tx, &flag).await?;
    let id = store::insert(&mut tx, &flag, Utc::now()).await?;
    let created = store::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(created)
}

/// Edits a flag: its note, referral, or the day it was handled. The client stays the same.
pub async fn update(vault: &Vault, id: FlagId, input: &FlagInput) -> Result<Flag> {
    let flag = input.validate()?;
    let mut tx = vault.write().await?;
    if store::get(&mut tx, id).await?.client_id != flag.client_id {
        return Err(Error::MissingParent);
    }
    check_links(&mut tx, &flag).await?;
    store::update(&mut tx, id, &flag, Utc::now()).await?;
    let updated = store::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(updated)
}

/// A client's flags: open ones first, then newest first.
pub async fn list(vault: &Vault, client_id: ClientId) -> Result<Vec<Flag>> {
    let mut tx = vault.read().await?;
    client::store::company_of(&mut tx, client_id).await?;
    store::list(&mut tx, client_id).await
}

#[cfg(test)]
mod tests;
