//! Consents (同意): the explanation sheet, granting, revoking.

use kizuki_core::consent::{
    self, Consent, ConsentInput, ConsentSheet, RevocationInput, SheetLanguage,
};
use kizuki_core::ids::{ClientId, ConsentId};
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// A client's consents, newest first, revoked and expired ones included.
#[tauri::command]
#[specta::specta]
pub async fn consent_list(
    state: State<'_, AppState>,
    client_id: ClientId,
) -> IpcResult<Vec<Consent>> {
    Ok(consent::list(&*state.vault().await?, client_id).await?)
}

/// The explanation and consent sheet for a consent about to be recorded; records nothing.
#[tauri::command]
#[specta::specta]
pub async fn consent_sheet(
    state: State<'_, AppState>,
    input: ConsentInput,
    language: SheetLanguage,
) -> IpcResult<ConsentSheet> {
    Ok(consent::sheet(&*state.vault().await?, &input, language).await?)
}

/// Records a consent the client gave.
#[tauri::command]
#[specta::specta]
pub async fn consent_grant(state: State<'_, AppState>, input: ConsentInput) -> IpcResult<Consent> {
    Ok(consent::grant(&*state.vault().await?, &input).await?)
}

/// Revokes a consent; it is kept, marked revoked.
#[tauri::command]
#[specta::specta]
pub async fn consent_revoke(
    state: State<'_, AppState>,
    id: ConsentId,
    input: RevocationInput,
) -> IpcResult<Consent> {
    Ok(consent::revoke(&*state.vault().await?, id, &input).await?)
}
