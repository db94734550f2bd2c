//! The home dashboard.

use kizuki_core::calendar;
use kizuki_core::dashboard::{self, Dashboard};
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// What needs the consultant, as of the computer's local date.
#[tauri::command]
#[specta::specta]
pub async fn dashboard_home(state: State<'_, AppState>) -> IpcResult<Dashboard> {
    Ok(dashboard::home(&*state.vault().await?, calendar::today()).await?)
}
