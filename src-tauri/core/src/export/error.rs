//! What can go wrong making a package.

use crate::consent::{ConsentState, SharePart};
use crate::ids::FlagId;
use crate::package::SealError;
use crate::record;
use crate::ErrorCode;

/// Why an export was refused or failed. Nothing is written in any case.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A record could not be read, or the request names one that does not exist.
    #[error(transparent)]
    Record(#[from] record::Error),
    /// The consent does not cover everything included: it is not active on the day (its
    /// state says why), or it leaves out these parts or flags.
    #[error("the consent does not cover {} parts and {} flags", parts.len(), flags.len())]
    NotCovered {
        /// The consent's state today.
        state: ConsentState,
        /// Included parts it does not cover.
        parts: Vec<SharePart>,
        /// Included flags it does not cover.
        flags: Vec<FlagId>,
    },
    /// An overall report's text holds a name or an employee number of one of the program's
    /// clients: it would identify them.
    #[error("the report's text identifies a client")]
    IdentifiesClient,
    /// The package could not be encrypted as asked.
    #[error(transparent)]
    Seal(#[from] SealError),
    /// A file already has the name chosen; it is never overwritten.
    #[error("the file already exists")]
    FileExists,
    /// Writing the file failed.
    #[error("writing the package failed")]
    Write(#[source] std::io::Error),
}

impl Error {
    /// The code front-ends translate for the user.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::Record(error) => error.code(),
            Self::NotCovered { .. } => ErrorCode::NotConsented,
            Self::IdentifiesClient => ErrorCode::IdentifiesClient,
            Self::Seal(SealError::NoRecipients) => ErrorCode::NoRecipients,
            Self::Seal(SealError::InvalidRecipient) => ErrorCode::InvalidRecipient,
            Self::Seal(SealError::PassphraseTooShort) => ErrorCode::PackagePassphraseTooShort,
            Self::Seal(_) => ErrorCode::Internal,
            Self::FileExists => ErrorCode::FileExists,
            Self::Write(error) => ErrorCode::of_io(error),
        }
    }

    /// The field at fault, for the form to point at.
    pub fn field(&self) -> Option<record::Field> {
        match self {
            Self::Record(error) => error.field(),
            Self::NotCovered { .. } => Some(record::Field::Parts),
            Self::IdentifiesClient => Some(record::Field::Findings),
            Self::Seal(_) => Some(record::Field::Recipients),
            _ => None,
        }
    }
}

/// The result of exports.
pub type Result<T, E = Error> = std::result::Result<T, E>;
