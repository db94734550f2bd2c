//! Exports to third parties: packages made only from what an active, unexpired consent covers,
//! checked at the moment of export. An export writes the package file (never over another
//! file), the provision record and the audit entry together: if any of them fails, none is
//! left behind.

mod error;
pub(crate) mod recorded;
pub(crate) mod store;
mod summary;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use error::{Error, Result};
pub use summary::{
    Dated, SharedFlag, SharedItem, SummaryClient, SummaryConsent, SummaryDocument, SUMMARY_FORMAT,
};

use crate::consent::{self, Consent, ConsentState, SharePart};
use crate::ids::{ConsentId, FlagId};
use crate::package::{self, Document, Encryption, PackageKind};
use crate::record::{self, check, Field};
use crate::vault::Vault;
use crate::{calendar, fs_atomic, provision, text};

/// The longest summary.
pub const MAX_SUMMARY_CHARS: usize = 20_000;

/// What to put in a summary package.
#[derive(Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SummaryRequest {
    /// The consent relied on (it names the client and the recipient).
    pub consent_id: ConsentId,
    /// The parts to include.
    pub parts: Vec<SharePart>,
    /// The flags to include, each one the consent must name.
    pub flag_ids: Vec<FlagId>,
    /// A summary to use instead of the one saved, saved with the export if it goes ahead
    /// (the CLI's `--summary-file`); absent: the saved one.
    pub summary: Option<String>,
}

text::debug_without_content!(SummaryRequest, consent_id, parts, flag_ids);

/// What the preview shows: the document exactly as it would be sent, and what of it the
/// consent does not cover (empty when the export may go ahead).
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SummaryPreview {
    /// The document.
    pub document: SummaryDocument,
    /// The consent's state today.
    pub consent_state: ConsentState,
    /// Included parts the consent does not cover (all of them when it is not active).
    pub uncovered_parts: Vec<SharePart>,
    /// Included flags the consent does not cover.
    pub uncovered_flags: Vec<FlagId>,
}

text::debug_without_content!(SummaryPreview, consent_state, uncovered_parts);

/// Where and how a package is written.
#[derive(Debug)]
pub struct Target {
    /// Whom it is encrypted to.
    pub encryption: Encryption,
    /// ASCII armor instead of binary.
    pub armored: bool,
    /// The file to create; it must not exist.
    pub path: PathBuf,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Exported {
    /// The file.
    pub path: String,
    /// Its size.
    pub bytes: u64,
    /// SHA-256 of the file, as the provision record keeps it.
    pub sha256: String,
    /// The provision record's number; absent for a package that holds no one's personal
    /// data (an overall report).
    pub provision_record: Option<i64>,
}

/// The summary written for a consent's recipient.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// The consent whose recipient it is written for.
    pub consent_id: ConsentId,
    /// The text; empty until written.
    pub text: String,
    /// When it was last saved; absent until written.
    pub updated_at: Option<DateTime<Utc>>,
}

text::debug_without_content!(Summary, consent_id, updated_at);

/// The summary written for a consent's recipient.
pub async fn summary(vault: &Vault, consent_id: ConsentId) -> record::Result<Summary> {
    let mut tx = vault.read().await?;
    consent::store::get(&mut tx, consent_id).await?;
    store::summary(&mut tx, consent_id).await
}

/// Saves the summary written for a consent's recipient (autosaved as it is typed).
pub async fn save_summary(
    vault: &Vault,
    consent_id: ConsentId,
    text: &str,
) -> record::Result<Summary> {
    check::free_text(text, MAX_SUMMARY_CHARS, Field::Summary)?;
    let mut tx = vault.write().await?;
    consent::store::get(&mut tx, consent_id).await?;
    store::save_summary(&mut tx, consent_id, text, Utc::now()).await?;
    let saved = store::summary(&mut tx, consent_id).await?;
    tx.commit().await?;
    Ok(saved)
}

