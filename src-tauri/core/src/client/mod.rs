//! Clients (相談者): the employees a consultant interviews, within a company and optionally
//! enrolled in its programs.

pub(crate) mod kana;
pub(crate) mod store;

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{ClientId, CompanyId, ProgramId};
use crate::record::{check, Error, Field, Result};
use crate::text;
use crate::vault::Vault;
use crate::{company, flag, interview, program, questionnaire};

/// The most tags one client carries.
const MAX_TAGS: usize = 30;
/// The longest a client has plausibly worked anywhere.
const MAX_YEARS_AT_COMPANY: u32 = 70;

/// The words that would identify a client in a text written about them: the whole name
/// (spaces removed), each of its parts of two characters or more (a family name alone names
/// someone; one character is too common to mean them), the whole reading (its parts are not:
/// 「まり」 is inside 「あまり」), and the employee number. Longest first, so that a replacement
/// takes the whole name before its parts.
pub(crate) fn identifying_words(
    name: &str,
    name_kana: Option<&str>,
    employee_number: Option<&str>,
) -> Vec<String> {
    let squeeze = |text: &str| {
        text.chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
    };
    let mut words = vec![squeeze(name)];
    words.extend(
        name.split_whitespace()
            .filter(|part| part.chars().count() >= 2)
            .map(str::to_owned),
    );
    words.extend(name_kana.map(squeeze));
    // A number of one to three characters is everywhere in a text (12月, 101名): not a sign.
    words.extend(
        employee_number
            .map(squeeze)
            .filter(|number| number.chars().count() >= 4),
    );
    words.retain(|word| !word.is_empty());
    words.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    words.dedup();
    words
}

/// The client's age band: reports group by it, and it identifies less than a birth date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, sqlx::Type)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[allow(missing_docs)]
pub enum AgeBand {
    #[serde(rename = "10s")]
    #[sqlx(rename = "10s")]
    Teens,
    #[serde(rename = "20s")]
    #[sqlx(rename = "20s")]
    Twenties,
    #[serde(rename = "30s")]
    #[sqlx(rename = "30s")]
    Thirties,
    #[serde(rename = "40s")]
    #[sqlx(rename = "40s")]
    Forties,
    #[serde(rename = "50s")]
    #[sqlx(rename = "50s")]
    Fifties,
    #[serde(rename = "60s")]
    #[sqlx(rename = "60s")]
    SixtiesAndOver,
}

impl AgeBand {
    /// Every band, youngest first.
    pub const ALL: [Self; 6] = [
        Self::Teens,
        Self::Twenties,
        Self::Thirties,
        Self::Forties,
        Self::Fifties,
        Self::SixtiesAndOver,
    ];

    /// The label documents for a recipient print (they are in Japanese).
    pub(crate) fn document_label(self) -> &'static str {
        match self {
            Self::Teens => "10代",
            Self::Twenties => "20代",
            Self::Thirties => "30代",
            Self::Forties => "40代",
            Self::Fifties => "50代",
            Self::SixtiesAndOver => "60代以上",
        }
    }
}

/// Whether the consultant still works with the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, sqlx::Type)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum ClientStatus {
    /// Interviews continue.
    #[default]
    Active,
    /// The engagement has ended; the record is kept.
    Closed,
}

/// What the consultant enters to add or edit a client.
#[derive(Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ClientInput {
    /// The company the employee works for (required).
    pub company_id: Option<CompanyId>,
    /// The client's name, as they write it.
    pub name: String,
    /// Its reading in kana (furigana), used for sorting.
    pub name_kana: String,
    /// The employee number, unique within the company.
    pub employee_number: Option<String>,
    /// Their department.
    pub department: Option<String>,
    /// Their role or grade.
    pub role: Option<String>,
    /// Their age band.
    pub age_band: Option<AgeBand>,
    /// Whole years at the company.
    pub years_at_company: Option<u32>,
    /// What their job is.
    pub job_content: Option<String>,
    /// The career path they wish for.
    pub desired_career: Option<String>,
    /// Free tags for the consultant's own grouping.
    pub tags: Vec<String>,
    /// Active or closed.
    pub status: ClientStatus,
    /// The company's programs the client takes part in.
    pub program_ids: Vec<ProgramId>,
}

