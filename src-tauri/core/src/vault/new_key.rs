//! A new database key, for when a secret may have been seen. Changing the passphrase or the
//! recovery key rewraps the same database key, so an old key file (every backup holds one)
//! with the old secret still opens today's database; only a new key closes that.
//!
//! The database is copied under the new key (`sqlcipher_export`) into a staging folder beside
//! it, with new key files for the passphrase and for a new recovery key, all synced, and only
//! then marked ready. Then the vault is closed and the three files are renamed into place.
//! Stopped before the mark, the staging folder is thrown away and the old key opens the old
//! database; stopped after it, the next unlock finishes the renames first. Either way the vault
//! opens, with one key or the other, and holds everything.

use std::fs;
use std::path::{Path, PathBuf};

use age::secrecy::SecretString;
use sha2::{Digest, Sha256};

use super::error::{Error, Result};
use super::key::{DatabaseKey, KdfCost};
use super::layout::Layout;
use super::{passphrase, RecoveryKey, Vault};
use crate::fs_atomic;
use crate::text::hex;

/// Appends the rekey to the audit log of the vault it produced.
async fn record_rekey(vault: &Vault) -> std::result::Result<(), crate::record::Error> {
    let mut tx = vault.write().await?;
    crate::audit::store::append(
        &mut tx,
        crate::audit::Action::Rekey,
        "vault",
        "",
        chrono::Utc::now(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The staging folder, inside the vault's directory.
const STAGING_DIR: &str = "rekey-staging";
/// Written last into the staging folder: its files are complete.
const READY_MARKER: &str = "ready";

/// A rekey that failed, and the vault when nothing of it had changed yet (else the vault is
/// locked: unlocking it again finishes or discards what was under way).
pub struct RekeyFailure {
    /// The vault, still open under its old key.
    pub vault: Option<Vault>,
    /// Why.
    pub error: Error,
}

impl std::fmt::Debug for RekeyFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "RekeyFailure({:?}, open: {})",
            self.error,
            self.vault.is_some()
        )
    }
}

/// What lands together: the database and the two key files, by file name.
fn staged_files(layout: &Layout) -> [(PathBuf, PathBuf); 3] {
    let staging = staging_dir(layout.dir());
    [
        layout.database(),
        layout.passphrase_key(),
        layout.recovery_key(),
    ]
    .map(|target| {
        let name = target
            .file_name()
            .map(ToOwned::to_owned)
            .unwrap_or_default();
        (staging.join(name), target)
    })
}

fn staging_dir(dir: &Path) -> PathBuf {
    dir.join(STAGING_DIR)
}

impl Vault {
    /// Gives the database a new key, given the current passphrase, keeping the passphrase
    /// (or taking `new_passphrase`), and issues a new recovery key, returned to be shown once.
    /// Afterwards no earlier key file, with any secret, opens the database.
    pub async fn rekey(
        self,
        current: &SecretString,
        new_passphrase: Option<&SecretString>,
    ) -> std::result::Result<(Vault, RecoveryKey), RekeyFailure> {
        self.rekey_with_cost(current, new_passphrase, KdfCost::Calibrated)
            .await
    }

    pub(crate) async fn rekey_with_cost(
        self,
        current: &SecretString,
        new_passphrase: Option<&SecretString>,
        cost: KdfCost,
    ) -> std::result::Result<(Vault, RecoveryKey), RekeyFailure> {
        let staged = match self.stage_new_key(current, new_passphrase, cost).await {
            Ok(staged) => staged,
            Err(error) => {
                let _ = discard_staging(self.layout.dir());
                return Err(RekeyFailure {
                    vault: Some(self),
                    error,
                });
            }
        };
        let dir = self.layout.dir().to_owned();
        self.lock().await;
        let failure = |error| RekeyFailure { vault: None, error };
        let passphrase = new_passphrase.unwrap_or(current);
        let opened = match place_staged(&dir, Recovery::Install) {
            Ok(()) => Vault::unlock(&dir, passphrase).await,
            Err(error) => Err(error),
        };
        match opened {
            Ok(vault) => {
                // Best effort: the key is changed whatever the log says, and the new recovery
                // key must reach the consultant; a log that cannot take the entry (a full disk)
                // shows the rekey by the recovery file's change alone.
                let _ = record_rekey(&vault).await;
                Ok((vault, staged))
            }
            Err(error) => {
                // The new recovery key goes unseen with this error: its file must not stay as
                // if it were kept somewhere, or no banner would ask for another.
                let _ = fs_atomic::remove_file(&Layout::new(&dir).recovery_key());
                Err(failure(error))
            }
        }
    }

