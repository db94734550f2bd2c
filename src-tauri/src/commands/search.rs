//! Search.

use kizuki_core::search::{self, SearchResults};
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// Records holding every word of the query, grouped by client, newest first.
#[tauri::command]
#[specta::specta]
pub async fn search_records(state: State<'_, AppState>, query: String) -> IpcResult<SearchResults> {
    Ok(search::search(&*state.vault().await?, &query).await?)
}
