//! Restoring from the app's first screen: a backup from the Downloads folder, put into the
//! app's own data directory, which holds no vault. The setup screen may already have saved the
//! language chosen there (the one file such a directory holds); it is set aside for the restore
//! and put back after, whatever the outcome, so the restore still goes only into an empty
//! directory.

use std::fs;
use std::path::Path;

use age::secrecy::SecretString;
use serde::Deserialize;

use super::{restore, restore_with_recovery_key, BackupKey, Error, Restored, Result};
use crate::vault::RecoveryKey;
use crate::{fs_atomic, preferences};

/// What the consultant typed to restore, as the app sends it.
#[derive(Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum RestoreWith {
    /// A backup made to a passphrase: that passphrase, and the vault's passphrase on the day of
    /// the backup (the restored vault opens with it).
    #[serde(rename_all = "camelCase")]
    Passphrases {
        /// The backup's passphrase.
        #[cfg_attr(feature = "specta", specta(type = String))]
        #[serde(deserialize_with = "secret")]
        backup_passphrase: SecretString,
        /// The vault's passphrase on the day of the backup.
        #[cfg_attr(feature = "specta", specta(type = String))]
        #[serde(deserialize_with = "secret")]
        vault_passphrase: SecretString,
    },
    /// A backup made to the recovery key: the key, and the passphrase the vault takes now.
    #[serde(rename_all = "camelCase")]
    RecoveryKey {
        /// The recovery key, as written down.
        #[cfg_attr(feature = "specta", specta(type = String))]
        #[serde(deserialize_with = "secret")]
        recovery_key: SecretString,
        /// The new passphrase.
        #[cfg_attr(feature = "specta", specta(type = String))]
        #[serde(deserialize_with = "secret")]
        new_passphrase: SecretString,
    },
}

/// A secret as it arrives: a secret type from here on.
fn secret<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<SecretString, D::Error> {
    String::deserialize(deserializer).map(SecretString::from)
}

impl std::fmt::Debug for RestoreWith {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Passphrases { .. } => "Passphrases(..)",
            Self::RecoveryKey { .. } => "RecoveryKey(..)",
        })
    }
}

/// The backups the app can offer: the `.age` files in `dir` (its Downloads) named as Kizuki
/// names backups, newest first (the packages beside them are not backups).
pub fn candidates(dir: &Path) -> Result<Vec<String>> {
    let mut names = fs_atomic::age_files_in(dir).map_err(Error::Io)?;
    names.retain(|name| name.starts_with(super::BACKUP_FILE_PREFIX));
    Ok(names)
}

/// Restores the backup named `name` in `downloads` into `data_dir`, which must hold no vault.
pub async fn restore_into_app(
    downloads: &Path,
    name: &str,
    with: &RestoreWith,
    data_dir: &Path,
) -> Result<Restored> {
    let not_found = |error: std::io::Error| match error.kind() {
        std::io::ErrorKind::NotFound => Error::FileNotFound,
        _ => Error::Io(error),
    };
    let file = fs_atomic::file_in(downloads, name).map_err(not_found)?;
    let sealed = fs_atomic::read_at_most(&file, super::MAX_BACKUP_BYTES).map_err(not_found)?;
    // A recovery key that is not one is refused before anything is touched.
    let recovery_key = match with {
        RestoreWith::RecoveryKey { recovery_key, .. } => Some(RecoveryKey::parse(recovery_key)?),
        RestoreWith::Passphrases { .. } => None,
    };
    let preferences_file = data_dir.join(preferences::PREFERENCES_FILE);
    // Refused before anything is touched when the directory holds more than the preferences.
    let holds_more = match fs::read_dir(data_dir) {
        Ok(entries) => entries
            .filter_map(std::result::Result::ok)
            .any(|entry| entry.file_name() != preferences::PREFERENCES_FILE),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => false,
        Err(error) => return Err(Error::Io(error)),
    };
    if holds_more {
        return Err(Error::TargetNotEmpty);
    }
    let set_aside = match fs::read(&preferences_file) {
        Ok(bytes) => {
            fs::remove_file(&preferences_file).map_err(Error::Io)?;
            Some(bytes)
        }
        Err(_) => None,
    };
    let outcome = match (with, &recovery_key) {
        (RestoreWith::RecoveryKey { new_passphrase, .. }, Some(key)) => {
            restore_with_recovery_key(&sealed, key, new_passphrase, data_dir).await
        }
        (
            RestoreWith::Passphrases {
                backup_passphrase,
                vault_passphrase,
            },
            _,
        ) => {
            let key = BackupKey::Passphrase(backup_passphrase);
            restore(&sealed, key, vault_passphrase, data_dir).await
        }
        (RestoreWith::RecoveryKey { .. }, None) => Err(Error::NotABackup),
    };
    if let Some(bytes) = set_aside {
        // Into the restored vault's directory, or back where it was. Should it fail, the
        // language falls back to Japanese: not a reason to report a restore that worked as failed.
        let _ = fs_atomic::create_private_dir(data_dir)
            .and_then(|()| fs_atomic::write_file(&preferences_file, &bytes));
    }
    outcome
}
