//! Creating, unlocking and locking the vault.

use kizuki_core::vault::{RecoveryKey, VaultHealth, VaultStatus};
use secrecy::ExposeSecret;
use serde::Serialize;
use tauri::State;
use zeroize::Zeroizing;

use crate::error::IpcResult;
use crate::secret::Secret;
use crate::state::AppState;

/// The recovery key, sent to the UI once at setup to be shown and never stored.
#[derive(Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RecoveryKeyText {
    /// The key, `AGE-SECRET-KEY-1…`; zeroed once serialised for the UI.
    #[specta(type = String)]
    pub recovery_key: Zeroizing<String>,
}

impl std::fmt::Debug for RecoveryKeyText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryKeyText(..)")
    }
}

/// What the data directory holds, or `unlocked`.
#[tauri::command]
#[specta::specta]
pub async fn vault_status(state: State<'_, AppState>) -> IpcResult<VaultStatus> {
    state.status().await
}

impl RecoveryKeyText {
    fn of(recovery_key: &RecoveryKey) -> Self {
        Self {
            recovery_key: Zeroizing::new(recovery_key.expose_text().expose_secret().to_owned()),
        }
    }
}

/// Creates the vault, leaves it unlocked, and returns the recovery key to show once.
#[tauri::command]
#[specta::specta]
pub async fn vault_create(
    state: State<'_, AppState>,
    passphrase: Secret,
) -> IpcResult<RecoveryKeyText> {
    let recovery_key = state.create(passphrase.expose()).await?;
    Ok(RecoveryKeyText::of(&recovery_key))
}

/// Removes what a setup that stopped before it finished left, so setup can start again.
#[tauri::command]
#[specta::specta]
pub async fn vault_discard_interrupted_setup(state: State<'_, AppState>) -> IpcResult<()> {
    state.discard_interrupted_setup().await
}

/// Replaces the passphrase, given the current one; wrong ones are slowed down as at unlock.
#[tauri::command]
#[specta::specta]
pub async fn vault_change_passphrase(
    state: State<'_, AppState>,
    current: Secret,
    new_passphrase: Secret,
) -> IpcResult<()> {
    state
        .change_passphrase(current.expose(), new_passphrase.expose())
        .await
}

/// Issues a new recovery key, given the passphrase, and returns it to show once.
#[tauri::command]
#[specta::specta]
pub async fn vault_new_recovery_key(
    state: State<'_, AppState>,
    passphrase: Secret,
) -> IpcResult<RecoveryKeyText> {
    let recovery_key = state.new_recovery_key(passphrase.expose()).await?;
    Ok(RecoveryKeyText::of(&recovery_key))
}

/// Gives the database a new key, given the passphrase (and a new one, if it is to change), and
/// returns the new recovery key to show once.
#[tauri::command]
#[specta::specta]
pub async fn vault_rekey(
    state: State<'_, AppState>,
    passphrase: Secret,
    new_passphrase: Option<Secret>,
) -> IpcResult<RecoveryKeyText> {
    let recovery_key = state
        .rekey(
            passphrase.expose(),
            new_passphrase.as_ref().map(Secret::expose),
        )
        .await?;
    Ok(RecoveryKeyText::of(&recovery_key))
}

/// Whether the recovery file is the one written and the directory private, so the app can
/// warn while it can still be mended.
#[tauri::command]
#[specta::specta]
pub async fn vault_health(state: State<'_, AppState>) -> IpcResult<VaultHealth> {
    Ok(state.vault().await?.health().await?)
}

/// Unlocks with the passphrase; repeated failures are slowed down.
#[tauri::command]
#[specta::specta]
pub async fn vault_unlock(state: State<'_, AppState>, passphrase: Secret) -> IpcResult<()> {
    state.unlock(passphrase.expose()).await
}

/// Unlocks with the recovery key and sets a new passphrase.
#[tauri::command]
#[specta::specta]
pub async fn vault_recover(
    state: State<'_, AppState>,
    recovery_key: Secret,
    new_passphrase: Secret,
) -> IpcResult<()> {
    let recovery_key = RecoveryKey::parse(recovery_key.expose())?;
    state.recover(&recovery_key, new_passphrase.expose()).await
}

/// Locks: closes the database and drops the key from memory.
#[tauri::command]
#[specta::specta]
pub async fn vault_lock(state: State<'_, AppState>) -> IpcResult<()> {
    state.lock().await;
    Ok(())
}
