//! The one error type that crosses IPC: a code the UI translates, and an English message for
//! developers. Neither ever contains client content.

use kizuki_core::{client, data_dir, preferences, session, vault, ErrorCode};
use serde::Serialize;

/// What a failed command returns to the UI.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct IpcError {
    /// What went wrong; the UI shows `errors.<code>` in the user's language.
    pub code: ErrorCode,
    /// A developer-facing English description.
    pub message: String,
}

impl IpcError {
    pub(crate) fn locked() -> Self {
        Self {
            code: ErrorCode::VaultLocked,
            message: "the vault is locked".to_owned(),
        }
    }
}

macro_rules! from_core_error {
    ($($error:ty),*) => {$(
        impl From<$error> for IpcError {
            fn from(error: $error) -> Self {
                Self { code: error.code(), message: error.to_string() }
            }
        }
    )*};
}
from_core_error!(
    vault::Error,
    client::Error,
    session::Error,
    preferences::Error,
    data_dir::Error
);

/// The result of every command.
pub type IpcResult<T> = Result<T, IpcError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crosses_ipc_as_a_code_and_a_message_without_client_content() -> Result<(), serde_json::Error>
    {
        let error = IpcError::from(client::Error::InvalidKana);
        assert_eq!(
            serde_json::to_value(&error)?,
            serde_json::json!({ "code": "invalid_kana", "message": "the client's reading must be kana only" })
        );
        let locked = serde_json::to_value(IpcError::locked())?;
        assert_eq!(locked["code"], "vault_locked");
        Ok(())
    }
}
