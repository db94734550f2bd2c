//! Everything the CLI can fail with: the core's errors, plus its own input handling.

use kizuki_core::record::{self, Field};
use kizuki_core::supervision::inbox::ImportError;
use kizuki_core::{backup, data_dir, export, instance, preferences, vault, ErrorCode};

/// A failure of one `kizuki` invocation.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// No passphrase source was available (no variable, no file, no terminal).
    #[error("no passphrase was given")]
    NoPassphrase,
    /// The two passphrases typed at `init` differ.
    #[error("the passphrases do not match")]
    PassphraseMismatch,
    /// A passphrase, notes, text or JSON file could not be read.
    #[error("the file could not be read")]
    UnreadableFile(#[source] std::io::Error),
    /// A file given as text is not UTF-8.
    #[error("the file is not UTF-8 text")]
    NotUtf8,
    /// Two inputs of one command were both `-`: standard input can be read only once.
    #[error("standard input was given for two inputs")]
    StdinTwice,
    /// A `--from-file` input is not JSON, or not the JSON the command expects.
    #[error("the JSON input is not usable: {0:?}")]
    Json(JsonProblem),
    /// `interview sheet --section N` names no section of the sheet.
    #[error("the sheet has no section {0}")]
    UnknownSection(u32),
    /// `export summary` named a consent of another client than `--client`.
    #[error("the consent is another client's")]
    ConsentOfAnotherClient,
    /// `export summary` without `--consent`: the client has no active consent.
    #[error("the client has no active consent")]
    NoActiveConsent,
    /// `export summary` without `--consent`: the client has several; one must be chosen.
    #[error("the client has several active consents")]
    SeveralActiveConsents,
    /// `backup --to-recovery-key` in a vault that does not know its recovery key's public half.
    #[error("the vault does not know its recovery key's public half")]
    NoRecoveryRecipient,
    /// `restore --identity` names a file holding no age identity.
    #[error("the file holds no age identity")]
    NotAnIdentity,
    /// `audit verify` found the chain broken at this entry.
    #[error("the audit chain breaks at entry {0}")]
    AuditChainBroken(i64),
    /// `audit verify` found records (references) or heads without their entries.
    #[error("the audit chain lacks {} entries", .0.len())]
    AuditChainIncomplete(Vec<String>),
    /// `audit verify` found records (references) that differ from what their entries recorded.
    #[error("{} records differ from their audit entries", .0.len())]
    AuditRecordsAltered(Vec<String>),
    /// Writing the output failed.
    #[error("writing the output failed")]
    Output(#[source] std::io::Error),
    /// A fault in the CLI itself (a stored record that does not turn into JSON).
    #[error("internal error")]
    Internal,
    /// The core refused or failed.
    #[error(transparent)]
    Core(#[from] CoreError),
}

/// What is wrong with a JSON input. Never holds the file's values, which may be client
/// content: only positions and the names of keys Kizuki itself defines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonProblem {
    /// The text is not JSON at all.
    Syntax { line: usize, column: usize },
    /// The JSON (or one of its list items) is not an object `{ … }`.
    NotAnObject,
    /// A key the command needs is absent.
    Missing(&'static str),
    /// A key the command does not know: a typo would otherwise be silently dropped. Holds
    /// the keys that are accepted there.
    Unknown { accepted: Vec<&'static str> },
    /// A value has the wrong type (text for a number, an unknown choice …).
    WrongType,
}

/// The core's errors, kept apart so each maps to its translated code.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error(transparent)]
    DataDir(#[from] data_dir::Error),
    #[error(transparent)]
    Vault(#[from] vault::Error),
    #[error(transparent)]
    Record(#[from] record::Error),
    #[error(transparent)]
    Export(#[from] export::Error),
    #[error(transparent)]
    Backup(#[from] backup::Error),
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error(transparent)]
    Instance(#[from] instance::Error),
    #[error(transparent)]
    Preferences(#[from] preferences::Error),
}

impl CoreError {
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::DataDir(error) => error.code(),
            Self::Vault(error) => error.code(),
            Self::Record(error) => error.code(),
            Self::Export(error) => error.code(),
            Self::Backup(error) => error.code(),
            Self::Import(error) => error.code(),
            Self::Instance(error) => error.code(),
            Self::Preferences(error) => error.code(),
        }
    }

    /// The field at fault, which messages such as `required` name.
    pub fn field(&self) -> Option<Field> {
        match self {
            Self::Record(error) => error.field(),
            Self::Export(error) => error.field(),
            Self::Import(error) => error.field(),
            Self::Preferences(error) => error.field(),
            Self::DataDir(_) | Self::Vault(_) | Self::Backup(_) | Self::Instance(_) => None,
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
from_core!(
    data_dir::Error,
    vault::Error,
    record::Error,
    export::Error,
    backup::Error,
    ImportError,
    instance::Error,
    preferences::Error
);
