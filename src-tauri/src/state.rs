//! The shell's state: the data directory, the unlock throttle, and the vault when unlocked.

use std::path::{Path, PathBuf};

use kizuki_core::vault::{UnlockGate, Vault, VaultStatus};
use tokio::sync::{RwLock, RwLockReadGuard};

use crate::error::IpcError;

/// Managed by Tauri; one per app.
#[derive(Debug)]
pub struct AppState {
    data_dir: PathBuf,
    gate: UnlockGate,
    /// `None` is the locked state: no key and no open database anywhere in the process.
    vault: RwLock<Option<Vault>>,
}

impl AppState {
    /// A locked app over the vault in `data_dir`.
    pub fn new(data_dir: PathBuf) -> Self {
        Self {
            data_dir,
            gate: UnlockGate::default(),
            vault: RwLock::new(None),
        }
    }

    pub(crate) fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub(crate) fn gate(&self) -> &UnlockGate {
        &self.gate
    }

    pub(crate) async fn status(&self) -> VaultStatus {
        if self.vault.read().await.is_some() {
            VaultStatus::Unlocked
        } else {
            Vault::status(&self.data_dir)
        }
    }

    /// The unlocked vault, or `vault_locked`.
    pub(crate) async fn vault(&self) -> Result<RwLockReadGuard<'_, Vault>, IpcError> {
        RwLockReadGuard::try_map(self.vault.read().await, Option::as_ref)
            .map_err(|_| IpcError::locked())
    }

    /// Keeps a freshly unlocked vault, locking any previous one first.
    pub(crate) async fn set_unlocked(&self, vault: Vault) {
        let previous = self.vault.write().await.replace(vault);
        if let Some(previous) = previous {
            previous.lock().await;
        }
    }

    /// Closes the database and drops the key. Locking a locked app does nothing.
    pub async fn lock(&self) {
        let vault = self.vault.write().await.take();
        if let Some(vault) = vault {
            vault.lock().await;
        }
    }
}
