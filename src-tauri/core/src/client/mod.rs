//! Clients (相談者): the employees a consultant interviews.

mod kana;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::text;
use crate::vault::Vault;
use crate::ErrorCode;

/// The longest name, reading, company or department accepted.
pub const MAX_FIELD_CHARS: usize = 200;

/// A client's id, as printed by the CLI and passed over IPC.
pub type ClientId = i64;

/// What the consultant enters to add a client.
#[derive(Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct NewClient {
    /// The client's name, as they write it.
    pub name: String,
    /// Its reading in kana (furigana), used for sorting.
    pub name_kana: String,
    /// The client company the employee works for.
    pub company: Option<String>,
    /// Their department.
    pub department: Option<String>,
}

/// A client as stored.
#[derive(Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Client {
    /// The client's id.
    pub id: ClientId,
    /// The client's name.
    pub name: String,
    /// The reading, normalised (NFKC, single spaces).
    pub name_kana: String,
    /// The company, if given.
    pub company: Option<String>,
    /// The department, if given.
    pub department: Option<String>,
    /// When the client was added.
    pub created_at: DateTime<Utc>,
    /// When the client was last changed.
    pub updated_at: DateTime<Utc>,
}

/// A row of the client list.
#[derive(Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ClientSummary {
    /// The client's id.
    pub id: ClientId,
    /// The client's name.
    pub name: String,
    /// The reading.
    pub name_kana: String,
    /// The company, if given.
    pub company: Option<String>,
    /// The department, if given.
    pub department: Option<String>,
    /// The day of the latest session, if any.
    pub last_session_on: Option<NaiveDate>,
}

text::debug_without_content!(NewClient);
text::debug_without_content!(Client, id);
text::debug_without_content!(ClientSummary, id);

/// What can go wrong with clients.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The name is empty or only whitespace.
    #[error("the client's name is empty")]
    EmptyName,
    /// The reading is empty or only whitespace.
    #[error("the client's reading is empty")]
    EmptyKana,
    /// The reading contains something other than kana.
    #[error("the client's reading must be kana only")]
    InvalidKana,
    /// A field is longer than [`MAX_FIELD_CHARS`].
    #[error("a field is longer than {MAX_FIELD_CHARS} characters")]
    TooLong,
    /// No client has this id.
    #[error("no client has id {0}")]
    NotFound(ClientId),
    /// The database failed.
    #[error("database error")]
    Database(#[from] sqlx::Error),
}

impl Error {
    /// The code front-ends translate for the user.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::EmptyName => ErrorCode::EmptyName,
            Self::EmptyKana => ErrorCode::EmptyKana,
            Self::InvalidKana => ErrorCode::InvalidKana,
            Self::TooLong => ErrorCode::TextTooLong,
            Self::NotFound(_) => ErrorCode::ClientNotFound,
            Self::Database(error) => crate::db::error_code(error),
        }
    }
}

/// The client module's result.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A [`NewClient`] that passed validation.
struct ValidClient {
    name: String,
    name_kana: String,
    kana_sort_key: String,
    company: Option<String>,
    department: Option<String>,
}

impl NewClient {
    fn validate(&self) -> Result<ValidClient> {
        let name = text::required(&self.name).ok_or(Error::EmptyName)?;
        let name_kana =
            text::required(&kana::normalise(&self.name_kana)).ok_or(Error::EmptyKana)?;
        if !kana::is_kana(&name_kana) {
            return Err(Error::InvalidKana);
        }
        let company = text::optional(self.company.as_deref());
        let department = text::optional(self.department.as_deref());
        let all_fit = [
            Some(&name),
            Some(&name_kana),
            company.as_ref(),
            department.as_ref(),
        ]
        .into_iter()
        .flatten()
        .all(|field| text::fits(field, MAX_FIELD_CHARS));
        if !all_fit {
            return Err(Error::TooLong);
        }
        Ok(ValidClient {
            kana_sort_key: kana::sort_key(&name_kana),
            name,
            name_kana,
            company,
            department,
        })
    }
}

/// Adds a client after checking the name and its reading.
pub async fn create(vault: &Vault, new_client: &NewClient) -> Result<Client> {
    let client = new_client.validate()?;
    let now = Utc::now();
    let id: ClientId = sqlx::query_scalar(
        "INSERT INTO clients (name, name_kana, kana_sort_key, company, department, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(&client.name)
    .bind(&client.name_kana)
    .bind(&client.kana_sort_key)
    .bind(&client.company)
    .bind(&client.department)
    .bind(now)
    .bind(now)
    .fetch_one(vault.pool())
    .await?;
    get(vault, id).await
}

/// One client by id.
pub async fn get(vault: &Vault, id: ClientId) -> Result<Client> {
    sqlx::query_as(
        "SELECT id, name, name_kana, company, department, created_at, updated_at FROM clients WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(vault.pool())
    .await?
    .ok_or(Error::NotFound(id))
}

/// All clients, ordered by reading (hiragana and katakana alike), then by id.
pub async fn list(vault: &Vault) -> Result<Vec<ClientSummary>> {
    Ok(sqlx::query_as(
        "SELECT c.id, c.name, c.name_kana, c.company, c.department,
                (SELECT max(s.held_on) FROM sessions s WHERE s.client_id = c.id) AS last_session_on
         FROM clients c
         ORDER BY c.kana_sort_key, c.id",
    )
    .fetch_all(vault.pool())
    .await?)
}

/// Fails with [`Error::NotFound`] unless the client exists.
pub(crate) async fn ensure_exists(vault: &Vault, id: ClientId) -> Result<()> {
    let found: Option<i64> = sqlx::query_scalar("SELECT 1 FROM clients WHERE id = ?")
        .bind(id)
        .fetch_optional(vault.pool())
        .await?;
    found.map(|_| ()).ok_or(Error::NotFound(id))
}

#[cfg(test)]
mod tests;
