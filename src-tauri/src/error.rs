//! The one error type that crosses IPC: a code the UI translates, and an English message for
//! developers. Neither ever contains client content.

use kizuki_core::record::{self, Field};
use kizuki_core::supervision::inbox::ImportError;
use kizuki_core::{backup, data_dir, export, preferences, vault, ErrorCode};
use serde::Serialize;

/// What a failed command returns to the UI.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct IpcError {
    /// What went wrong; the UI shows `errors.<code>` in the user's language.
    pub code: ErrorCode,
    /// A developer-facing English description.
    pub message: String,
    /// The field at fault, for the form to point at.
    pub field: Option<Field>,
}

impl IpcError {
    pub(crate) fn locked() -> Self {
        Self {
            code: ErrorCode::VaultLocked,
            message: "the vault is locked".to_owned(),
            field: None,
        }
    }
}

macro_rules! from_core_error {
    ($($error:ty),*) => {$(
        impl From<$error> for IpcError {
            fn from(error: $error) -> Self {
                Self { code: error.code(), message: error.to_string(), field: None }
            }
        }
    )*};
}
from_core_error!(
    kizuki_core::instance::Error,
    vault::Error,
    data_dir::Error,
    backup::Error,
    ImportError
);

impl From<export::Error> for IpcError {
    fn from(error: export::Error) -> Self {
        Self {
            code: error.code(),
            message: error.to_string(),
            field: error.field(),
        }
    }
}

impl From<preferences::Error> for IpcError {
    fn from(error: preferences::Error) -> Self {
        Self {
            code: error.code(),
            message: error.to_string(),
            field: error.field(),
        }
    }
}

impl From<record::Error> for IpcError {
    fn from(error: record::Error) -> Self {
        Self {
            code: error.code(),
            message: error.to_string(),
            field: error.field(),
        }
    }
}

/// The result of every command.
pub type IpcResult<T> = Result<T, IpcError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crosses_ipc_as_a_code_and_a_message_without_client_content() -> Result<(), serde_json::Error>
    {
        let error = IpcError::from(record::Error::InvalidKana(Field::NameKana));
        assert_eq!(
            serde_json::to_value(&error)?,
            serde_json::json!({
                "code": "invalid_kana",
                "message": "NameKana must be kana only",
                "field": "nameKana"
            })
        );
        let locked = serde_json::to_value(IpcError::locked())?;
        assert_eq!(locked["code"], "vault_locked");
        Ok(())
    }
}
