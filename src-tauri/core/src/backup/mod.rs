//! Backup and restore: the whole vault as one age file, taken while the app runs, and put
//! back into a new data directory only after it has been opened and checked there.
//!
//! A backup holds the vault's own files, as they are on disk: the SQLCipher database (and
//! its write-ahead log, if any), still encrypted with the vault key, and the two wrapped key
//! files. They are copied while the vault's write lock is held, so that no save and no
//! checkpoint can change them meanwhile: the copy is one consistent moment, and restoring it
//! opens with the passphrase (or recovery key) of that moment. The archive is then encrypted
//! again with age, to a passphrase or to age/SSH recipients, in the package format
//! (`docs/package-format.md`, kind `backup`).

mod in_app;

use std::fs;
use std::path::{Path, PathBuf};

use age::secrecy::SecretString;
use chrono::Utc;
use serde::Serialize;

use crate::package::{self, Document, Encryption, PackageKind};
use crate::vault::{
    self, RecoveryKey, Vault, DATABASE_FILE, PASSPHRASE_KEY_FILE, RECOVERY_KEY_FILE,
};
use crate::{audit, fs_atomic};

pub use in_app::{candidates, restore_into_app, RestoreWith};

/// The largest backup restored: a decade of practice is a few hundred megabytes.
pub const MAX_BACKUP_BYTES: usize = 2 * 1024 * 1024 * 1024;

/// The write-ahead log's name beside the database.
fn log_file() -> String {
    format!("{DATABASE_FILE}-wal")
}

