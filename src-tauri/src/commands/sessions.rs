//! Sessions (面談) and their notes.

use kizuki_core::client::ClientId;
use kizuki_core::session::{self, NewSession, Session, SessionId, SessionSummary};
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// A client's sessions, newest first.
#[tauri::command]
#[specta::specta]
pub async fn session_list(
    state: State<'_, AppState>,
    client_id: ClientId,
) -> IpcResult<Vec<SessionSummary>> {
    Ok(session::list(&*state.vault().await?, client_id).await?)
}

/// Adds a session.
#[tauri::command]
#[specta::specta]
pub async fn session_create(state: State<'_, AppState>, session: NewSession) -> IpcResult<Session> {
    Ok(session::create(&*state.vault().await?, &session).await?)
}

/// One session with its notes.
#[tauri::command]
#[specta::specta]
pub async fn session_get(state: State<'_, AppState>, id: SessionId) -> IpcResult<Session> {
    Ok(session::get(&*state.vault().await?, id).await?)
}

/// Saves the notes (the editor's autosave).
#[tauri::command]
#[specta::specta]
pub async fn session_save_notes(
    state: State<'_, AppState>,
    id: SessionId,
    notes: String,
) -> IpcResult<Session> {
    Ok(session::save_notes(&*state.vault().await?, id, &notes).await?)
}