/// A client as stored.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Client {
    /// The client's id.
    pub id: ClientId,
    /// The company (absent only for clients recorded before companies existed).
    pub company_id: Option<CompanyId>,
    /// The client's name.
    pub name: String,
    /// The reading, normalised (NFKC, single spaces).
    pub name_kana: String,
    /// The employee number.
    pub employee_number: Option<String>,
    /// The department.
    pub department: Option<String>,
    /// The role.
    pub role: Option<String>,
    /// The age band.
    pub age_band: Option<AgeBand>,
    /// Years at the company.
    pub years_at_company: Option<u32>,
    /// The job.
    pub job_content: Option<String>,
    /// The desired career path.
    pub desired_career: Option<String>,
    /// Tags, sorted.
    pub tags: Vec<String>,
    /// Active or closed.
    pub status: ClientStatus,
    /// Programs the client is enrolled in.
    pub program_ids: Vec<ProgramId>,
    /// When the client was added.
    pub created_at: DateTime<Utc>,
    /// When the client was last changed.
    pub updated_at: DateTime<Utc>,
}

/// Which clients a list shows; every criterion given must hold.
#[derive(Clone, Default, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ClientFilter {
    /// Of this company.
    pub company_id: Option<CompanyId>,
    /// Enrolled in this program.
    pub program_id: Option<ProgramId>,
    /// In this department (exact).
    pub department: Option<String>,
    /// In this state.
    pub status: Option<ClientStatus>,
    /// Carrying this tag.
    pub tag: Option<String>,
}

/// A row of the client list.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ClientSummary {
    /// The client's id.
    pub id: ClientId,
    /// The client's name.
    pub name: String,
    /// The reading.
    pub name_kana: String,
    /// The company's id.
    pub company_id: Option<CompanyId>,
    /// The company's name.
    pub company_name: Option<String>,
    /// The department.
    pub department: Option<String>,
    /// Active or closed.
    pub status: ClientStatus,
    /// Tags, sorted.
    pub tags: Vec<String>,
    /// Flags not yet handled: shown prominently wherever the client appears.
    pub open_flag_count: u32,
    /// When the latest interview was held or is scheduled.
    pub last_interview_at: Option<String>,
}

text::debug_without_content!(ClientInput, company_id, status);
text::debug_without_content!(Client, id, company_id, status);
text::debug_without_content!(ClientFilter, company_id, program_id, status);
text::debug_without_content!(ClientSummary, id, company_id, open_flag_count);

/// A [`ClientInput`] that passed every check.
pub(crate) struct ValidClient {
    pub(crate) company_id: CompanyId,
    pub(crate) name: String,
    pub(crate) name_kana: String,
    pub(crate) kana_sort_key: String,
    pub(crate) employee_number: Option<String>,
    pub(crate) department: Option<String>,
    pub(crate) role: Option<String>,
    pub(crate) age_band: Option<AgeBand>,
    pub(crate) years_at_company: Option<u32>,
    pub(crate) job_content: Option<String>,
    pub(crate) desired_career: Option<String>,
    pub(crate) tags: BTreeSet<String>,
    pub(crate) status: ClientStatus,
    pub(crate) program_ids: BTreeSet<ProgramId>,
}