/// Why a backup or a restore did not happen. Nothing is left behind in any case.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The vault could not be read, or the restored one not opened.
    #[error(transparent)]
    Vault(#[from] vault::Error),
    /// The audit log could not be written.
    #[error(transparent)]
    Record(#[from] crate::record::Error),
    /// The backup could not be encrypted as asked.
    #[error(transparent)]
    Seal(#[from] package::SealError),
    /// The file is not a backup this build can read, or not for this key.
    #[error(transparent)]
    Open(#[from] package::OpenError),
    /// A package, but not a backup.
    #[error("the package is not a backup")]
    NotABackup,
    /// The target directory already holds something; a restore never replaces it.
    #[error("the target directory is not empty")]
    TargetNotEmpty,
    /// The write-ahead log could not be emptied (a read held it): a backup then could carry
    /// pages of a client erased just before, so none is taken.
    #[error("the vault is busy")]
    Busy,
    /// The backup would be larger than a restore accepts.
    #[error("the backup is too large")]
    TooLarge,
    /// The restored vault opened but did not pass SQLite's integrity check.
    #[error("the restored database failed its integrity check")]
    Corrupt,
    /// A file already has the backup's name.
    #[error("the file already exists")]
    FileExists,
    /// The backup named is not a file in the folder it was looked for in.
    #[error("the backup file was not found")]
    FileNotFound,
    /// Reading or writing files failed.
    #[error("reading or writing files failed")]
    Io(#[source] std::io::Error),
}

impl Error {
    /// The code front-ends translate.
    pub fn code(&self) -> crate::ErrorCode {
        use crate::ErrorCode;
        match self {
            // Read in a restore, a damaged vault is a damaged backup.
            Self::Vault(vault::Error::Damaged(_)) => ErrorCode::BackupDamaged,
            Self::Vault(error) => error.code(),
            Self::Record(error) => error.code(),
            Self::Seal(package::SealError::NoRecipients) => ErrorCode::NoRecipients,
            Self::Seal(package::SealError::InvalidRecipient) => ErrorCode::InvalidRecipient,
            Self::Seal(package::SealError::PassphraseTooShort) => ErrorCode::PassphraseTooShort,
            Self::Seal(_) => ErrorCode::Internal,
            Self::Open(package::OpenError::WrongKey) => ErrorCode::WrongBackupKey,
            Self::Open(package::OpenError::UnknownVersion(_)) => ErrorCode::UnknownPackageVersion,
            Self::Open(package::OpenError::TooLarge) | Self::TooLarge => ErrorCode::BackupTooLarge,
            Self::Open(_) | Self::NotABackup => ErrorCode::NotABackup,
            Self::Corrupt => ErrorCode::BackupDamaged,
            Self::TargetNotEmpty => ErrorCode::TargetNotEmpty,
            Self::Busy => ErrorCode::VaultBusy,
            Self::FileExists => ErrorCode::FileExists,
            Self::FileNotFound => ErrorCode::FileNotFound,
            Self::Io(error) => ErrorCode::of_io(error),
        }
    }
}

/// The result of backups and restores.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What a backup wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct BackedUp {
    /// The file.
    pub path: String,
    /// Its size.
    pub bytes: u64,
    /// SHA-256 of the file, as the audit log keeps it.
    pub sha256: String,
}

/// How far a backup has come: bytes copied and then encrypted, out of both together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    /// Done so far.
    pub done: u64,
    /// All there is to do.
    pub total: u64,
}

/// Writes a backup of the open vault to `path` (a new file), encrypted as asked.
pub async fn backup(
    vault: &Vault,
    encryption: &Encryption,
    armored: bool,
    path: &Path,
) -> Result<BackedUp> {
    backup_reporting(vault, encryption, armored, path, &|_| {}).await
}

/// Empties the write-ahead log, trying a few times while reads finish.
async fn empty_the_log(vault: &Vault) -> Result<()> {
    for _ in 0..5 {
        if vault.truncate_log().await.map_err(vault::Error::from)? {
            return Ok(());
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    Err(Error::Busy)
}

/// What a backup file in the Downloads folder is called, before its date.
pub const BACKUP_FILE_PREFIX: &str = "Kizuki-backup";

/// Writes a backup into `dir` as `Kizuki-backup-<date>.age`, numbered rather than replacing
/// an earlier one, reporting its progress.
pub async fn backup_into(
    vault: &Vault,
    encryption: &Encryption,
    armored: bool,
    dir: &Path,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<BackedUp> {
    let stem = format!("{BACKUP_FILE_PREFIX}-{}", crate::calendar::today());
    for path in fs_atomic::numbered_names(dir, &stem, "age") {
        if fs::symlink_metadata(&path).is_ok() {
            continue;
        }
        match backup_reporting(vault, encryption, armored, &path, progress).await {
            Err(Error::FileExists) => continue,
            outcome => return outcome,
        }
    }
    Err(Error::FileExists)
}

/// [`backup`], telling `progress` how far it has come.
pub async fn backup_reporting(
    vault: &Vault,
    encryption: &Encryption,
    armored: bool,
    path: &Path,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<BackedUp> {
    package::check(encryption, vault::MIN_PASSPHRASE_CHARS)?;
    let layout = vault.layout().clone();
    // An erasure empties the log after it; if a read held that back, the log still holds the
    // erased client's old pages, which must not be copied into a file kept for years.
    empty_the_log(vault).await?;
    // Holding the write lock, no save commits and the log cannot be restarted: a checkpoint
    // may still copy pages into the database file, but only pages whose newest version stays
    // in the log, so the database and log copied together are one consistent moment.
    let mut tx = vault.write().await.map_err(vault::Error::from)?;
    let head = audit::store::head(&mut tx).await?;
    let mut documents = Vec::new();
    for (name, file) in [
        (DATABASE_FILE.to_owned(), layout.database()),
        (log_file(), layout.database_companions()[0].clone()),
        (PASSPHRASE_KEY_FILE.to_owned(), layout.passphrase_key()),
        (RECOVERY_KEY_FILE.to_owned(), layout.recovery_key()),
    ] {
        match fs::read(&file) {
            Ok(content) => documents.push((name, content)),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound && name == log_file() => {}
            Err(error) => return Err(Error::Io(error)),
        }
    }
    tx.rollback().await.map_err(vault::Error::from)?;
    // Copying is about as much work as encrypting: the total counts the bytes twice.
    let copied: u64 = documents
        .iter()
        .map(|(_, content)| content.len() as u64)
        .sum();
    let total = copied * 2;
    progress(Progress {
        done: copied,
        total,
    });
    let now = Utc::now();
    let documents: Vec<Document> = documents
        .into_iter()
        .map(|(name, content)| Document {
            name,
            media_type: "application/octet-stream",
            content,
        })
        .collect();
    let archive = package::assemble(PackageKind::Backup, None, head, &documents, now);
    // The archive holds the files now: one copy fewer in memory while it is encrypted.
    drop(documents);
    // Armor adds a third; what a restore would refuse is not written.
    let sealed_estimate = if armored {
        archive.len() / 3 * 4
    } else {
        archive.len()
    };
    if sealed_estimate > MAX_BACKUP_BYTES {
        return Err(Error::TooLarge);
    }
    let sealed = package::seal_reporting(&archive, encryption, armored, &mut |sealed| {
        progress(Progress {
            done: (copied + sealed as u64).min(total),
            total,
        });
    })?;
    let sha256 = package::sha256(&sealed);
    fs_atomic::write_new_file(path, &sealed).map_err(|error| {
        if error.kind() == std::io::ErrorKind::AlreadyExists {
            Error::FileExists
        } else {
            Error::Io(error)
        }
    })?;
    let mut tx = vault.write().await.map_err(vault::Error::from)?;
    let logged = audit::store::append(
        &mut tx,
        audit::Action::Backup,
        "vault",
        &format!("sha256={sha256}"),
        now,
    )
    .await;
    // A backup the log cannot record is not kept: the log must know every copy made.
    if let Err(error) = logged {
        let _ = fs::remove_file(path);
        return Err(error.into());
    }
    if let Err(error) = tx.commit().await {
        let _ = fs::remove_file(path);
        return Err(vault::Error::from(error).into());
    }
    Ok(BackedUp {
        path: path.display().to_string(),
        bytes: sealed.len() as u64,
        sha256,
    })
}

/// How the backup file itself is opened.
pub enum BackupKey<'a> {
    /// It was encrypted to a passphrase.
    Passphrase(&'a SecretString),
    /// It was encrypted to recipients: their identities (any one that fits opens it).
    Identities(&'a [&'a dyn age::Identity]),
}

impl std::fmt::Debug for BackupKey<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Passphrase(_) => "Passphrase(..)",
            Self::Identities(_) => "Identities(..)",
        })
    }
}

/// What a restore checked and put in place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Restored {
    /// The data directory now holding the vault.
    pub data_dir: String,
    /// When the backup was made.
    pub backed_up_at: String,
}

