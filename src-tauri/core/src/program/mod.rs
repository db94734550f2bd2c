//! Programs (実施プログラム): a company's Self-Career Dock or similar, with its period, what
//! employees were told in advance, its HR contacts, and its anonymity threshold.

pub(crate) mod recipient;
pub(crate) mod store;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::calendar;
use crate::ids::{CompanyId, ContactId, ProgramId};
use crate::record::{check, Error, Field, Result};
use crate::text;
use crate::vault::Vault;
use crate::{client, company, sheet};

/// The anonymity threshold k of overall reports unless the consultant sets another.
pub const DEFAULT_ANONYMITY_K: u32 = 5;
/// The thresholds accepted: 1 would suppress nothing.
pub const ANONYMITY_K_RANGE: std::ops::RangeInclusive<u32> = 2..=100;
/// The follow-up rules a program can have: from the next day to ten years on.
pub const FOLLOW_UP_DAYS_RANGE: std::ops::RangeInclusive<u32> = 1..=3660;
/// The most HR contacts a program keeps.
const MAX_CONTACTS: usize = 50;

/// Kizuki's reference to a program, as the audit log names it.
pub fn reference(program_id: ProgramId) -> String {
    format!("KZG-{program_id}")
}

/// What the consultant enters to add or edit a program.
#[derive(Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProgramInput {
    /// The company running it (fixed once the program exists).
    pub company_id: CompanyId,
    /// e.g. 「2026年度 セルフ・キャリアドック」; unique within the company.
    pub name: String,
    /// First day, `YYYY-MM-DD`.
    pub starts_on: String,
    /// Last day, `YYYY-MM-DD`, not before the first.
    pub ends_on: String,
    /// The purpose shared with employees in advance.
    pub purpose: Option<String>,
    /// The theme shared with employees in advance.
    pub theme: Option<String>,
    /// The overall report's anonymity threshold; [`DEFAULT_ANONYMITY_K`] when absent.
    pub anonymity_k: Option<u32>,
    /// The follow-up rule: the next interview is due this many days after one is held,
    /// unless the consultant sets its date.
    #[serde(default)]
    pub follow_up_after_days: Option<u32>,
    /// The HR contacts, in order.
    pub contacts: Vec<ContactInput>,
}

/// An HR contact as entered.
#[derive(Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ContactInput {
    /// The contact's name.
    pub name: String,
    /// Their role, e.g. 人事部 課長.
    pub role: Option<String>,
    /// Their age recipients: `age1…` or SSH public keys, any number.
    pub recipients: Vec<String>,
}

/// A program as stored.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Program {
    /// The program's id.
    pub id: ProgramId,
    /// The company running it.
    pub company_id: CompanyId,
    /// Its name.
    pub name: String,
    /// First day.
    pub starts_on: NaiveDate,
    /// Last day.
    pub ends_on: NaiveDate,
    /// The purpose shared in advance.
    pub purpose: Option<String>,
    /// The theme shared in advance.
    pub theme: Option<String>,
    /// The anonymity threshold of its overall report.
    pub anonymity_k: u32,
    /// The follow-up rule, in days after an interview is held.
    pub follow_up_after_days: Option<u32>,
    /// The HR contacts, in order.
    pub contacts: Vec<Contact>,
    /// When it was added.
    pub created_at: DateTime<Utc>,
    /// When it was last changed.
    pub updated_at: DateTime<Utc>,
}

/// An HR contact as stored.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    /// The contact's id.
    pub id: ContactId,
    /// Their name.
    pub name: String,
    /// Their role.
    pub role: Option<String>,
    /// Their age recipients.
    pub recipients: Vec<String>,
}

/// A row of a program list.
#[derive(Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProgramSummary {
    /// The program's id.
    pub id: ProgramId,
    /// The company running it.
    pub company_id: CompanyId,
    /// Its name.
    pub name: String,
    /// First day.
    pub starts_on: NaiveDate,
    /// Last day.
    pub ends_on: NaiveDate,
    /// How many clients are enrolled.
    #[sqlx(skip)]
    pub client_count: u32,
}

text::debug_without_content!(ProgramInput, company_id);
text::debug_without_content!(ContactInput);
text::debug_without_content!(Program, id, company_id, starts_on, ends_on);
text::debug_without_content!(Contact, id);
text::debug_without_content!(ProgramSummary, id, company_id);

