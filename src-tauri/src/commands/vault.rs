//! Creating, unlocking and locking the vault.

use kizuki_core::vault::{RecoveryKey, Vault, VaultStatus};
use secrecy::{ExposeSecret, SecretString};
use serde::Serialize;
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// The recovery key, sent to the UI once at setup to be shown and never stored.
#[derive(Debug, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RecoveryKeyText {
    /// The key, `AGE-SECRET-KEY-1…`.
    pub recovery_key: String,
}

/// What the data directory holds, or `unlocked`.
#[tauri::command]
#[specta::specta]
pub async fn vault_status(state: State<'_, AppState>) -> IpcResult<VaultStatus> {
    Ok(state.status().await)
}

/// Creates the vault, leaves it unlocked, and returns the recovery key to show once.
#[tauri::command]
#[specta::specta]
pub async fn vault_create(
    state: State<'_, AppState>,
    passphrase: String,
) -> IpcResult<RecoveryKeyText> {
    let (vault, recovery_key) =
        Vault::create(state.data_dir(), &SecretString::from(passphrase)).await?;
    state.set_unlocked(vault).await;
    let recovery_key = recovery_key.expose_text().expose_secret().to_owned();
    Ok(RecoveryKeyText { recovery_key })
}

/// Unlocks with the passphrase; repeated failures are slowed down.
#[tauri::command]
#[specta::specta]
pub async fn vault_unlock(state: State<'_, AppState>, passphrase: String) -> IpcResult<()> {
    let vault = state
        .gate()
        .unlock(state.data_dir(), &SecretString::from(passphrase))
        .await?;
    state.set_unlocked(vault).await;
    Ok(())
}

/// Unlocks with the recovery key and sets a new passphrase.
#[tauri::command]
#[specta::specta]
pub async fn vault_recover(
    state: State<'_, AppState>,
    recovery_key: String,
    new_passphrase: String,
) -> IpcResult<()> {
    let recovery_key = RecoveryKey::parse(&SecretString::from(recovery_key))?;
    let vault = state
        .gate()
        .recover(
            state.data_dir(),
            &recovery_key,
            &SecretString::from(new_passphrase),
        )
        .await?;
    state.set_unlocked(vault).await;
    Ok(())
}

/// Locks: closes the database and drops the key from memory.
#[tauri::command]
#[specta::specta]
pub async fn vault_lock(state: State<'_, AppState>) -> IpcResult<()> {
    state.lock().await;
    Ok(())
}
