//! Individual reports (個別報告書): drafting, editing, history, and the printed document.

use kizuki_core::ids::{ClientId, ProgramId, ReportId, ReportVersionId};
use kizuki_core::report::{self, Report, ReportDocument, ReportPart, ReportSummary, ReportVersion};
use tauri::State;

use crate::error::IpcResult;
use crate::folder_choice::FolderChooser;
use crate::printing::Printer;
use crate::state::AppState;

/// A client's reports, the latest program's first.
#[tauri::command]
#[specta::specta]
pub async fn report_list(
    state: State<'_, AppState>,
    client_id: ClientId,
) -> IpcResult<Vec<ReportSummary>> {
    Ok(report::list(&*state.vault().await?, client_id).await?)
}

/// Drafts a client's report for a program from their interviews in it.
#[tauri::command]
#[specta::specta]
pub async fn report_create(
    state: State<'_, AppState>,
    client_id: ClientId,
    program_id: ProgramId,
) -> IpcResult<Report> {
    Ok(report::create(&*state.vault().await?, client_id, program_id).await?)
}

/// A report with whom and what it is about.
#[tauri::command]
#[specta::specta]
pub async fn report_document(
    state: State<'_, AppState>,
    id: ReportId,
) -> IpcResult<ReportDocument> {
    Ok(report::document(&*state.vault().await?, id).await?)
}

/// Saves one part (the editor's autosave).
#[tauri::command]
#[specta::specta]
pub async fn report_save_part(
    state: State<'_, AppState>,
    id: ReportId,
    part: ReportPart,
    text: String,
) -> IpcResult<Report> {
    Ok(report::save_part(&*state.vault().await?, id, part, &text).await?)
}

/// A report's versions, newest first.
#[tauri::command]
#[specta::specta]
pub async fn report_versions(
    state: State<'_, AppState>,
    id: ReportId,
) -> IpcResult<Vec<ReportVersion>> {
    Ok(report::versions(&*state.vault().await?, id).await?)
}

/// Makes an earlier version the report's text again.
#[tauri::command]
#[specta::specta]
pub async fn report_restore(
    state: State<'_, AppState>,
    id: ReportId,
    version_id: ReportVersionId,
) -> IpcResult<Report> {
    Ok(report::restore(&*state.vault().await?, id, version_id).await?)
}

/// Asks the consultant, with the system's folder chooser titled `title`, where a report's PDF
/// goes; `None` when they cancel.
#[tauri::command]
#[specta::specta]
pub async fn report_choose_pdf_folder(
    chooser: State<'_, FolderChooser>,
    title: String,
) -> IpcResult<Option<String>> {
    Ok(chooser
        .choose(&title)
        .await
        .map(|folder| folder.display().to_string()))
}

/// Prints the report the window shows (its print view) to a PDF in the folder the consultant
/// last chose with [`report_choose_pdf_folder`], knowing the PDF is not encrypted, and returns
/// where. Without a folder chosen, nothing is written.
#[tauri::command]
#[specta::specta]
pub async fn report_save_pdf(
    state: State<'_, AppState>,
    printer: State<'_, Printer>,
    chooser: State<'_, FolderChooser>,
    id: ReportId,
) -> IpcResult<String> {
    let folder = chooser
        .chosen()
        .ok_or(kizuki_core::record::Error::FolderNotFound)?;
    let path = report::claim_pdf_file(&*state.vault().await?, id, &folder).await?;
    printer.save_pdf(&path).await?;
    // Locked meanwhile: the window showed the lock screen, not the report.
    if let Err(locked) = state.vault().await {
        let _ = std::fs::remove_file(&path);
        return Err(locked);
    }
    Ok(path.display().to_string())
}
