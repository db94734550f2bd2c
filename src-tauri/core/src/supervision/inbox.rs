//! The inbox: packages received from a supervisor, kept read-only. A package is imported only
//! if it is addressed to this vault's own inbox recipient (its secret never leaves the
//! encrypted database), passes every check of [`package::open`], and is a supervisor's
//! comments in a format this build knows. Anything else is refused and nothing is kept.

use std::path::Path;
use std::str::FromStr;

use age::secrecy::ExposeSecret;
use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::SqliteConnection;

use super::comments::{SupervisionComments, COMMENTS_FORMAT};
use crate::ids::{ClientId, InboxItemId};
use crate::package::{self, OpenError, PackageKind};
use crate::record;
use crate::vault::Vault;
use crate::{audit, text, ErrorCode};

/// A package received.
#[derive(Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct InboxItem {
    /// Its id.
    pub id: InboxItemId,
    /// When it was imported.
    pub received_at: DateTime<Utc>,
    /// SHA-256 of the file as it arrived.
    pub package_sha256: String,
    /// Who wrote it.
    pub supervisor: String,
    /// What it is about (`KZ-12` for a client).
    pub regarding: String,
    /// The client it is about, when `regarding` names one still in the vault.
    pub client_id: Option<ClientId>,
    /// The day it was written.
    pub written_on: String,
    /// The comments.
    pub comments: String,
}

text::debug_without_content!(InboxItem, id, received_at, client_id);

/// Why a package was not imported. Nothing is kept in any case.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The vault could not be read or written.
    #[error(transparent)]
    Record(#[from] record::Error),
    /// The file failed a check of the package format.
    #[error(transparent)]
    Open(#[from] OpenError),
    /// A package, but not a supervisor's comments (or their document is not as documented).
    #[error("the package is not a supervisor's comments")]
    NotComments,
    /// This very file was imported before.
    #[error("the package was imported already")]
    AlreadyImported,
    /// The file could not be read.
    #[error("the file could not be read")]
    Read(#[source] std::io::Error),
}

impl ImportError {
    /// The field at fault, for the form to point at.
    pub fn field(&self) -> Option<record::Field> {
        match self {
            Self::Record(error) => error.field(),
            _ => None,
        }
    }

    /// The code front-ends translate.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::Record(error) => error.code(),
            Self::Open(OpenError::TooLarge) => ErrorCode::PackageTooLarge,
            Self::Open(OpenError::NotAge | OpenError::NotAPackage) => ErrorCode::NotAPackage,
            Self::Open(OpenError::WrongKey) => ErrorCode::PackageNotForYou,
            Self::Open(OpenError::Damaged) => ErrorCode::PackageDamaged,
            Self::Open(OpenError::UnknownVersion(_)) => ErrorCode::UnknownPackageVersion,
            Self::NotComments => ErrorCode::NotSupervisionComments,
            Self::AlreadyImported => ErrorCode::AlreadyImported,
            Self::Read(error) if error.kind() == std::io::ErrorKind::NotFound => {
                ErrorCode::FileNotFound
            }
            Self::Read(error) => ErrorCode::of_io(error),
        }
    }
}

async fn identity(conn: &mut SqliteConnection) -> record::Result<age::x25519::Identity> {
    let stored: Option<String> =
        sqlx::query_scalar("SELECT inbox_identity FROM vault_settings WHERE id = 1")
            .fetch_one(&mut *conn)
            .await?;
    if let Some(text) = stored {
        // Never replaced: the supervisor encrypts to the key already given out.
        return age::x25519::Identity::from_str(&text)
            .map_err(|_| record::Error::Storage(std::io::ErrorKind::InvalidData.into()));
    }
    let identity = age::x25519::Identity::generate();
    sqlx::query("UPDATE vault_settings SET inbox_identity = ? WHERE id = 1")
        .bind(identity.to_string().expose_secret())
        .execute(&mut *conn)
        .await?;
    Ok(identity)
}

/// The recipient (`age1…`) a supervisor encrypts their comments to; made the first time it is
/// asked for.
pub async fn recipient(vault: &Vault) -> record::Result<String> {
    let mut tx = vault.write().await?;
    let identity = identity(&mut tx).await?;
    tx.commit().await?;
    Ok(identity.to_public().to_string())
}

