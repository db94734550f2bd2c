//! Interviews (面談), their notes and their history.

use kizuki_core::ids::{ClientId, InterviewId};
use kizuki_core::interview::history::{self, Amendment};
use kizuki_core::interview::topics::{self, Topics};
use kizuki_core::interview::{self, Interview, InterviewDetails, InterviewSummary, NewInterview};
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// A client's interviews, newest first.
#[tauri::command]
#[specta::specta]
pub async fn interview_list(
    state: State<'_, AppState>,
    client_id: ClientId,
) -> IpcResult<Vec<InterviewSummary>> {
    Ok(interview::list(&*state.vault().await?, client_id).await?)
}

/// One interview with its notes.
#[tauri::command]
#[specta::specta]
pub async fn interview_get(state: State<'_, AppState>, id: InterviewId) -> IpcResult<Interview> {
    Ok(interview::get(&*state.vault().await?, id).await?)
}

/// Adds an interview with its sheet.
#[tauri::command]
#[specta::specta]
pub async fn interview_create(
    state: State<'_, AppState>,
    interview: NewInterview,
) -> IpcResult<Interview> {
    Ok(interview::create(&*state.vault().await?, &interview).await?)
}

/// Replaces an interview's details.
#[tauri::command]
#[specta::specta]
pub async fn interview_update(
    state: State<'_, AppState>,
    id: InterviewId,
    details: InterviewDetails,
) -> IpcResult<Interview> {
    Ok(interview::update(&*state.vault().await?, id, &details).await?)
}

/// Marks an interview held.
#[tauri::command]
#[specta::specta]
pub async fn interview_mark_held(
    state: State<'_, AppState>,
    id: InterviewId,
    held_at: Option<String>,
) -> IpcResult<Interview> {
    Ok(interview::mark_held(&*state.vault().await?, id, held_at.as_deref()).await?)
}

/// Saves the notes (the editor's autosave).
#[tauri::command]
#[specta::specta]
pub async fn interview_save_notes(
    state: State<'_, AppState>,
    id: InterviewId,
    notes: String,
) -> IpcResult<Interview> {
    Ok(interview::save_notes(&*state.vault().await?, id, &notes).await?)
}

/// The kept amendments of a held interview, oldest first.
#[tauri::command]
#[specta::specta]
pub async fn interview_history(
    state: State<'_, AppState>,
    id: InterviewId,
) -> IpcResult<Vec<Amendment>> {
    Ok(history::list(&*state.vault().await?, id).await?)
}

/// What an interview was about, from the fixed lists.
#[tauri::command]
#[specta::specta]
pub async fn interview_topics(state: State<'_, AppState>, id: InterviewId) -> IpcResult<Topics> {
    Ok(topics::get(&*state.vault().await?, id).await?)
}

/// Replaces what an interview was about (saved at each tick).
#[tauri::command]
#[specta::specta]
pub async fn interview_set_topics(
    state: State<'_, AppState>,
    id: InterviewId,
    topics: Topics,
) -> IpcResult<Topics> {
    Ok(topics::set(&*state.vault().await?, id, &topics).await?)
}
