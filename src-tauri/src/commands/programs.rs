//! Programs (実施プログラム).

use kizuki_core::ids::{CompanyId, ProgramId};
use kizuki_core::program::{self, Program, ProgramInput, ProgramSummary};
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// Programs, newest first; of one company when given.
#[tauri::command]
#[specta::specta]
pub async fn program_list(
    state: State<'_, AppState>,
    company_id: Option<CompanyId>,
) -> IpcResult<Vec<ProgramSummary>> {
    Ok(program::list(&*state.vault().await?, company_id).await?)
}

/// One program with its contacts.
#[tauri::command]
#[specta::specta]
pub async fn program_get(state: State<'_, AppState>, id: ProgramId) -> IpcResult<Program> {
    Ok(program::get(&*state.vault().await?, id).await?)
}

/// Adds a program with its contacts and sheet template.
#[tauri::command]
#[specta::specta]
pub async fn program_create(state: State<'_, AppState>, input: ProgramInput) -> IpcResult<Program> {
    Ok(program::create(&*state.vault().await?, &input).await?)
}

/// Replaces a program's details and contacts.
#[tauri::command]
#[specta::specta]
pub async fn program_update(
    state: State<'_, AppState>,
    id: ProgramId,
    input: ProgramInput,
) -> IpcResult<Program> {
    Ok(program::update(&*state.vault().await?, id, &input).await?)
}
