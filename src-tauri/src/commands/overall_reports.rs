//! A program's overall report: the consultant's text, the preview exactly as it would be sent,
//! and the export.

use kizuki_core::export::Exported;
use kizuki_core::ids::ProgramId;
use kizuki_core::overall::{self, OverallPreview, OverallText, OverallTextInput};
use tauri::State;

use super::exports::{downloads, encryption};
use crate::error::IpcResult;
use crate::secret::Secret;
use crate::state::AppState;

/// The consultant's findings and proposals.
#[tauri::command]
#[specta::specta]
pub async fn overall_text(
    state: State<'_, AppState>,
    program_id: ProgramId,
) -> IpcResult<OverallText> {
    Ok(overall::text(&*state.vault().await?, program_id).await?)
}

/// Saves the findings and proposals (the editor's autosave).
#[tauri::command]
#[specta::specta]
pub async fn overall_save_text(
    state: State<'_, AppState>,
    program_id: ProgramId,
    text: OverallTextInput,
) -> IpcResult<OverallText> {
    Ok(overall::save_text(&*state.vault().await?, program_id, &text).await?)
}

/// The report exactly as it would be sent, and what stops it.
#[tauri::command]
#[specta::specta]
pub async fn overall_preview(
    state: State<'_, AppState>,
    program_id: ProgramId,
) -> IpcResult<OverallPreview> {
    Ok(overall::preview(&*state.vault().await?, program_id).await?)
}

/// Writes the report's package into the Downloads folder, encrypted to `recipients` or, when
/// given, to `passphrase` (which becomes a secret type at once).
#[tauri::command]
#[specta::specta]
pub async fn overall_export(
    state: State<'_, AppState>,
    program_id: ProgramId,
    recipients: Vec<String>,
    passphrase: Option<Secret>,
    armored: bool,
) -> IpcResult<Exported> {
    let encryption = encryption(recipients, passphrase);
    let vault = state.vault().await?;
    Ok(overall::export_into(&vault, program_id, encryption, armored, &downloads()?).await?)
}
