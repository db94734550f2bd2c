//! The key's life after setup: a new passphrase, a new recovery key, and the check that the
//! recovery file is still the one written.
//!
//! Both changes need the current passphrase even though the vault is open: an unlocked laptop
//! left for a minute must not be enough to take the vault over. Each replaces one key file,
//! atomically; the database is never rewritten, and the old secret opens nothing afterwards,
//! because each key file holds the database key for exactly one secret.

use std::fs;
use std::sync::Arc;

use age::secrecy::SecretString;
use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::SqlitePool;

use super::error::{Error, Result};
use super::key::{DatabaseKey, KdfCost};
use super::{passphrase, RecoveryKey, Vault};
use crate::fs_atomic;
use crate::text::hex;

/// What unlocking found of the recovery file, so the consultant learns of a lost or damaged
/// one while the passphrase still works, not on the day recovery is needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum RecoveryFileState {
    /// The file is the one last written or last opened with the recovery key.
    Intact,
    /// There is no recovery file: the recovery key opens nothing until a new one is issued.
    Missing,
    /// The file differs from the one written, or cannot be read.
    Damaged,
}

impl Vault {
    /// Replaces the passphrase, given the current one. The database is not rewritten.
    pub async fn change_passphrase(
        &self,
        current: &SecretString,
        new_passphrase: &SecretString,
    ) -> Result<()> {
        passphrase::check_new(new_passphrase)?;
        self.confirm_passphrase(current).await?;
        self.rewrap_passphrase(new_passphrase).await
    }

    /// Issues a new recovery key, given the current passphrase. The old recovery key opens
    /// nothing afterwards; the new one is returned to be shown once.
    pub async fn new_recovery_key(&self, current: &SecretString) -> Result<RecoveryKey> {
        self.confirm_passphrase(current).await?;
        let recovery_key = RecoveryKey::generate();
        let wrapped = self.key.wrap_to_recovery_key(&recovery_key)?;
        // The new file is written beside the old one first and put in place only after the
        // vault has recorded it. Stopped anywhere before that, the old file and the old key
        // still open the vault; stopped between the two, the hash recorded is the new file's,
        // and the next unlock says the recovery file is damaged, so another key is issued.
        let target = self.layout.recovery_key();
        let staged = fs_atomic::stage(&target, &wrapped)?;
        let recorded = async {
            let mut transaction = self.write().await?;
            record_recovery_file(&mut transaction, &recovery_key, &wrapped).await?;
            transaction.commit().await?;
            Ok::<_, Error>(())
        }
        .await;
        if let Err(error) = recorded {
            let _ = fs::remove_file(&staged);
            return Err(error);
        }
        fs_atomic::place(&staged, &target)?;
        Ok(recovery_key)
    }

    /// Whether the recovery file is still the one the vault knows. A vault from before the
    /// check records the file it finds, if it is a recovery file at all.
    pub async fn recovery_file_state(&self) -> Result<RecoveryFileState> {
        let bytes = match fs::read(self.layout.recovery_key()) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return Ok(RecoveryFileState::Missing)
            }
            Err(_) => return Ok(RecoveryFileState::Damaged),
        };
        let recorded: Option<String> =
            sqlx::query_scalar("SELECT recovery_file_sha256 FROM vault_settings WHERE id = 1")
                .fetch_one(&self.pool)
                .await?;
        let found = sha256_hex(&bytes);
        Ok(match recorded {
            Some(recorded) if recorded == found => RecoveryFileState::Intact,
            Some(_) => RecoveryFileState::Damaged,
            None if looks_like_a_recovery_file(&bytes) => {
                sqlx::query("UPDATE vault_settings SET recovery_file_sha256 = ? WHERE id = 1")
                    .bind(found)
                    .execute(&self.pool)
                    .await?;
                RecoveryFileState::Intact
            }
            None => RecoveryFileState::Damaged,
        })
    }

    /// Re-wraps the database key to a new passphrase, already checked by the caller.
    pub(super) async fn rewrap_passphrase(&self, new_passphrase: &SecretString) -> Result<()> {
        let key = Arc::clone(&self.key);
        let passphrase = new_passphrase.clone();
        let wrapped = tokio::task::spawn_blocking(move || {
            key.wrap_to_passphrase(&passphrase, KdfCost::Calibrated)
        })
        .await??;
        fs_atomic::write_file(&self.layout.passphrase_key(), &wrapped)?;
        Ok(())
    }

    /// Proves `current` is this vault's passphrase by opening its passphrase file with it.
    pub(super) async fn confirm_passphrase(&self, current: &SecretString) -> Result<()> {
        let wrapped = fs::read(self.layout.passphrase_key())?;
        let current = current.clone();
        let opened = tokio::task::spawn_blocking(move || {
            DatabaseKey::unwrap_with_passphrase(&wrapped, &current)
        })
        .await??;
        if !opened.same_key_as(&self.key) {
            return Err(Error::Damaged("the passphrase file is another vault's"));
        }
        Ok(())
    }
}

/// Keeps the recovery key's public half (what a backup the recovery key alone can open is
/// encrypted to; not a secret) and the hash of its file.
pub(super) async fn remember_recovery_file(
    pool: &SqlitePool,
    recovery_key: &RecoveryKey,
    wrapped: &[u8],
) -> Result<()> {
    let mut connection = pool.acquire().await?;
    record_recovery_file(&mut connection, recovery_key, wrapped).await
}

async fn record_recovery_file(
    connection: &mut sqlx::SqliteConnection,
    recovery_key: &RecoveryKey,
    wrapped: &[u8],
) -> Result<()> {
    sqlx::query(
        "UPDATE vault_settings SET recovery_recipient = ?, recovery_file_sha256 = ? WHERE id = 1",
    )
    .bind(recovery_key.recipient().to_string())
    .bind(sha256_hex(wrapped))
    .execute(connection)
    .await?;
    Ok(())
}

/// An age file to one X25519 recipient, as Kizuki writes recovery files: not proof it holds
/// this vault's key (only the recovery key can tell), but a file that is not even this is lost.
fn looks_like_a_recovery_file(bytes: &[u8]) -> bool {
    age::Decryptor::new_buffered(bytes).is_ok_and(|decryptor| !decryptor.is_scrypt())
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}