/// Restores a backup into `target`, a data directory that must not exist or be empty. The
/// vault is written beside it first, opened with `passphrase` (the vault's passphrase at the
/// time of the backup) and checked; only then is it moved into place. A restore that fails
/// at any point leaves nothing.
///
/// The backup is decrypted before the future is made: the identities in `key` are not `Sync`,
/// and a future that held them could not be sent between threads (the app's commands must be).
pub fn restore<'a>(
    sealed: &[u8],
    key: BackupKey<'_>,
    passphrase: &'a SecretString,
    target: &'a Path,
) -> impl std::future::Future<Output = Result<Restored>> + Send + 'a {
    let opened = open_backup(sealed, key);
    async move { restore_opened(opened?, Opening::Passphrase(passphrase), target).await }
}

/// Restores a backup made to the recovery key's recipient (`backup::recovery_recipient`) with
/// the recovery key alone: for the consultant who has lost the laptop and forgotten the
/// passphrase. The restored vault takes `new_passphrase`.
pub async fn restore_with_recovery_key(
    sealed: &[u8],
    recovery_key: &RecoveryKey,
    new_passphrase: &SecretString,
    target: &Path,
) -> Result<Restored> {
    let opened = open_backup(sealed, BackupKey::Identities(&[recovery_key.identity()]))?;
    restore_opened(
        opened,
        Opening::Recovery {
            key: recovery_key,
            new_passphrase,
        },
        target,
    )
    .await
}

/// How the restored vault is opened for its check.
enum Opening<'a> {
    Passphrase(&'a SecretString),
    Recovery {
        key: &'a RecoveryKey,
        new_passphrase: &'a SecretString,
    },
}

/// The recovery key's public half, to encrypt a backup to (`None` in a vault created before
/// it was kept, until the vault is next recovered).
pub async fn recovery_recipient(vault: &Vault) -> Result<Option<String>> {
    Ok(vault.recovery_recipient().await?)
}

