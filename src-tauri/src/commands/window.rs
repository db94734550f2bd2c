//! The window's own life.

use tauri::State;

use crate::closing::CloseGuard;
use crate::error::IpcResult;

/// Closes the window once the UI has saved everything pending (see `closing.rs`).
#[tauri::command]
#[specta::specta]
pub async fn window_close(guard: State<'_, CloseGuard>) -> IpcResult<()> {
    guard.close_now();
    Ok(())
}

/// The version of this build, for the About screen.
#[tauri::command]
#[specta::specta]
pub async fn app_version() -> IpcResult<String> {
    Ok(env!("CARGO_PKG_VERSION").to_owned())
}
