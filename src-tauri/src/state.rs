//! The shell's state: the data directory, the unlock throttle, and the vault when unlocked.

use std::path::{Path, PathBuf};

use kizuki_core::instance::InstanceLock;
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
    /// This app's claim on the vault, taken at the first look at it and held until the app
    /// ends; while another Kizuki has it, every look says so (and retrying looks again).
    instance: std::sync::Mutex<Option<InstanceLock>>,
}

impl AppState {
    /// A locked app over the vault in `data_dir`.
    pub fn new(data_dir: PathBuf) -> Self {
        Self {
            data_dir,
            gate: UnlockGate::default(),
            transition: Mutex::new(()),
            vault: RwLock::new(None),
            instance: std::sync::Mutex::new(None),
        }
    }

    /// Claims the vault for this app, once; `vault_in_use` while another Kizuki has it.
    pub(crate) fn claim(&self) -> Result<(), IpcError> {
        let mut instance = self
            .instance
            .lock()
            .map_err(|_| IpcError::from(kizuki_core::instance::Error::InUse))?;
        if instance.is_none() {
            *instance = Some(InstanceLock::acquire(&self.data_dir)?);
        }
        Ok(())
    }

    /// Whether a vault is unlocked, without waiting; `None` while a transition holds it.
    pub(crate) fn is_unlocked(&self) -> Option<bool> {
        self.vault.try_read().ok().map(|vault| vault.is_some())
    }

    pub(crate) fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub(crate) async fn status(&self) -> Result<VaultStatus, IpcError> {
        self.claim()?;
        Ok(if self.vault.read().await.is_some() {
            VaultStatus::Unlocked
        } else {
            Vault::status(&self.data_dir)
        })
    }

    /// The unlocked vault, or `vault_locked`.
    pub(crate) async fn vault(&self) -> Result<RwLockReadGuard<'_, Vault>, IpcError> {
        RwLockReadGuard::try_map(self.vault.read().await, Option::as_ref)
            .map_err(|_| IpcError::locked())
    }

    /// Creates the vault and keeps it unlocked; returns the recovery key to show once.
    pub(crate) async fn create(&self, passphrase: &SecretString) -> Result<RecoveryKey, IpcError> {
        let _transition = self.transition.lock().await;
        self.claim()?;
        let (vault, recovery_key) = Vault::create(&self.data_dir, passphrase).await?;
        self.keep_unlocked(vault).await;
        Ok(recovery_key)
    }

    /// Unlocks with the passphrase, through the throttle.
    pub(crate) async fn unlock(&self, passphrase: &SecretString) -> Result<(), IpcError> {
        let _transition = self.transition.lock().await;
        self.claim()?;
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
        self.claim()?;
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
        self.claim()?;
        Vault::discard_interrupted_setup(&self.data_dir)?;
        Ok(())
    }

    /// Replaces the passphrase of the unlocked vault, through the throttle: an open vault must
    /// not be a faster way to guess. The vault is held only while the attempt runs, not
    /// through the delay after a wrong one, so locking never waits on it.
    pub(crate) async fn change_passphrase(
        &self,
        current: &SecretString,
        new_passphrase: &SecretString,
    ) -> Result<(), IpcError> {
        self.gate
            .attempt(is_wrong_passphrase, async {
                let vault = self.vault().await?;
                Ok(vault.change_passphrase(current, new_passphrase).await?)
            })
            .await
    }

    /// Issues a new recovery key for the unlocked vault, through the throttle as above.
    pub(crate) async fn new_recovery_key(
        &self,
        current: &SecretString,
    ) -> Result<RecoveryKey, IpcError> {
        self.gate
            .attempt(is_wrong_passphrase, async {
                let vault = self.vault().await?;
                Ok(vault.new_recovery_key(current).await?)
            })
            .await
    }

    /// Gives the unlocked vault's database a new key (and the passphrase `new_passphrase`, if
    /// given), through the throttle, under the transition lock: nothing else uses the vault
    /// meanwhile. A failure before anything changed keeps the vault unlocked; one after leaves
    /// it locked, and unlocking finishes or discards what was under way.
    pub(crate) async fn rekey(
        &self,
        current: &SecretString,
        new_passphrase: Option<&SecretString>,
    ) -> Result<RecoveryKey, IpcError> {
        let _transition = self.transition.lock().await;
        self.gate
            .attempt(is_wrong_passphrase, async {
                let mut slot = self.vault.write().await;
                let vault = slot.take().ok_or_else(IpcError::locked)?;
                match vault.rekey(current, new_passphrase).await {
                    Ok((vault, recovery_key)) => {
                        *slot = Some(vault);
                        Ok(recovery_key)
                    }
                    Err(failure) => {
                        *slot = failure.vault;
                        Err(failure.error.into())
                    }
                }
            })
            .await
    }

    /// Closes the database and drops the key. Locking a locked app does nothing; returns
    /// whether there was a vault to lock.
    pub async fn lock(&self) -> bool {
        let _transition = self.transition.lock().await;
        let vault = self.vault.write().await.take();
        match vault {
            Some(vault) => {
                vault.lock().await;
                true
            }
            None => false,
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

fn is_wrong_passphrase(error: &IpcError) -> bool {
    error.code == kizuki_core::ErrorCode::WrongPassphrase
}

#[cfg(test)]
mod tests {
    use kizuki_core::ErrorCode;

    use super::AppState;

    #[tokio::test]
    async fn a_second_app_on_the_same_vault_is_told_and_may_try_again(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let parent = tempfile::tempdir()?;
        let dir = parent.path().join("vault");
        let first = AppState::new(dir.clone());
        let second = AppState::new(dir.clone());
        assert!(first.status().await.is_ok());
        let refused = second.status().await.err().map(|error| error.code);
        assert_eq!(refused, Some(ErrorCode::VaultInUse));
        // Another vault beside it is free.
        assert!(AppState::new(parent.path().join("other"))
            .status()
            .await
            .is_ok());
        drop(first);
        assert!(
            second.status().await.is_ok(),
            "retrying after the first closed"
        );
        Ok(())
    }
}
