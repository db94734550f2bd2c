//! Packages for third parties: the summary written for a recipient, its preview, the export,
//! and the records every export leaves (the provision record, the audit log).

use kizuki_core::audit::{self, AuditEntry, Verdict};
use kizuki_core::export::{self, Exported, Summary, SummaryPreview, SummaryRequest};
use kizuki_core::ids::ConsentId;
use kizuki_core::package::Encryption;
use kizuki_core::provision::{self, ProvisionRecord};
use tauri::State;

use crate::error::IpcResult;
use crate::secret::Secret;
use crate::state::AppState;

/// The summary written for a consent's recipient.
#[tauri::command]
#[specta::specta]
pub async fn summary_get(state: State<'_, AppState>, consent_id: ConsentId) -> IpcResult<Summary> {
    Ok(export::summary(&*state.vault().await?, consent_id).await?)
}

/// Saves the summary (the editor's autosave).
#[tauri::command]
#[specta::specta]
pub async fn summary_save(
    state: State<'_, AppState>,
    consent_id: ConsentId,
    text: String,
) -> IpcResult<Summary> {
    Ok(export::save_summary(&*state.vault().await?, consent_id, &text).await?)
}

/// The summary exactly as it would be sent, and what the consent does not cover.
#[tauri::command]
#[specta::specta]
pub async fn summary_preview(
    state: State<'_, AppState>,
    request: SummaryRequest,
) -> IpcResult<SummaryPreview> {
    Ok(export::preview_summary(&*state.vault().await?, &request).await?)
}

/// Writes the summary package into the Downloads folder, encrypted to `recipients` or, when
/// given, to `passphrase` (which becomes a secret type at once), and returns what was written.
#[tauri::command]
#[specta::specta]
pub async fn summary_export(
    state: State<'_, AppState>,
    request: SummaryRequest,
    recipients: Vec<String>,
    passphrase: Option<Secret>,
    armored: bool,
) -> IpcResult<Exported> {
    let encryption = encryption(recipients, passphrase);
    let vault = state.vault().await?;
    Ok(export::export_summary_into(&vault, &request, encryption, armored, &downloads()?).await?)
}

/// Whom a package from the UI is encrypted to: the passphrase, when one was typed (a secret
/// type from here on), else the keys.
pub(crate) fn encryption(recipients: Vec<String>, passphrase: Option<Secret>) -> Encryption {
    match passphrase {
        Some(passphrase) => Encryption::Passphrase(passphrase.into_inner()),
        None => Encryption::Recipients(recipients),
    }
}

/// The folder packages are written to and imported from.
pub(crate) fn downloads() -> Result<std::path::PathBuf, kizuki_core::record::Error> {
    kizuki_core::data_dir::downloads().map_err(kizuki_core::record::Error::Storage)
}

/// The provision records, newest first.
#[tauri::command]
#[specta::specta]
pub async fn provision_list(state: State<'_, AppState>) -> IpcResult<Vec<ProvisionRecord>> {
    Ok(provision::list(&*state.vault().await?).await?)
}

/// The audit log, newest first.
#[tauri::command]
#[specta::specta]
pub async fn audit_list(state: State<'_, AppState>) -> IpcResult<Vec<AuditEntry>> {
    Ok(audit::list(&*state.vault().await?).await?)
}

/// Walks the audit log's hash chain.
#[tauri::command]
#[specta::specta]
pub async fn audit_verify(state: State<'_, AppState>) -> IpcResult<Verdict> {
    Ok(audit::verify(&*state.vault().await?).await?)
}
