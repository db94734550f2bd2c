use crate::ErrorCode;

/// What can go wrong creating, unlocking or re-keying a vault.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The passphrase does not decrypt the wrapped database key.
    #[error("the passphrase does not open this vault")]
    WrongPassphrase,
    /// A new passphrase is below [`super::MIN_PASSPHRASE_CHARS`].
    #[error("the passphrase is shorter than {min} characters")]
    PassphraseTooShort {
        /// The minimum number of characters.
        min: usize,
    },
    /// The recovery key text cannot be parsed as a recovery key.
    #[error("the text is not a recovery key")]
    InvalidRecoveryKey,
    /// The recovery key parses, but the vault was not wrapped to it.
    #[error("the recovery key does not belong to this vault")]
    WrongRecoveryKey,
    /// The passphrase file asks for more scrypt work than Kizuki spends opening one.
    #[error("the passphrase file asks for scrypt work 2^{log_n}, above Kizuki's limit")]
    KeyFileTooCostly {
        /// The file's log2(N).
        log_n: u8,
    },
    /// `create` found vault files already in the directory.
    #[error("a vault already exists in the data directory")]
    AlreadyExists,
    /// A setup stopped before it finished (its marker file is still there).
    #[error("a setup of this vault was interrupted and can be discarded")]
    SetupInterrupted,
    /// There is no vault in the directory.
    #[error("there is no vault in the data directory")]
    NotFound,
    /// Some vault files are missing, or a file or the database cannot be decrypted with a key
    /// that unwrapped correctly.
    #[error("the vault files are damaged or incomplete: {0}")]
    Damaged(&'static str),
    /// The linked SQLite has no SQLCipher, so nothing written would be encrypted.
    #[error("the database library is not SQLCipher; refusing to write unencrypted data")]
    CipherUnavailable,
    /// A file could not be read or written.
    #[error("vault file input/output failed")]
    Io(#[from] std::io::Error),
    /// The database failed.
    #[error("database error")]
    Database(#[from] sqlx::Error),
    /// Applying schema migrations failed.
    #[error("database migration failed")]
    Migration(#[from] sqlx::migrate::MigrateError),
    /// age failed to encrypt a key file.
    #[error("wrapping the database key failed")]
    Wrap(#[from] age::EncryptError),
    /// A blocking task (key derivation) panicked or was cancelled.
    #[error("a background task failed")]
    Task(#[from] tokio::task::JoinError),
}

impl Error {
    /// The code front-ends translate for the user.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::WrongPassphrase => ErrorCode::WrongPassphrase,
            Self::PassphraseTooShort { .. } => ErrorCode::PassphraseTooShort,
            Self::InvalidRecoveryKey => ErrorCode::InvalidRecoveryKey,
            Self::WrongRecoveryKey => ErrorCode::WrongRecoveryKey,
            Self::AlreadyExists => ErrorCode::VaultExists,
            Self::NotFound => ErrorCode::VaultNotFound,
            Self::Damaged(_) => ErrorCode::VaultDamaged,
            Self::KeyFileTooCostly { .. } => ErrorCode::KeyFileTooCostly,
            Self::SetupInterrupted => ErrorCode::SetupInterrupted,
            Self::Database(error) => crate::db::error_code(error),
            // A vault migrated by a newer Kizuki than this one cannot be opened safely here.
            Self::Migration(sqlx::migrate::MigrateError::VersionMissing(_)) => {
                ErrorCode::VaultDamaged
            }
            Self::Io(error) => ErrorCode::of_io(error),
            Self::Migration(_) => ErrorCode::Storage,
            Self::CipherUnavailable | Self::Wrap(_) | Self::Task(_) => ErrorCode::Internal,
        }
    }
}

/// The vault module's result.
pub type Result<T, E = Error> = std::result::Result<T, E>;