/// Imports a package received from a supervisor.
pub async fn import(vault: &Vault, sealed: &[u8]) -> Result<InboxItem, ImportError> {
    let mut tx = vault.write().await.map_err(record::Error::from)?;
    let identity = identity(&mut tx).await?;
    let opened = package::open(sealed, &[&identity])?;
    if opened.manifest.kind != PackageKind::SupervisionComments {
        return Err(ImportError::NotComments);
    }
    let (content, comments) = opened
        .files
        .iter()
        .find(|(name, _)| name == "comments.json")
        .and_then(|(_, content)| {
            let comments: SupervisionComments = serde_json::from_slice(content).ok()?;
            Some((content, comments))
        })
        .ok_or(ImportError::NotComments)?;
    // The manifest's day is stored too: only as the moment it must be, never a long string.
    let created_at = chrono::DateTime::parse_from_rfc3339(&opened.manifest.created_at)
        .map_err(|_| ImportError::NotComments)?
        .with_timezone(&Utc)
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    if comments.format != COMMENTS_FORMAT || comments.check().is_err() {
        return Err(ImportError::NotComments);
    }
    let sha256 = package::sha256(sealed);
    // Linked only through the reference a supervision package carried, its random token
    // included: a number alone could be guessed, or given again after a restore.
    let client_id: Option<ClientId> = match comments
        .regarding
        .strip_prefix(super::REFERENCE_PREFIX)
        .and_then(|reference| reference.split_once('-'))
        .filter(|(id, token)| id.bytes().all(|b| b.is_ascii_digit()) && !token.is_empty())
    {
        Some((id, token)) => sqlx::query_scalar(
            "SELECT client_id FROM supervision_exports WHERE id = ? AND token = ?",
        )
        .bind(id.parse::<i64>().unwrap_or_default())
        .bind(token)
        .fetch_optional(&mut *tx)
        .await
        .map_err(record::Error::from)?,
        None => None,
    };
    let now = Utc::now();
    let inserted = sqlx::query(
        "INSERT INTO inbox_items (received_at, package_sha256, content_sha256, created_at,
                                  supervisor, regarding, client_id, written_on, comments)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
    )
    .bind(now)
    .bind(&sha256)
    .bind(package::sha256(content))
    .bind(&created_at)
    .bind(&comments.supervisor)
    .bind(&comments.regarding)
    .bind(client_id)
    .bind(&comments.written_on)
    .bind(&comments.comments)
    .execute(&mut *tx)
    .await
    .map_err(record::Error::from)?;
    if inserted.rows_affected() == 0 {
        return Err(ImportError::AlreadyImported);
    }
    let id = InboxItemId(inserted.last_insert_rowid());
    let subject = match client_id {
        Some(client) => format!("KZI-{id} {}", crate::ics::reference(client)),
        None => format!("KZI-{id}"),
    };
    audit::store::append(
        &mut tx,
        audit::Action::Import,
        &subject,
        &format!("kind=supervision_comments sha256={sha256}"),
        now,
    )
    .await?;
    let item = get(&mut tx, id).await?;
    tx.commit().await.map_err(record::Error::from)?;
    Ok(item)
}

async fn get(conn: &mut SqliteConnection, id: InboxItemId) -> record::Result<InboxItem> {
    Ok(sqlx::query_as(
        "SELECT id, received_at, package_sha256, supervisor, regarding, client_id, written_on,
                comments
         FROM inbox_items WHERE id = ?",
    )
    .bind(id)
    .fetch_one(conn)
    .await?)
}

/// What the inbox holds, newest first.
pub async fn list(vault: &Vault) -> record::Result<Vec<InboxItem>> {
    let mut tx = vault.read().await?;
    Ok(sqlx::query_as(
        "SELECT id, received_at, package_sha256, supervisor, regarding, client_id, written_on,
                comments
         FROM inbox_items ORDER BY received_at DESC, id DESC",
    )
    .fetch_all(&mut *tx)
    .await?)
}

/// Imports the package in `file`, read no further than a package can be long.
pub async fn import_file(vault: &Vault, file: &Path) -> Result<InboxItem, ImportError> {
    let sealed = crate::fs_atomic::read_at_most(file, package::MAX_PACKAGE_BYTES)
        .map_err(ImportError::Read)?;
    import(vault, &sealed).await
}

/// The `.age` files in `dir` (the desktop app's Downloads) that could be packages, newest
/// first: what the app offers to import, by name only.
pub fn candidates(dir: &Path) -> std::io::Result<Vec<String>> {
    crate::fs_atomic::age_files_in(dir)
}

/// Imports the file of that name in `dir`, as [`candidates`] listed it; a name that is not a
/// plain file name in `dir` is refused.
pub async fn import_from(vault: &Vault, dir: &Path, name: &str) -> Result<InboxItem, ImportError> {
    let file = crate::fs_atomic::file_in(dir, name).map_err(ImportError::Read)?;
    import_file(vault, &file).await
}
