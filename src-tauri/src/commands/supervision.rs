//! Supervision: an individual report sent to a supervisor, and their comments received into
//! the read-only inbox from the Downloads folder.

use kizuki_core::export::Exported;
use kizuki_core::supervision::inbox::{self, InboxItem};
use kizuki_core::supervision::{self, SupervisionDocument, SupervisionRequest};
use tauri::State;

use super::exports::{downloads, encryption};
use crate::error::IpcResult;
use crate::secret::Secret;
use crate::state::AppState;

/// The report exactly as the supervisor would receive it.
#[tauri::command]
#[specta::specta]
pub async fn supervision_preview(
    state: State<'_, AppState>,
    request: SupervisionRequest,
) -> IpcResult<SupervisionDocument> {
    Ok(supervision::preview(&*state.vault().await?, &request).await?)
}

/// Writes the supervision package into the Downloads folder, encrypted to `recipients` or,
/// when given, to `passphrase` (which becomes a secret type at once).
#[tauri::command]
#[specta::specta]
pub async fn supervision_export(
    state: State<'_, AppState>,
    request: SupervisionRequest,
    recipients: Vec<String>,
    passphrase: Option<Secret>,
    armored: bool,
) -> IpcResult<Exported> {
    let encryption = encryption(recipients, passphrase);
    let vault = state.vault().await?;
    Ok(supervision::export_into(&vault, &request, encryption, armored, &downloads()?).await?)
}

/// The key (`age1…`) a supervisor encrypts their comments to.
#[tauri::command]
#[specta::specta]
pub async fn inbox_recipient(state: State<'_, AppState>) -> IpcResult<String> {
    Ok(inbox::recipient(&*state.vault().await?).await?)
}

/// What the inbox holds, newest first.
#[tauri::command]
#[specta::specta]
pub async fn inbox_list(state: State<'_, AppState>) -> IpcResult<Vec<InboxItem>> {
    Ok(inbox::list(&*state.vault().await?).await?)
}

/// The `.age` files in Downloads, newest first, by name: what can be offered for import.
#[tauri::command]
#[specta::specta]
pub async fn inbox_candidates(state: State<'_, AppState>) -> IpcResult<Vec<String>> {
    // Unlocked only: the list is part of the vault's work, not for the lock screen.
    drop(state.vault().await?);
    Ok(inbox::candidates(&downloads()?).map_err(kizuki_core::record::Error::Storage)?)
}

/// Imports the file of that name from Downloads into the inbox.
#[tauri::command]
#[specta::specta]
pub async fn inbox_import(state: State<'_, AppState>, file_name: String) -> IpcResult<InboxItem> {
    let vault = state.vault().await?;
    Ok(inbox::import_from(&vault, &downloads()?, &file_name).await?)
}
