//! What every kind of record (company, program, client, interview, sheet, questionnaire, flag)
//! shares: one error type whose variants name the field at fault, and the checks on typed text.
//!
//! Entity modules validate in Rust before writing, so that each rule has its own message; the
//! database's constraints (unique names, foreign keys) are the backstop, and their violations
//! are classified here instead of surfacing as a storage fault.

use serde::Serialize;

use crate::ErrorCode;

/// A field of a record, as named to the user when it is at fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)] // each variant is the field of the same name
pub enum Field {
    Name,
    NameKana,
    Company,
    Program,
    Client,
    Interview,
    Department,
    Role,
    EmployeeNumber,
    AgeBand,
    YearsAtCompany,
    JobContent,
    DesiredCareer,
    Tags,
    StartsOn,
    EndsOn,
    Purpose,
    Theme,
    Contacts,
    ContactName,
    ContactRole,
    Recipients,
    AnonymityK,
    ScheduledAt,
    HeldAt,
    DurationMinutes,
    Notes,
    Section,
    SectionTitle,
    SectionText,
    Skills,
    Qualifications,
    IncomeAndRole,
    PrivateLife,
    FlagNote,
    ReferredTo,
    RaisedOn,
    HandledOn,
    What,
    How,
    DueOn,
    Status,
    ProgressNote,
    NotedOn,
    FollowUpDueOn,
    FollowUpAfterDays,
    Query,
    Confirmation,
    RetentionYears,
    Reason,
    DecidedOn,
    CareerAwareness,
    Workplace,
    OrganisationalIssues,
    ProposedSupport,
    RecipientName,
    Parts,
    GrantedOn,
    ObtainedNote,
    ExpiresOn,
    RevokedOn,
    RevocationNote,
    Summary,
    Findings,
    Proposals,
    Question,
    Supervisor,
    Regarding,
    WrittenOn,
    Comments,
    AutoLockMinutes,
}

/// The kind of record a [`Error::NotFound`] was looking for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Entity {
    Company,
    Program,
    Client,
    Interview,
    TemplateSection,
    SheetSection,
    Questionnaire,
    Flag,
    ActionItem,
    Report,
    ReportVersion,
    Consent,
}

