//! Action plans: items, their SMART check, and progress notes.

use kizuki_core::action_plan::{self, ActionItem, ActionItemInput, ProgressInput};
use kizuki_core::ids::{ActionItemId, ClientId};
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// A client's items: open ones first, soonest due first.
#[tauri::command]
#[specta::specta]
pub async fn action_item_list(
    state: State<'_, AppState>,
    client_id: ClientId,
) -> IpcResult<Vec<ActionItem>> {
    Ok(action_plan::list(&*state.vault().await?, client_id).await?)
}

/// Records an item.
#[tauri::command]
#[specta::specta]
pub async fn action_item_create(
    state: State<'_, AppState>,
    input: ActionItemInput,
) -> IpcResult<ActionItem> {
    Ok(action_plan::create(&*state.vault().await?, &input).await?)
}

/// Edits an item.
#[tauri::command]
#[specta::specta]
pub async fn action_item_update(
    state: State<'_, AppState>,
    id: ActionItemId,
    input: ActionItemInput,
) -> IpcResult<ActionItem> {
    Ok(action_plan::update(&*state.vault().await?, id, &input).await?)
}

/// Adds a progress note, perhaps moving the item to another status.
#[tauri::command]
#[specta::specta]
pub async fn action_item_add_progress(
    state: State<'_, AppState>,
    input: ProgressInput,
) -> IpcResult<ActionItem> {
    Ok(action_plan::add_progress(&*state.vault().await?, &input).await?)
}
