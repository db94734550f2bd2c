//! The shell's state: the data directory, the unlock throttle, and the vault when unlocked.

use std::path::{Path, PathBuf};

use kizuki_core::vault::{RecoveryKey, UnlockGate, Vault, VaultStatus};
use secrecy::SecretString;
use tokio::sync::{Mutex, RwLock, RwLockReadGuard};

use crate::error::IpcError;

/// Managed by Tauri; one per app.
#[derive(Debug)]
pub struct AppState {
    data_dir: PathBuf,
    gate: UnlockGate,
    /// Held through every change between locked and unlocked, so that they happen one at a
    /// time and in order: a lock pressed while an unlock runs takes effect after it.
    transition: Mutex<()>,
    /// `None` is the locked state: no key and no open database anywhere in the process.
    vault: RwLock<Option<Vault>>,
}

impl AppState {
    /// A locked app over the vault in `data_dir`.
    pub fn new(data_dir: PathBuf) -> Self {
        Self {
            data_dir,
            gate: UnlockGate::default(),
            transition: Mutex::new(()),
            vault: RwLock::new(None),
        }
    }

    /// Whether a vault is unlocked, without waiting; `None` while a transition holds it.
    pub(crate) fn is_unlocked(&self) -> Option<bool> {
        self.vault.try_read().ok().map(|vault| vault.is_some())
    }

    pub(crate) fn data_dir(&self) -> &Path {
        &self.data_dir
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

    /// Creates the vault and keeps it unlocked; returns the recovery key to show once.
    pub(crate) async fn create(&self, passphrase: &SecretString) -> Result<RecoveryKey, IpcError> {
        let _transition = self.transition.lock().await;
        let (vault, recovery_key) = Vault::create(&self.data_dir, passphrase).await?;
        self.keep_unlocked(vault).await;
        Ok(recovery_key)
    }

    /// Unlocks with the passphrase, through the throttle.
    pub(crate) async fn unlock(&self, passphrase: &SecretString) -> Result<(), IpcError> {
        let _transition = self.transition.lock().await;
        let vault = self.gate.unlock(&self.data_dir, passphrase).await?;
        self.keep_unlocked(vault).await;
        Ok(())
    }

    /// Unlocks with the recovery key and sets a new passphrase, through the throttle.
    pub(crate) async fn recover(
        &self,
        recovery_key: &RecoveryKey,
        new_passphrase: &SecretString,
    ) -> Result<(), IpcError> {
        let _transition = self.transition.lock().await;
        let vault = self
            .gate
            .recover(&self.data_dir, recovery_key, new_passphrase)
            .await?;
        self.keep_unlocked(vault).await;
        Ok(())
    }

    /// Discards an interrupted setup; the core refuses anything else.
    pub(crate) async fn discard_interrupted_setup(&self) -> Result<(), IpcError> {
        let _transition = self.transition.lock().await;
        if self.vault.read().await.is_some() {
            return Err(IpcError::from(kizuki_core::vault::Error::AlreadyExists));
        }
        Vault::discard_interrupted_setup(&self.data_dir)?;
        Ok(())
    }

    /// Replaces the passphrase of the unlocked vault, through the throttle.
    pub(crate) async fn change_passphrase(
        &self,
        current: &SecretString,
        new_passphrase: &SecretString,
    ) -> Result<(), IpcError> {
        let vault = self.vault().await?;
        self.gate
            .change_passphrase(&vault, current, new_passphrase)
            .await?;
        Ok(())
    }

    /// Issues a new recovery key for the unlocked vault, through the throttle.
    pub(crate) async fn new_recovery_key(
        &self,
        current: &SecretString,
    ) -> Result<RecoveryKey, IpcError> {
        let vault = self.vault().await?;
        Ok(self.gate.new_recovery_key(&vault, current).await?)
    }

    /// Closes the database and drops the key. Locking a locked app does nothing.
    pub async fn lock(&self) {
        let _transition = self.transition.lock().await;
        let vault = self.vault.write().await.take();
        if let Some(vault) = vault {
            vault.lock().await;
        }
    }

    /// Keeps a freshly unlocked vault, locking any previous one first.
    async fn keep_unlocked(&self, vault: Vault) {
        let previous = self.vault.write().await.replace(vault);
        if let Some(previous) = previous {
            previous.lock().await;
        }
    }
}