/// What can go wrong reading or writing records.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A required field is empty or only whitespace.
    #[error("{0:?} is required")]
    Required(Field),
    /// A field is longer than it allows.
    #[error("{0:?} is too long")]
    TooLong(Field),
    /// A reading contains something other than kana.
    #[error("{0:?} must be kana only")]
    InvalidKana(Field),
    /// A date or time is not valid.
    #[error("{0:?} is not a valid date or time")]
    InvalidDate(Field),
    /// A number is outside its range.
    #[error("{0:?} is out of range")]
    OutOfRange(Field),
    /// A date that closes something (a period's end, the day a flag was handled) is before
    /// the date that opens it; the field is the closing one.
    #[error("{0:?} is before the date it follows")]
    EndsBeforeStart(Field),
    /// A one-line field holds a line break or another control character.
    #[error("{0:?} holds a control character")]
    ControlCharacter(Field),
    /// A recipient is not an `age1…` or SSH public key.
    #[error("a recipient is not an age or SSH public key")]
    InvalidRecipient,
    /// A unique field collides with another record's.
    #[error("{0:?} already exists")]
    Duplicate(Field),
    /// No record of this kind has this id.
    #[error("no {0:?} has id {1}")]
    NotFound(Entity, i64),
    /// A record refers to a parent that does not exist.
    #[error("a referenced record does not exist")]
    MissingParent,
    /// A client and a program (or an interview's client and its program) are of different
    /// companies.
    #[error("the client and the program belong to different companies")]
    OtherCompany,
    /// A client has interviews, questionnaires or reports in their company's programs, so cannot
    /// move to another company: those records would point at a program the client no longer
    /// belongs to.
    #[error("the client has records in their company's programs")]
    HasProgramRecords,
    /// The client already has a report for the program (one per client and program).
    #[error("the client already has a report for the program")]
    ReportExists,
    /// A search query holds no word to look for (only spaces or punctuation).
    #[error("the query holds no word")]
    NoSearchWords,
    /// An erasure's typed confirmation does not match the client's name.
    #[error("the confirmation does not match")]
    NotConfirmed,
    /// A date that records something that happened is after today.
    #[error("{0:?} is in the future")]
    InFuture(Field),
    /// A consent names a part that no package to its recipient carries (the individual
    /// report's parts are for a supervisor, the summary's for HR or the boss).
    #[error("the part is not one this recipient can receive")]
    PartNotForRecipient,
    /// The consent is already revoked; its first revocation stands.
    #[error("the consent is already revoked")]
    AlreadyRevoked,
    /// The folder chosen for a file is not a folder on this machine.
    #[error("the folder chosen is not there")]
    FolderNotFound,
    /// Writing a file outside the vault (an export) failed.
    #[error("writing the file failed")]
    Storage(#[source] std::io::Error),
    /// The database failed.
    #[error("database error")]
    Database(#[source] sqlx::Error),
}

impl Error {
    /// The code front-ends translate for the user.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::Required(_) => ErrorCode::Required,
            Self::TooLong(_) => ErrorCode::TextTooLong,
            Self::InvalidKana(_) => ErrorCode::InvalidKana,
            Self::InvalidDate(_) => ErrorCode::InvalidDate,
            Self::OutOfRange(_) => ErrorCode::OutOfRange,
            Self::EndsBeforeStart(_) => ErrorCode::PeriodEndsBeforeStart,
            Self::ControlCharacter(_) => ErrorCode::ControlCharacter,
            Self::InvalidRecipient => ErrorCode::InvalidRecipient,
            Self::Duplicate(Field::EmployeeNumber) => ErrorCode::DuplicateEmployeeNumber,
            Self::Duplicate(_) => ErrorCode::Duplicate,
            Self::NotFound(..) => ErrorCode::NotFound,
            Self::MissingParent => ErrorCode::MissingParent,
            Self::OtherCompany => ErrorCode::OtherCompany,
            Self::HasProgramRecords => ErrorCode::ClientHasProgramRecords,
            Self::ReportExists => ErrorCode::ReportExists,
            Self::NoSearchWords => ErrorCode::QueryHasNoWords,
            Self::NotConfirmed => ErrorCode::ErasureNotConfirmed,
            Self::AlreadyRevoked => ErrorCode::ConsentRevoked,
            Self::PartNotForRecipient => ErrorCode::PartNotForRecipient,
            Self::InFuture(_) => ErrorCode::DateInFuture,
            Self::FolderNotFound => ErrorCode::FolderNotFound,
            Self::Storage(error) => ErrorCode::of_io(error),
            Self::Database(error) => crate::db::error_code(error),
        }
    }

    /// The field at fault, for the UI to point at.
    pub fn field(&self) -> Option<Field> {
        match self {
            Self::Required(field)
            | Self::TooLong(field)
            | Self::InvalidKana(field)
            | Self::InvalidDate(field)
            | Self::OutOfRange(field)
            | Self::Duplicate(field)
            | Self::EndsBeforeStart(field)
            | Self::InFuture(field)
            | Self::ControlCharacter(field) => Some(*field),
            Self::InvalidRecipient => Some(Field::Recipients),
            Self::HasProgramRecords => Some(Field::Company),
            Self::ReportExists => Some(Field::Program),
            Self::NoSearchWords => Some(Field::Query),
            Self::NotConfirmed => Some(Field::Confirmation),
            Self::AlreadyRevoked => Some(Field::RevokedOn),
            _ => None,
        }
    }
}

impl From<sqlx::Error> for Error {
    /// Foreign-key violations are a missing parent; unique violations become
    /// [`Error::Duplicate`] through [`unique_violation`] where a store knows the field.
    fn from(error: sqlx::Error) -> Self {
        match constraint_kind(&error) {
            Some(Constraint::ForeignKey) => Self::MissingParent,
            _ => Self::Database(error),
        }
    }
}