    /// Writes the database under a new key and its key files into the staging folder, synced,
    /// then marks it ready; returns the new recovery key.
    pub(super) async fn stage_new_key(
        &self,
        current: &SecretString,
        new_passphrase: Option<&SecretString>,
        cost: KdfCost,
    ) -> Result<RecoveryKey> {
        if let Some(new_passphrase) = new_passphrase {
            passphrase::check_new(new_passphrase)?;
        }
        self.confirm_passphrase(current).await?;
        let staging = staging_dir(self.layout.dir());
        // A staging folder never marked ready is a rekey stopped early: it holds nothing.
        discard_staging(self.layout.dir())?;
        fs_atomic::create_private_dir(&staging)?;
        let [(database, _), (passphrase_file, _), (recovery_file, _)] = staged_files(&self.layout);

        let key = DatabaseKey::generate();
        let recovery_key = RecoveryKey::generate();
        let passphrase = new_passphrase.unwrap_or(current).clone();
        let wrapped_recovery = key.wrap_to_recovery_key(&recovery_key)?;
        // scrypt takes about a second: off the async threads.
        let (wrapped_passphrase, key) = tokio::task::spawn_blocking(move || -> Result<_> {
            Ok((key.wrap_to_passphrase(&passphrase, cost)?, key))
        })
        .await??;

        // The vault's connection opens existing files only, attached ones too: an empty file is
        // a new database to SQLite. Claimed private, like every file of the vault.
        fs_atomic::claim_new_file(&database)?;
        let mut connection = self.pool.acquire().await?;
        sqlx::query("ATTACH DATABASE ? AS rekeyed KEY ?")
            .bind(database.to_string_lossy().into_owned())
            .bind(key.raw_key_literal().as_str())
            .execute(&mut *connection)
            .await?;
        let exported = async {
            sqlx::query("SELECT sqlcipher_export('rekeyed')")
                .execute(&mut *connection)
                .await?;
            // The copy keeps the recovery key's public half and its file's hash, as setup does.
            sqlx::query(
                "UPDATE rekeyed.vault_settings
                 SET recovery_recipient = ?, recovery_file_sha256 = ? WHERE id = 1",
            )
            .bind(recovery_key.recipient().to_string())
            .bind(hex(&Sha256::digest(&wrapped_recovery)))
            .execute(&mut *connection)
            .await?;
            let verdict: String = sqlx::query_scalar("PRAGMA rekeyed.integrity_check")
                .fetch_one(&mut *connection)
                .await?;
            Ok::<_, Error>(verdict == "ok")
        }
        .await;
        let detached = sqlx::query("DETACH DATABASE rekeyed")
            .execute(&mut *connection)
            .await;
        drop(connection);
        if !exported? {
            return Err(Error::Damaged(
                "the copy under the new key failed its check",
            ));
        }
        detached?;
        fs::File::open(&database)?.sync_all()?;
        fs_atomic::write_file(&passphrase_file, &wrapped_passphrase)?;
        fs_atomic::write_file(&recovery_file, &wrapped_recovery)?;
        fs_atomic::write_file(&staging.join(READY_MARKER), b"")?;
        Ok(recovery_key)
    }
}

/// What becomes of the staged recovery file when the renames are done.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Recovery {
    /// Put in place: its key is being handed to the consultant.
    Install,
    /// Its key was never shown: neither it nor the old file (the old key's) stays, so the
    /// vault says its recovery file is missing and asks for a new one.
    Withhold,
}

/// Removes a staging folder, its `ready` mark first: a folder half removed must never read as
/// ready without its database.
pub(crate) fn discard_staging(dir: &Path) -> Result<()> {
    let staging = staging_dir(dir);
    remove_if_there(&staging.join(READY_MARKER))?;
    match fs::remove_dir_all(&staging) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error.into()),
        _ => Ok(()),
    }
}

fn remove_if_there(path: &Path) -> Result<()> {
    match fs_atomic::remove_file(path) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error.into()),
        _ => Ok(()),
    }
}

/// Renames the staged files into place (the database first, then the passphrase file, then
/// the recovery file, each atomic), and removes the staging folder.
fn place_staged(dir: &Path, recovery: Recovery) -> Result<()> {
    let staging = staging_dir(dir);
    let layout = Layout::new(dir);
    for (staged, target) in staged_files(&layout) {
        if target == layout.recovery_key() && recovery == Recovery::Withhold {
            remove_if_there(&staged)?;
            remove_if_there(&target)?;
            continue;
        }
        if !staged.exists() {
            continue;
        }
        if target == layout.database() {
            // The old database's log and shared memory belong to the old key: left beside the
            // new database, SQLite would replay the log into it.
            for companion in layout.database_companions() {
                remove_if_there(&companion)?;
            }
        }
        fs_atomic::place(&staged, &target)?;
    }
    discard_staging(dir)?;
    debug_assert!(!staging.exists());
    Ok(())
}

/// Settles a rekey that stopped in another run, before anything opens the vault. Not marked
/// ready, or marked but with its database not yet moved: nothing of the vault changed, so the
/// staging folder goes and the old key stays. Its database moved: the rest follows, but not
/// the new recovery file, whose key no one saw.
pub(crate) fn finish_interrupted_rekey(dir: &Path) -> Result<()> {
    let staging = staging_dir(dir);
    if !staging.exists() {
        return Ok(());
    }
    let layout = Layout::new(dir);
    let database_moved = !staging
        .join(layout.database().file_name().unwrap_or_default())
        .exists();
    if staging.join(READY_MARKER).exists() && database_moved {
        place_staged(dir, Recovery::Withhold)
    } else {
        discard_staging(dir)
    }
}