fn checked_request(request: &SummaryRequest) -> record::Result<(Vec<SharePart>, Vec<FlagId>)> {
    let mut parts = request.parts.clone();
    parts.sort();
    parts.dedup();
    let mut flags = request.flag_ids.clone();
    flags.sort();
    flags.dedup();
    if parts.is_empty() && flags.is_empty() {
        return Err(record::Error::Required(Field::Parts));
    }
    Ok((parts, flags))
}

/// What of `parts` and `flags` the consent leaves out today; `changed` are its flags edited
/// since it was given, which it no longer covers.
fn uncovered(
    consent: &Consent,
    changed: &[FlagId],
    parts: &[SharePart],
    flags: &[FlagId],
) -> (ConsentState, Vec<SharePart>, Vec<FlagId>) {
    let state = consent.state_on(calendar::today());
    if state != ConsentState::Active {
        return (state, parts.to_vec(), flags.to_vec());
    }
    (
        state,
        parts
            .iter()
            .copied()
            .filter(|part| !consent.parts.contains(part))
            .collect(),
        flags
            .iter()
            .copied()
            .filter(|flag| !consent.flag_ids.contains(flag) || changed.contains(flag))
            .collect(),
    )
}

async fn gather(
    conn: &mut sqlx::SqliteConnection,
    request: &SummaryRequest,
) -> Result<(Consent, SummaryPreview)> {
    let (parts, flags) = checked_request(request)?;
    let consent = consent::store::get(&mut *conn, request.consent_id).await?;
    for flag_id in &flags {
        if crate::flag::store::get(&mut *conn, *flag_id)
            .await?
            .client_id
            != consent.client_id
        {
            return Err(record::Error::MissingParent.into());
        }
    }
    let summary = match &request.summary {
        Some(text) => {
            check::free_text(text, MAX_SUMMARY_CHARS, Field::Summary)?;
            text.clone()
        }
        None => store::summary(&mut *conn, consent.id).await?.text,
    };
    if parts.contains(&SharePart::Summary) && summary.trim().is_empty() {
        return Err(record::Error::Required(Field::Summary).into());
    }
    let document = summary::gather(&mut *conn, &consent, &parts, &flags, &summary).await?;
    let changed = consent::store::changed_flags(&mut *conn, consent.id).await?;
    let (consent_state, uncovered_parts, uncovered_flags) =
        uncovered(&consent, &changed, &parts, &flags);
    Ok((
        consent,
        SummaryPreview {
            document,
            consent_state,
            uncovered_parts,
            uncovered_flags,
        },
    ))
}

/// The summary exactly as it would be sent, and what the consent does not cover.
pub async fn preview_summary(vault: &Vault, request: &SummaryRequest) -> Result<SummaryPreview> {
    let mut tx = vault.read().await.map_err(record::Error::from)?;
    Ok(gather(&mut tx, request).await?.1)
}

/// Writes a summary package: refused, with nothing written, unless the consent is active
/// today and covers every part and flag included.
pub async fn export_summary(
    vault: &Vault,
    request: &SummaryRequest,
    target: &Target,
) -> Result<Exported> {
    package::check(&target.encryption, package::MIN_PASSPHRASE_CHARS)?;
    let mut tx = vault.write().await.map_err(record::Error::from)?;
    let (consent, preview) = gather(&mut tx, request).await?;
    if !preview.uncovered_parts.is_empty() || !preview.uncovered_flags.is_empty() {
        return Err(Error::NotCovered {
            state: preview.consent_state,
            parts: preview.uncovered_parts,
            flags: preview.uncovered_flags,
        });
    }
    let now = Utc::now();
    let document = &preview.document;
    let json = serde_json::to_vec_pretty(document).unwrap_or_default();
    let mut items: Vec<String> = document
        .parts
        .iter()
        .map(|part| part.as_str().to_owned())
        .collect();
    items.extend(request_flags(request).map(|flag| format!("flag:{flag}")));
    if let Some(text) = &request.summary {
        store::save_summary(&mut tx, consent.id, text, now).await?;
    }
    let provision_record = provision::store::insert_under(
        &mut tx,
        &consent,
        &document.client.name,
        &items,
        &target.encryption.sealed_for(),
        now,
    )
    .await?;
    let sealed = recorded::seal(
        &mut tx,
        recorded::Recorded {
            kind: PackageKind::HrSummary,
            consent: Some(consent.package_reference()),
            documents: &Document::page_and_json("summary", summary::html(document), json),
            subject: format!(
                "KZP-{provision_record} {} KZ-{}",
                consent.reference(),
                consent.client_id
            ),
            detail: format!("kind=hr_summary items={}", items.join(",")),
            provision_record: Some(provision_record),
        },
        target,
        now,
    )
    .await?;
    commit_with_package(tx, target, &sealed, Some(provision_record)).await
}

