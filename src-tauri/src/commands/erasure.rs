//! Erasure of a client.

use kizuki_core::erasure::{self, Erased, ErasureRequest};
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// Erases a client and everything that is theirs, once the typed name matches.
#[tauri::command]
#[specta::specta]
pub async fn client_erase(
    state: State<'_, AppState>,
    request: ErasureRequest,
) -> IpcResult<Erased> {
    Ok(erasure::erase_client(&*state.vault().await?, &request).await?)
}
