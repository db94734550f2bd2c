//! Client companies (顧客企業): the employers whose employees the consultant interviews.

pub(crate) mod store;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::CompanyId;
use crate::record::{check, Field, Result};
use crate::text;
use crate::vault::Vault;
use crate::{client, program};

/// What the consultant enters to add or rename a company.
#[derive(Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CompanyInput {
    /// The company's name, unique in the vault.
    pub name: String,
}

/// A company as stored.
#[derive(Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Company {
    /// The company's id.
    pub id: CompanyId,
    /// Its name.
    pub name: String,
    /// When it was added.
    pub created_at: DateTime<Utc>,
    /// When it was last changed.
    pub updated_at: DateTime<Utc>,
}

/// A row of the company list.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CompanySummary {
    /// The company.
    pub company: Company,
    /// How many programs it has.
    pub program_count: u32,
    /// How many clients work there.
    pub client_count: u32,
}

text::debug_without_content!(CompanyInput);
text::debug_without_content!(Company, id);
text::debug_without_content!(CompanySummary, program_count, client_count);

impl CompanyInput {
    fn validate(&self) -> Result<String> {
        check::required_line(&self.name, Field::Name)
    }
}

/// Adds a company; its name must be new.
pub async fn create(vault: &Vault, input: &CompanyInput) -> Result<Company> {
    let name = input.validate()?;
    let mut tx = vault.write().await?;
    let id = store::insert(&mut tx, &name, Utc::now()).await?;
    let company = store::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(company)
}

/// Renames a company.
pub async fn update(vault: &Vault, id: CompanyId, input: &CompanyInput) -> Result<Company> {
    let name = input.validate()?;
    let mut tx = vault.write().await?;
    store::update(&mut tx, id, &name, Utc::now()).await?;
    let company = store::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(company)
}

/// One company.
pub async fn get(vault: &Vault, id: CompanyId) -> Result<Company> {
    store::get(&mut *vault.read().await?, id).await
}

/// Every company, by name, with how many programs and clients it has.
pub async fn list(vault: &Vault) -> Result<Vec<CompanySummary>> {
    let mut tx = vault.read().await?;
    let companies = store::list(&mut tx).await?;
    let programs = program::store::count_by_company(&mut tx).await?;
    let clients = client::store::count_by_company(&mut tx).await?;
    Ok(companies
        .into_iter()
        .map(|company| CompanySummary {
            program_count: programs.get(&company.id).copied().unwrap_or(0),
            client_count: clients.get(&company.id).copied().unwrap_or(0),
            company,
        })
        .collect())
}

#[cfg(test)]
mod tests;
