use serde::Serialize;

/// Declares [`ErrorCode`] from one list: the variant, its wire name, its doc. `ALL`, `as_str`
/// and the serialised names all come from here, and the shell exports `ALL` into the UI's
/// generated bindings, so a code is written once.
macro_rules! error_codes {
    ($($(#[doc = $doc:literal])* $variant:ident = $code:literal,)*) => {
        /// A stable, language-neutral code for everything that can go wrong in the core.
        ///
        /// Front-ends translate the code (the UI's locale files hold `errors.<code>` in every
        /// language); the English `Display` text of each module's error is for developers and
        /// never carries client content.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        pub enum ErrorCode {
            $($(#[doc = $doc])* #[serde(rename = $code)] $variant,)*
        }

        impl ErrorCode {
            /// Every code, for front-ends and tests that must cover them all.
            pub const ALL: &'static [Self] = &[$(Self::$variant),*];

            /// The code as it appears in the locale files and on the IPC boundary.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $code,)*
                }
            }
        }
    };
}

error_codes! {
    /// The passphrase does not open the vault.
    WrongPassphrase = "wrong_passphrase",
    /// A new passphrase is shorter than the minimum.
    PassphraseTooShort = "passphrase_too_short",
    /// The text given as a recovery key is not a recovery key at all.
    InvalidRecoveryKey = "invalid_recovery_key",
    /// The recovery key is well-formed but belongs to another vault.
    WrongRecoveryKey = "wrong_recovery_key",
    /// A vault already exists where one was to be created.
    VaultExists = "vault_exists",
    /// There is no vault in the data directory.
    VaultNotFound = "vault_not_found",
    /// The operation needs an unlocked vault.
    VaultLocked = "vault_locked",
    /// The vault's files are incomplete or cannot be read; nothing was changed.
    VaultDamaged = "vault_damaged",
    /// The passphrase file asks for more key-derivation work than Kizuki spends; the recovery
    /// key still opens the vault.
    KeyFileTooCostly = "key_file_too_costly",
    /// A setup stopped before it finished: it can be discarded, and holds no records.
    SetupInterrupted = "setup_interrupted",
    /// Another Kizuki (the app or a `kizuki` command) has this vault open.
    VaultInUse = "vault_in_use",
    /// A required field is empty (the error names the field).
    Required = "required",
    /// A text is longer than its field allows.
    TextTooLong = "text_too_long",
    /// A reading (furigana) contains characters other than kana.
    InvalidKana = "invalid_kana",
    /// A date or time is not a real one in the expected form.
    InvalidDate = "invalid_date",
    /// A number is outside the range its field allows.
    OutOfRange = "out_of_range",
    /// A date that closes something (a period, a flag) is before the date that opens it.
    PeriodEndsBeforeStart = "period_ends_before_start",
    /// A one-line field (a name, a tag) holds a line break or another control character.
    ControlCharacter = "control_character",
    /// A client with interviews, questionnaires or reports in their company's programs cannot
    /// move to another company.
    ClientHasProgramRecords = "client_has_program_records",
    /// A text given as an age recipient is neither an `age1…` key nor an SSH public key.
    InvalidRecipient = "invalid_recipient",
    /// A record with the same name already exists where names must be unique.
    Duplicate = "duplicate",
    /// Another client of the same company already has this employee number.
    DuplicateEmployeeNumber = "duplicate_employee_number",
    /// The record asked for does not exist (any more).
    NotFound = "not_found",
    /// A record refers to another that does not exist.
    MissingParent = "missing_parent",
    /// A client and a program belong to different companies.
    OtherCompany = "other_company",
    /// The client already has an individual report for this program.
    ReportExists = "report_exists",
    /// A search query holds nothing to look for (only spaces or punctuation).
    QueryHasNoWords = "query_has_no_words",
    /// The name typed to confirm an erasure is not the client's.
    ErasureNotConfirmed = "erasure_not_confirmed",
    /// A date that records something that happened is after today.
    DateInFuture = "date_in_future",
    /// A consent names a part its recipient is never sent.
    PartNotForRecipient = "part_not_for_recipient",
    /// The consent was revoked already, or is revoked, so cannot be relied on or revoked again.
    ConsentRevoked = "consent_revoked",
    /// An export was refused: the consent is not active, or does not cover every part included.
    NotConsented = "not_consented",
    /// The file named is not there (or is not a plain file).
    FileNotFound = "file_not_found",
    /// A file to import is larger than any package.
    PackageTooLarge = "package_too_large",
    /// A file to import is not a Kizuki package (not age, or not the format inside).
    NotAPackage = "not_a_package",
    /// A package is encrypted to someone else: not to this vault's inbox recipient.
    PackageNotForYou = "package_not_for_you",
    /// A package was cut short or changed after it was made.
    PackageDamaged = "package_damaged",
    /// A package is not a supervisor's comments, which is all the inbox takes.
    NotSupervisionComments = "not_supervision_comments",
    /// The same package was imported before.
    AlreadyImported = "already_imported",
    /// An overall report's text names one of the program's clients or their employee number.
    IdentifiesClient = "identifies_client",
    /// A package has no recipient to be encrypted to.
    NoRecipients = "no_recipients",
    /// The folder chosen for a file is not a folder on this machine.
    FolderNotFound = "folder_not_found",
    /// A file already has the name chosen for a new one; nothing was overwritten.
    FileExists = "file_exists",
    /// A passphrase for a package given to someone else is shorter than 12 characters.
    PackagePassphraseTooShort = "package_passphrase_too_short",
    /// Another backup or a checkpoint is under way; nothing was written.
    VaultBusy = "vault_busy",
    /// The folder chosen for a restore holds something; a restore never replaces anything.
    TargetNotEmpty = "target_not_empty",
    /// The backup opened, but the vault inside it fails SQLite's check: it was damaged
    /// before it was backed up.
    BackupDamaged = "backup_damaged",
    /// The backup is larger than Kizuki restores (or would write).
    BackupTooLarge = "backup_too_large",
    /// The passphrase or key given does not open the backup file.
    WrongBackupKey = "wrong_backup_key",
    /// A file given as a backup is not one (or is damaged); nothing was restored.
    NotABackup = "not_a_backup",
    /// A package of a format version this build does not know.
    UnknownPackageVersion = "unknown_package_version",
    /// A page could not be printed, or saved as a PDF.
    PrintFailed = "print_failed",
    /// The disk is full: nothing was written, and what was typed is still on screen.
    DiskFull = "disk_full",
    /// The vault's folder (or the disk it is on) cannot be written to.
    ReadOnly = "read_only",
    /// Reading or writing the disk failed.
    Storage = "storage",
    /// A fault in Kizuki itself.
    Internal = "internal",
}

impl ErrorCode {
    /// What a failed read or write of a file means for the user: a full disk and a disk that
    /// cannot be written are said as such, since the consultant can mend both.
    pub fn of_io(error: &std::io::Error) -> Self {
        match error.kind() {
            std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => Self::DiskFull,
            std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied => {
                Self::ReadOnly
            }
            _ => Self::Storage,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ErrorCode;

    #[test]
    fn as_str_matches_the_serialised_code() {
        for code in ErrorCode::ALL {
            let json = serde_json::to_string(code).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
        }
    }

    #[test]
    fn codes_are_unique_snake_case() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::ALL {
            let text = code.as_str();
            assert!(seen.insert(text), "{text} twice");
            assert!(
                text.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{text}"
            );
        }
    }
}
