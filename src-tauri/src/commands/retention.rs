//! Retention: the vault's period and decisions to keep a client past it.

use kizuki_core::retention::{self, KeepInput};
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// The vault's retention period, in years.
#[tauri::command]
#[specta::specta]
pub async fn retention_years(state: State<'_, AppState>) -> IpcResult<u32> {
    Ok(retention::years(&*state.vault().await?).await?)
}

/// Changes the vault's retention period.
#[tauri::command]
#[specta::specta]
pub async fn retention_set_years(state: State<'_, AppState>, years: u32) -> IpcResult<u32> {
    Ok(retention::set_years(&*state.vault().await?, years).await?)
}

/// Keeps a client past the period, for a reason.
#[tauri::command]
#[specta::specta]
pub async fn retention_keep(state: State<'_, AppState>, input: KeepInput) -> IpcResult<()> {
    Ok(retention::keep(&*state.vault().await?, &input).await?)
}
