//! Backups from the app: written to the Downloads folder, with their progress polled by the
//! UI while the command runs (a decade of practice takes seconds to copy and encrypt).

use std::sync::Mutex;

use kizuki_core::backup::{self, BackedUp, Progress};
use kizuki_core::package::Encryption;
use tauri::State;

use crate::error::IpcResult;
use crate::secret::Secret;
use crate::state::AppState;

/// The progress of the backup under way, if any; managed by Tauri beside [`AppState`].
#[derive(Debug, Default)]
pub struct BackupProgress(Mutex<Option<Progress>>);

impl BackupProgress {
    fn set(&self, progress: Option<Progress>) {
        if let Ok(mut current) = self.0.lock() {
            *current = progress;
        }
    }

    /// Claims the progress for one backup: `None` if another is under way. The claim is
    /// released when the guard drops, whatever happens to the backup.
    fn claim(&self) -> Option<Running<'_>> {
        let mut current = self.0.lock().ok()?;
        if current.is_some() {
            return None;
        }
        *current = Some(Progress { done: 0, total: 1 });
        Some(Running(self))
    }
}

/// One backup under way; its progress is cleared when it ends.
struct Running<'a>(&'a BackupProgress);

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.0.set(None);
    }
}

/// Backs the whole vault up into the Downloads folder, encrypted to the recovery key's
/// public half (`to_recovery_key`), to `passphrase` (a secret type at once), or to
/// `recipients`.
#[tauri::command]
#[specta::specta]
pub async fn vault_backup(
    state: State<'_, AppState>,
    progress: State<'_, BackupProgress>,
    to_recovery_key: bool,
    passphrase: Option<Secret>,
    recipients: Vec<String>,
    armored: bool,
) -> IpcResult<BackedUp> {
    let vault = state.vault().await?;
    let encryption = match (to_recovery_key, passphrase) {
        // A vault older than the kept recipient has none: no recipient is the clear refusal.
        (true, _) => Encryption::Recipients(
            backup::recovery_recipient(&vault)
                .await?
                .into_iter()
                .collect(),
        ),
        (false, Some(passphrase)) => Encryption::Passphrase(passphrase.into_inner()),
        (false, None) => Encryption::Recipients(recipients),
    };
    let downloads =
        kizuki_core::data_dir::downloads().map_err(kizuki_core::record::Error::Storage)?;
    let _running = progress.claim().ok_or(backup::Error::Busy)?;
    let report = |now: Progress| progress.set(Some(now));
    Ok(backup::backup_into(&vault, &encryption, armored, &downloads, &report).await?)
}

/// How far the backup under way has come; `None` when none is.
#[tauri::command]
#[specta::specta]
pub async fn vault_backup_progress(
    progress: State<'_, BackupProgress>,
) -> IpcResult<Option<Progress>> {
    Ok(progress.0.lock().map(|current| *current).unwrap_or(None))
}

/// The backups the first screen can restore: the `.age` files in Downloads, newest first.
#[tauri::command]
#[specta::specta]
pub async fn vault_restore_candidates() -> IpcResult<Vec<String>> {
    Ok(backup::candidates(&super::exports::downloads()?)?)
}

/// Restores the backup of that name from Downloads into the app's data directory, which must
/// hold no vault; the vault is then locked, ready to be unlocked.
#[tauri::command]
#[specta::specta]
pub async fn vault_restore(
    state: State<'_, AppState>,
    file_name: String,
    method: backup::RestoreWith,
) -> IpcResult<backup::Restored> {
    state.claim()?;
    let downloads = super::exports::downloads()?;
    Ok(backup::restore_into_app(&downloads, &file_name, &method, state.data_dir()).await?)
}
