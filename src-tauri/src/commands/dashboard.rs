//! The home dashboard.

use kizuki_core::dashboard::{self, Dashboard};
use kizuki_core::{calendar, ics};
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// What needs the consultant, as of the computer's local date.
#[tauri::command]
#[specta::specta]
pub async fn dashboard_home(state: State<'_, AppState>) -> IpcResult<Dashboard> {
    Ok(dashboard::home(&*state.vault().await?, calendar::today()).await?)
}

/// Saves the follow-up dates as an .ics file in the Downloads folder (else the home folder)
/// and returns where. It holds a neutral title and Kizuki's reference only.
#[tauri::command]
#[specta::specta]
pub async fn calendar_export(state: State<'_, AppState>) -> IpcResult<String> {
    let path = ics::save_follow_ups_to_downloads(&*state.vault().await?).await?;
    Ok(path.display().to_string())
}