/// A [`ProgramInput`] that passed every check.
pub(crate) struct ValidProgram {
    pub(crate) company_id: CompanyId,
    pub(crate) name: String,
    pub(crate) starts_on: NaiveDate,
    pub(crate) ends_on: NaiveDate,
    pub(crate) purpose: Option<String>,
    pub(crate) theme: Option<String>,
    pub(crate) anonymity_k: u32,
    pub(crate) follow_up_after_days: Option<u32>,
    pub(crate) contacts: Vec<ValidContact>,
}

pub(crate) struct ValidContact {
    pub(crate) name: String,
    pub(crate) role: Option<String>,
    pub(crate) recipients: Vec<String>,
}

impl ProgramInput {
    fn validate(&self) -> Result<ValidProgram> {
        let name = check::required_line(&self.name, Field::Name)?;
        let starts_on = calendar::parse_date(&self.starts_on, Field::StartsOn)?;
        let ends_on = calendar::parse_date(&self.ends_on, Field::EndsOn)?;
        if ends_on < starts_on {
            return Err(Error::EndsBeforeStart(Field::EndsOn));
        }
        let anonymity_k = self.anonymity_k.unwrap_or(DEFAULT_ANONYMITY_K);
        if !ANONYMITY_K_RANGE.contains(&anonymity_k) {
            return Err(Error::OutOfRange(Field::AnonymityK));
        }
        if self
            .follow_up_after_days
            .is_some_and(|days| !FOLLOW_UP_DAYS_RANGE.contains(&days))
        {
            return Err(Error::OutOfRange(Field::FollowUpAfterDays));
        }
        if self.contacts.len() > MAX_CONTACTS {
            return Err(Error::OutOfRange(Field::Contacts));
        }
        let contacts = self
            .contacts
            .iter()
            .map(|contact| {
                Ok(ValidContact {
                    name: check::required_line(&contact.name, Field::ContactName)?,
                    role: check::optional_line(contact.role.as_deref(), Field::ContactRole)?,
                    recipients: recipient::parse_all(&contact.recipients)?,
                })
            })
            .collect::<Result<_>>()?;
        Ok(ValidProgram {
            company_id: self.company_id,
            name,
            starts_on,
            ends_on,
            purpose: check::optional_paragraph(self.purpose.as_deref(), Field::Purpose)?,
            theme: check::optional_paragraph(self.theme.as_deref(), Field::Theme)?,
            anonymity_k,
            follow_up_after_days: self.follow_up_after_days,
            contacts,
        })
    }
}

/// Adds a program with its contacts and a sheet template copied from the default, all in one
/// transaction.
pub async fn create(vault: &Vault, input: &ProgramInput) -> Result<Program> {
    let program = input.validate()?;
    let mut tx = vault.write().await?;
    company::store::get(&mut tx, program.company_id).await?;
    let now = Utc::now();
    let id = store::insert(&mut tx, &program, now).await?;
    store::replace_contacts(&mut tx, id, &program.contacts).await?;
    sheet::store::copy_default_template(&mut tx, id).await?;
    let created = store::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(created)
}

/// Replaces a program's details and contacts. The company cannot change: its clients'
/// interviews belong to it.
pub async fn update(vault: &Vault, id: ProgramId, input: &ProgramInput) -> Result<Program> {
    let program = input.validate()?;
    let mut tx = vault.write().await?;
    let stored = store::get(&mut tx, id).await?;
    if stored.company_id != program.company_id {
        return Err(Error::OtherCompany);
    }
    store::update(&mut tx, id, &program, Utc::now()).await?;
    store::replace_contacts(&mut tx, id, &program.contacts).await?;
    let updated = store::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(updated)
}

/// One program with its contacts.
pub async fn get(vault: &Vault, id: ProgramId) -> Result<Program> {
    store::get(&mut *vault.read().await?, id).await
}

/// Programs, newest first; of one company when given.
pub async fn list(vault: &Vault, company_id: Option<CompanyId>) -> Result<Vec<ProgramSummary>> {
    let mut tx = vault.read().await?;
    let mut programs = store::list(&mut tx, company_id).await?;
    let counts = client::store::count_by_program(&mut tx).await?;
    for program in &mut programs {
        program.client_count = counts.get(&program.id).copied().unwrap_or(0);
    }
    Ok(programs)
}

#[cfg(test)]
mod tests;
