//! Client companies (顧客企業).

use kizuki_core::company::{self, Company, CompanyInput, CompanySummary};
use kizuki_core::ids::CompanyId;
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// Every company, by name, with its counts.
#[tauri::command]
#[specta::specta]
pub async fn company_list(state: State<'_, AppState>) -> IpcResult<Vec<CompanySummary>> {
    Ok(company::list(&*state.vault().await?).await?)
}

/// One company.
#[tauri::command]
#[specta::specta]
pub async fn company_get(state: State<'_, AppState>, id: CompanyId) -> IpcResult<Company> {
    Ok(company::get(&*state.vault().await?, id).await?)
}

/// Adds a company.
#[tauri::command]
#[specta::specta]
pub async fn company_create(state: State<'_, AppState>, input: CompanyInput) -> IpcResult<Company> {
    Ok(company::create(&*state.vault().await?, &input).await?)
}

/// Renames a company.
#[tauri::command]
#[specta::specta]
pub async fn company_update(
    state: State<'_, AppState>,
    id: CompanyId,
    input: CompanyInput,
) -> IpcResult<Company> {
    Ok(company::update(&*state.vault().await?, id, &input).await?)
}