/// Writes the package file, then commits the transaction that recorded it (its audit entry,
/// its provision record): the file is removed again if the commit fails, so neither is ever
/// left without the other.
pub(crate) async fn commit_with_package(
    tx: sqlx::Transaction<'static, sqlx::Sqlite>,
    target: &Target,
    sealed: &[u8],
    provision_record: Option<i64>,
) -> Result<Exported> {
    write_package(&target.path, sealed)?;
    if let Err(error) = tx.commit().await {
        let _ = std::fs::remove_file(&target.path);
        return Err(record::Error::from(error).into());
    }
    Ok(Exported {
        path: target.path.display().to_string(),
        bytes: sealed.len() as u64,
        sha256: package::sha256(sealed),
        provision_record,
    })
}

/// What a summary package's file name starts with.
pub const SUMMARY_FILE_PREFIX: &str = "人事向けサマリー";

/// Writes a summary package into `dir` (the desktop app's Downloads) under a name of Kizuki's
/// references, never the client's name: `人事向けサマリー-KZ-<client>-KZC-<consent>.age`, numbered
/// rather than overwriting an earlier one.
pub async fn export_summary_into(
    vault: &Vault,
    request: &SummaryRequest,
    encryption: Encryption,
    armored: bool,
    dir: &Path,
) -> Result<Exported> {
    let consent = consent::get(vault, request.consent_id).await?;
    let stem = format!(
        "{SUMMARY_FILE_PREFIX}-{}-{}",
        crate::ics::reference(consent.client_id),
        consent.reference()
    );
    into_free_name!(dir, &stem, encryption, armored, |target| {
        export_summary(vault, request, target).await
    })
}

/// Runs `$export`, an expression of `$target: &Target`, with the first numbered name in `$dir`
/// that nothing has: `<stem>.age`, then `<stem> (2).age` …, never over a file, even one made
/// between the look and the write. (A macro: an async closure's future cannot be shown `Send`
/// to the shell's commands.)
macro_rules! into_free_name {
    ($dir:expr, $stem:expr, $encryption:expr, $armored:expr, |$target:ident| $export:expr) => {{
        let mut target = $crate::export::Target {
            encryption: $encryption,
            armored: $armored,
            path: std::path::PathBuf::new(),
        };
        let mut outcome = Err($crate::export::Error::FileExists);
        for path in $crate::fs_atomic::numbered_names($dir, $stem, "age") {
            target.path = path;
            if std::fs::symlink_metadata(&target.path).is_ok() {
                continue;
            }
            let $target = &target;
            match $export {
                // Taken between the look and the write: the next number.
                Err($crate::export::Error::FileExists) => continue,
                done => {
                    outcome = done;
                    break;
                }
            }
        }
        outcome
    }};
}
pub(crate) use into_free_name;

fn request_flags(request: &SummaryRequest) -> impl Iterator<Item = FlagId> {
    let mut flags = request.flag_ids.clone();
    flags.sort();
    flags.dedup();
    flags.into_iter()
}

pub(crate) fn write_package(path: &Path, sealed: &[u8]) -> Result<()> {
    fs_atomic::write_new_file(path, sealed).map_err(|error| {
        if error.kind() == std::io::ErrorKind::AlreadyExists {
            Error::FileExists
        } else {
            Error::Write(error)
        }
    })
}

#[cfg(test)]
mod tests;
