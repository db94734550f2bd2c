//! Flags that need care.

use kizuki_core::flag::{self, Flag, FlagInput};
use kizuki_core::ids::{ClientId, FlagId};
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// A client's flags, open ones first.
#[tauri::command]
#[specta::specta]
pub async fn flag_list(state: State<'_, AppState>, client_id: ClientId) -> IpcResult<Vec<Flag>> {
    Ok(flag::list(&*state.vault().await?, client_id).await?)
}

/// Raises a flag.
#[tauri::command]
#[specta::specta]
pub async fn flag_create(state: State<'_, AppState>, input: FlagInput) -> IpcResult<Flag> {
    Ok(flag::create(&*state.vault().await?, &input).await?)
}

/// Edits a flag (its note, referral, or the day it was handled).
#[tauri::command]
#[specta::specta]
pub async fn flag_update(
    state: State<'_, AppState>,
    id: FlagId,
    input: FlagInput,
) -> IpcResult<Flag> {
    Ok(flag::update(&*state.vault().await?, id, &input).await?)
}
