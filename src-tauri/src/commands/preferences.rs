//! Preferences readable before unlocking, such as the language.

use kizuki_core::calendar::CalendarZone;
use kizuki_core::preferences::{self, Language, Preferences};
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// The saved preferences, or the defaults.
#[tauri::command]
#[specta::specta]
pub async fn preferences_get(state: State<'_, AppState>) -> IpcResult<Preferences> {
    Ok(preferences::load(state.data_dir()))
}

/// Sets the minutes without a key press or click after which the app locks itself.
#[tauri::command]
#[specta::specta]
pub async fn preferences_set_auto_lock(
    state: State<'_, AppState>,
    minutes: u32,
) -> IpcResult<Preferences> {
    Ok(preferences::set_auto_lock(state.data_dir(), minutes)?)
}

/// Switches the display language and remembers it.
#[tauri::command]
#[specta::specta]
pub async fn preferences_set_language(
    state: State<'_, AppState>,
    language: Language,
) -> IpcResult<Preferences> {
    Ok(preferences::set_language(state.data_dir(), language)?)
}

/// Sets whose calendar says what day it is (Japan's, or the machine's), from now on.
#[tauri::command]
#[specta::specta]
pub async fn preferences_set_calendar(
    state: State<'_, AppState>,
    zone: CalendarZone,
) -> IpcResult<Preferences> {
    Ok(preferences::set_calendar(state.data_dir(), zone)?)
}
