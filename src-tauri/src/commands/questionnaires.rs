//! The pre-interview questionnaire 「3年後に目指す自分」.

use kizuki_core::ids::{ClientId, ProgramId};
use kizuki_core::questionnaire::{self, Questionnaire, QuestionnaireInput};
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// The client's questionnaire for the program, if saved.
#[tauri::command]
#[specta::specta]
pub async fn questionnaire_find(
    state: State<'_, AppState>,
    client_id: ClientId,
    program_id: Option<ProgramId>,
) -> IpcResult<Option<Questionnaire>> {
    Ok(questionnaire::find(&*state.vault().await?, client_id, program_id).await?)
}

/// Saves the questionnaire (its editor's autosave).
#[tauri::command]
#[specta::specta]
pub async fn questionnaire_save(
    state: State<'_, AppState>,
    input: QuestionnaireInput,
) -> IpcResult<Questionnaire> {
    Ok(questionnaire::save(&*state.vault().await?, &input).await?)
}