impl ClientInput {
    fn validate(&self) -> Result<ValidClient> {
        let name = check::required_line(&self.name, Field::Name)?;
        let name_kana = check::required_line(&kana::normalise(&self.name_kana), Field::NameKana)?;
        if !kana::is_kana(&name_kana) {
            return Err(Error::InvalidKana(Field::NameKana));
        }
        let company_id = self.company_id.ok_or(Error::Required(Field::Company))?;
        if self
            .years_at_company
            .is_some_and(|years| years > MAX_YEARS_AT_COMPANY)
        {
            return Err(Error::OutOfRange(Field::YearsAtCompany));
        }
        let tags = self
            .tags
            .iter()
            .filter_map(|tag| check::optional_line(Some(tag), Field::Tags).transpose())
            .collect::<Result<BTreeSet<_>>>()?;
        if tags.len() > MAX_TAGS {
            return Err(Error::OutOfRange(Field::Tags));
        }
        Ok(ValidClient {
            company_id,
            kana_sort_key: kana::sort_key(&name_kana),
            name,
            name_kana,
            // NFKC, so that ００４２ typed through an IME is the same number as 0042.
            employee_number: check::optional_line(
                self.employee_number.as_deref().map(kana::nfkc).as_deref(),
                Field::EmployeeNumber,
            )?,
            department: check::optional_line(self.department.as_deref(), Field::Department)?,
            role: check::optional_line(self.role.as_deref(), Field::Role)?,
            age_band: self.age_band,
            years_at_company: self.years_at_company,
            job_content: check::optional_paragraph(self.job_content.as_deref(), Field::JobContent)?,
            desired_career: check::optional_paragraph(
                self.desired_career.as_deref(),
                Field::DesiredCareer,
            )?,
            tags,
            status: self.status,
            program_ids: self.program_ids.iter().copied().collect(),
        })
    }
}

/// Checks that the company exists and that every program is one of its own.
async fn check_affiliation(conn: &mut sqlx::SqliteConnection, client: &ValidClient) -> Result<()> {
    company::store::get(&mut *conn, client.company_id).await?;
    for program_id in &client.program_ids {
        let program = program::store::get(&mut *conn, *program_id).await?;
        if program.company_id != client.company_id {
            return Err(Error::OtherCompany);
        }
    }
    Ok(())
}

/// Adds a client with their tags and programs, in one transaction.
pub async fn create(vault: &Vault, input: &ClientInput) -> Result<Client> {
    let client = input.validate()?;
    let mut tx = vault.write().await?;
    check_affiliation(&mut tx, &client).await?;
    let id = store::insert(&mut tx, &client, Utc::now()).await?;
    store::replace_tags_and_programs(&mut tx, id, &client).await?;
    let created = store::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(created)
}

/// Replaces a client's details, tags and programs. A client whose interviews, questionnaires or
/// reports belong to their company's programs stays with that company.
pub async fn update(vault: &Vault, id: ClientId, input: &ClientInput) -> Result<Client> {
    let client = input.validate()?;
    let mut tx = vault.write().await?;
    check_affiliation(&mut tx, &client).await?;
    let moving = store::company_of(&mut tx, id)
        .await?
        .is_some_and(|current| current != client.company_id);
    if moving
        && (interview::store::any_in_a_program(&mut tx, id).await?
            || questionnaire::store::any_in_a_program(&mut tx, id).await?
            || crate::report::store::any_for_client(&mut tx, id).await?)
    {
        return Err(Error::HasProgramRecords);
    }
    store::update(&mut tx, id, &client, Utc::now()).await?;
    store::replace_tags_and_programs(&mut tx, id, &client).await?;
    let updated = store::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(updated)
}

/// One client by id.
pub async fn get(vault: &Vault, id: ClientId) -> Result<Client> {
    store::get(&mut *vault.read().await?, id).await
}

/// Clients matching the filter, ordered by reading (あいうえお順), then by id.
pub async fn list(vault: &Vault, filter: &ClientFilter) -> Result<Vec<ClientSummary>> {
    let mut tx = vault.read().await?;
    let rows = store::list(&mut tx, filter).await?;
    let companies = company::store::list(&mut tx).await?;
    let open_flags = flag::store::open_counts_by_client(&mut tx).await?;
    let listed: Vec<ClientId> = rows.iter().map(|row| row.id).collect();
    let latest = interview::store::latest_by_client(&mut tx, &listed).await?;
    Ok(rows
        .into_iter()
        .map(|row| ClientSummary {
            company_name: row.company_id.and_then(|company_id| {
                companies
                    .iter()
                    .find(|company| company.id == company_id)
                    .map(|company| company.name.clone())
            }),
            open_flag_count: open_flags.get(&row.id).copied().unwrap_or(0),
            last_interview_at: latest.get(&row.id).cloned(),
            id: row.id,
            name: row.name,
            name_kana: row.name_kana,
            company_id: row.company_id,
            department: row.department,
            status: row.status,
            tags: row.tags,
        })
        .collect())
}

#[cfg(test)]
mod tests;