/// Decrypts and checks a backup package. Apart from the restore that follows, and never held
/// across an await: an identity is not `Sync`, and the app's commands must be `Send`.
fn open_backup(sealed: &[u8], key: BackupKey<'_>) -> Result<package::Package> {
    if sealed.len() > MAX_BACKUP_BYTES {
        return Err(Error::Open(package::OpenError::TooLarge));
    }
    let opened = match key {
        BackupKey::Passphrase(passphrase) => {
            let scrypt = crate::vault::key::passphrase_identity(
                passphrase,
                crate::vault::key::MAX_PACKAGE_LOG_N,
            );
            package::open_sized(sealed, &[&scrypt], MAX_BACKUP_BYTES)?
        }
        BackupKey::Identities(identities) => {
            package::open_sized(sealed, identities, MAX_BACKUP_BYTES)?
        }
    };
    if opened.manifest.kind != PackageKind::Backup {
        return Err(Error::NotABackup);
    }
    Ok(opened)
}

/// Puts an opened backup into `target` by way of a checked copy beside it.
async fn restore_opened(
    opened: package::Package,
    opening: Opening<'_>,
    target: &Path,
) -> Result<Restored> {
    if !is_empty_or_absent(target)? {
        return Err(Error::TargetNotEmpty);
    }
    let staging = staging_beside(target)?;
    let outcome = restore_into(&opened, &opening, &staging).await;
    let placed = outcome.and_then(|()| place(&staging, target));
    if placed.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    placed?;
    Ok(Restored {
        data_dir: target.display().to_string(),
        backed_up_at: opened.manifest.created_at,
    })
}

async fn restore_into(opened: &package::Package, opening: &Opening<'_>, dir: &Path) -> Result<()> {
    let expected = [DATABASE_FILE, PASSPHRASE_KEY_FILE, RECOVERY_KEY_FILE];
    if !expected
        .iter()
        .all(|name| opened.files.iter().any(|(file, _)| file == name))
    {
        return Err(Error::NotABackup);
    }
    for (name, content) in &opened.files {
        let known = expected.contains(&name.as_str()) || *name == log_file();
        if !known {
            return Err(Error::NotABackup);
        }
        fs_atomic::write_new_file(&dir.join(name), content).map_err(Error::Io)?;
    }
    let vault = match opening {
        Opening::Passphrase(passphrase) => Vault::unlock(dir, passphrase).await?,
        Opening::Recovery {
            key,
            new_passphrase,
        } => Vault::recover(dir, key, new_passphrase).await?,
    };
    let checked = check_and_log(&vault, &opened.manifest.created_at).await;
    vault.lock().await;
    checked
}

/// Checks the restored database and records the restore in its own audit log.
async fn check_and_log(vault: &Vault, backed_up_at: &str) -> Result<()> {
    if !vault.integrity_check().await? {
        return Err(Error::Corrupt);
    }
    let mut tx = vault.write().await.map_err(vault::Error::from)?;
    audit::store::append(
        &mut tx,
        audit::Action::Restore,
        "vault",
        &format!("backed_up_at={backed_up_at}"),
        Utc::now(),
    )
    .await?;
    tx.commit().await.map_err(vault::Error::from)?;
    Ok(())
}

fn is_empty_or_absent(dir: &Path) -> Result<bool> {
    match fs::read_dir(dir) {
        Ok(mut entries) => Ok(entries.next().is_none()),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(true),
        Err(error) => Err(Error::Io(error)),
    }
}

/// A new, private directory beside `target`, on the same file system so that the restored
/// vault moves into place by a rename.
fn staging_beside(target: &Path) -> Result<PathBuf> {
    let parent = target
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs_atomic::create_private_dir(parent).map_err(Error::Io)?;
    let name = target
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| "vault".to_owned());
    let staging = parent.join(format!(".{name}.restoring-{:016x}", rand::random::<u64>()));
    #[cfg(unix)]
    let builder = {
        use std::os::unix::fs::DirBuilderExt;
        let mut builder = fs::DirBuilder::new();
        builder.mode(0o700);
        builder
    };
    #[cfg(not(unix))]
    let builder = fs::DirBuilder::new();
    builder.create(&staging).map_err(Error::Io)?;
    Ok(staging)
}

/// Moves the checked vault into `target` in one rename. An empty directory chosen as the
/// target is removed first (`remove_dir` fails on anything that is not empty), so the vault
/// is either all there or not there at all.
fn place(staging: &Path, target: &Path) -> Result<()> {
    if target.exists() {
        fs::remove_dir(target).map_err(|_| Error::TargetNotEmpty)?;
    }
    fs::rename(staging, target).map_err(Error::Io)
}

#[cfg(test)]
mod tests;
