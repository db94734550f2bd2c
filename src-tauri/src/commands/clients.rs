//! Clients (相談者).

use kizuki_core::client::{self, Client, ClientId, ClientSummary, NewClient};
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// All clients, sorted by reading.
#[tauri::command]
#[specta::specta]
pub async fn client_list(state: State<'_, AppState>) -> IpcResult<Vec<ClientSummary>> {
    Ok(client::list(&*state.vault().await?).await?)
}

/// Adds a client.
#[tauri::command]
#[specta::specta]
pub async fn client_create(state: State<'_, AppState>, client: NewClient) -> IpcResult<Client> {
    Ok(client::create(&*state.vault().await?, &client).await?)
}

/// One client.
#[tauri::command]
#[specta::specta]
pub async fn client_get(state: State<'_, AppState>, id: ClientId) -> IpcResult<Client> {
    Ok(client::get(&*state.vault().await?, id).await?)
}
