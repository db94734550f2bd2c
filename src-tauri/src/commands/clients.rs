//! Clients (相談者).

use kizuki_core::client::{self, Client, ClientFilter, ClientInput, ClientSummary};
use kizuki_core::ids::ClientId;
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// Clients matching the filter, sorted by reading.
#[tauri::command]
#[specta::specta]
pub async fn client_list(
    state: State<'_, AppState>,
    filter: ClientFilter,
) -> IpcResult<Vec<ClientSummary>> {
    Ok(client::list(&*state.vault().await?, &filter).await?)
}

/// One client.
#[tauri::command]
#[specta::specta]
pub async fn client_get(state: State<'_, AppState>, id: ClientId) -> IpcResult<Client> {
    Ok(client::get(&*state.vault().await?, id).await?)
}

/// Adds a client.
#[tauri::command]
#[specta::specta]
pub async fn client_create(state: State<'_, AppState>, input: ClientInput) -> IpcResult<Client> {
    Ok(client::create(&*state.vault().await?, &input).await?)
}

/// Replaces a client's details.
#[tauri::command]
#[specta::specta]
pub async fn client_update(
    state: State<'_, AppState>,
    id: ClientId,
    input: ClientInput,
) -> IpcResult<Client> {
    Ok(client::update(&*state.vault().await?, id, &input).await?)
}
