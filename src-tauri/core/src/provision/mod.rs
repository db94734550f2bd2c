//! The provision record (第三者提供の記録): for every package given to a third party, to whom,
//! whose data, which items, on which consent, and when, as the personal-information law asks
//! of a business that provides personal data with the person's consent. Records are kept at
//! least three years ([`KEEP_YEARS`]), even when the client is erased meanwhile: the record then
//! names them only by Kizuki's reference (`KZ-<id>`), never by name.

pub(crate) mod store;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::ids::{ClientId, ConsentId};
use crate::record::Result;
use crate::text;
use crate::vault::Vault;

/// How long a provision record is kept, at least.
pub const KEEP_YEARS: u32 = 3;

/// One provision to a third party.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProvisionRecord {
    /// Its number.
    pub id: i64,
    /// When the package was made.
    pub provided_at: DateTime<Utc>,
    /// `hr`, `boss` or `supervisor`.
    pub recipient_kind: String,
    /// The recipient as the consent names them.
    pub recipient_name: String,
    /// The client, while they are kept.
    pub client_id: Option<ClientId>,
    /// The client's name, or `KZ-<id>` once they are erased.
    pub person: String,
    /// What was provided: the parts by name, each flag as `flag:<id>`.
    pub items: Vec<String>,
    /// The consent relied on.
    pub consent_id: ConsentId,
    /// The day that consent was given.
    pub consent_granted_on: NaiveDate,
    /// SHA-256 of the package file as written.
    pub package_sha256: String,
    /// The record is kept at least until this day.
    pub keep_until: NaiveDate,
}

text::debug_without_content!(ProvisionRecord, id, provided_at, client_id, consent_id);

/// Every provision record, newest first.
pub async fn list(vault: &Vault) -> Result<Vec<ProvisionRecord>> {
    store::list(&mut *vault.read().await?).await
}