/// The result of record operations.
pub type Result<T, E = Error> = std::result::Result<T, E>;

enum Constraint {
    Unique,
    ForeignKey,
}

fn constraint_kind(error: &sqlx::Error) -> Option<Constraint> {
    const SQLITE_CONSTRAINT_FOREIGNKEY: &str = "787";
    const SQLITE_CONSTRAINT_PRIMARYKEY: &str = "1555";
    const SQLITE_CONSTRAINT_UNIQUE: &str = "2067";
    let sqlx::Error::Database(db) = error else {
        return None;
    };
    match db.code().as_deref() {
        Some(SQLITE_CONSTRAINT_FOREIGNKEY) => Some(Constraint::ForeignKey),
        Some(SQLITE_CONSTRAINT_UNIQUE | SQLITE_CONSTRAINT_PRIMARYKEY) => Some(Constraint::Unique),
        _ => None,
    }
}

/// Maps a unique-constraint violation on `columns` (as SQLite names them in its message,
/// e.g. `"clients.employee_number"`) to [`Error::Duplicate`] of `field`; anything else
/// passes through [`From<sqlx::Error>`]. SQLite's message names only table and columns,
/// never the values, so nothing typed by the consultant is examined or kept.
pub(crate) fn unique_violation(columns: &str, field: Field) -> impl Fn(sqlx::Error) -> Error + '_ {
    move |error| match constraint_kind(&error) {
        Some(Constraint::Unique) if matches!(&error, sqlx::Error::Database(db) if db.message().contains(columns)) => {
            Error::Duplicate(field)
        }
        _ => Error::from(error),
    }
}

/// Checks on typed text, each failing with the field's own error.
pub(crate) mod check {
    use super::{Error, Field, Result};
    use crate::text;

    /// The longest single-line field (names, roles, titles).
    pub(crate) const LINE_CHARS: usize = 200;
    /// The longest multi-line field other than interview notes.
    pub(crate) const PARAGRAPH_CHARS: usize = 20_000;

    /// A trimmed, non-empty line of at most [`LINE_CHARS`].
    pub(crate) fn required_line(value: &str, field: Field) -> Result<String> {
        let value = text::required(value).ok_or(Error::Required(field))?;
        one_line(fit(value, LINE_CHARS, field)?, field)
    }

    /// A trimmed line, absent when blank.
    pub(crate) fn optional_line(value: Option<&str>, field: Field) -> Result<Option<String>> {
        text::optional(value)
            .map(|value| one_line(fit(value, LINE_CHARS, field)?, field))
            .transpose()
    }

    /// Refuses line breaks and other control characters inside a line: a name or a tag is shown
    /// on one line everywhere, and stores join tags with a control character as separator. The
    /// marks that reorder text on screen are refused too: a name that displays as another.
    fn one_line(value: String, field: Field) -> Result<String> {
        if value
            .chars()
            .any(|c| c.is_control() || crate::text::reorders(c))
        {
            Err(Error::ControlCharacter(field))
        } else {
            Ok(value)
        }
    }

    /// A paragraph (kept as typed, but blank means absent).
    pub(crate) fn optional_paragraph(value: Option<&str>, field: Field) -> Result<Option<String>> {
        match value {
            Some(value) if !value.trim().is_empty() => {
                fit(value.trim_end().to_owned(), PARAGRAPH_CHARS, field).map(Some)
            }
            _ => Ok(None),
        }
    }

    /// Free text kept exactly as typed (notes, sheet sections), bounded.
    pub(crate) fn free_text(value: &str, max_chars: usize, field: Field) -> Result<()> {
        if text::fits(value, max_chars) {
            Ok(())
        } else {
            Err(Error::TooLong(field))
        }
    }

    fn fit(value: String, max_chars: usize, field: Field) -> Result<String> {
        if text::fits(&value, max_chars) {
            Ok(value)
        } else {
            Err(Error::TooLong(field))
        }
    }
}
