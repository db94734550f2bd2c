//! Interview sheets (面談シート) and their templates.

use kizuki_core::ids::{InterviewId, ProgramId, SheetSectionId};
use kizuki_core::sheet::{self, SheetSection, TemplateSection, TemplateSectionInput};
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// A program's template (or the default one), retired sections included.
#[tauri::command]
#[specta::specta]
pub async fn sheet_template_get(
    state: State<'_, AppState>,
    program_id: Option<ProgramId>,
) -> IpcResult<Vec<TemplateSection>> {
    Ok(sheet::template(&*state.vault().await?, program_id).await?)
}

/// Saves an edited template.
#[tauri::command]
#[specta::specta]
pub async fn sheet_template_save(
    state: State<'_, AppState>,
    program_id: Option<ProgramId>,
    sections: Vec<TemplateSectionInput>,
) -> IpcResult<Vec<TemplateSection>> {
    Ok(sheet::save_template(&*state.vault().await?, program_id, &sections).await?)
}

/// An interview's sheet, in order.
#[tauri::command]
#[specta::specta]
pub async fn sheet_sections(
    state: State<'_, AppState>,
    interview_id: InterviewId,
) -> IpcResult<Vec<SheetSection>> {
    Ok(sheet::sections(&*state.vault().await?, interview_id).await?)
}

/// Saves a section's text (its editor's autosave).
#[tauri::command]
#[specta::specta]
pub async fn sheet_save_section(
    state: State<'_, AppState>,
    id: SheetSectionId,
    text: String,
) -> IpcResult<SheetSection> {
    Ok(sheet::save_section(&*state.vault().await?, id, &text).await?)
}

/// Files a passage of the notes under a section.
#[tauri::command]
#[specta::specta]
pub async fn sheet_capture(
    state: State<'_, AppState>,
    id: SheetSectionId,
    passage: String,
) -> IpcResult<SheetSection> {
    Ok(sheet::capture(&*state.vault().await?, id, &passage).await?)
}
