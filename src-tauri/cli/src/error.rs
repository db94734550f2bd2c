//! Everything the CLI can fail with: the core's errors, plus its own input handling.

use kizuki_core::{client, data_dir, session, vault, ErrorCode};

/// A failure of one `kizuki` invocation.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// No passphrase source was available (no variable, no file, no terminal).
    #[error("no passphrase was given")]
    NoPassphrase,
    /// The two passphrases typed at `init` differ.
    #[error("the passphrases do not match")]
    PassphraseMismatch,
    /// The passphrase or notes file could not be read.
    #[error("the file could not be read")]
    UnreadableFile(#[source] std::io::Error),
    /// The notes file is not UTF-8.
    #[error("the notes file is not UTF-8 text")]
    NotUtf8,
    /// Writing the output failed.
    #[error("writing the output failed")]
    Output(#[source] std::io::Error),
    /// The core refused or failed.
    #[error(transparent)]
    Core(#[from] CoreError),
}

/// The core's errors, kept apart so each maps to its translated code.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error(transparent)]
    DataDir(#[from] data_dir::Error),
    #[error(transparent)]
    Vault(#[from] vault::Error),
    #[error(transparent)]
    Client(#[from] client::Error),
    #[error(transparent)]
    Session(#[from] session::Error),
}

impl CoreError {
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::DataDir(error) => error.code(),
            Self::Vault(error) => error.code(),
            Self::Client(error) => error.code(),
            Self::Session(error) => error.code(),
        }
    }
}

macro_rules! from_core {
    ($($error:ty),*) => {$(
        impl From<$error> for CliError {
            fn from(error: $error) -> Self {
                Self::Core(CoreError::from(error))
            }
        }
    )*};
}
from_core!(data_dir::Error, vault::Error, client::Error, session::Error);
