use serde::Serialize;

/// A stable, language-neutral code for everything that can go wrong in the core.
///
/// Front-ends translate the code (the UI's locale files hold `errors.<code>` in every language);
/// the English `Display` text of each module's error is for developers and never carries client
/// content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The passphrase does not open the vault.
    WrongPassphrase,
    /// A new passphrase is shorter than the minimum.
    PassphraseTooShort,
    /// The text given as a recovery key is not a recovery key at all.
    InvalidRecoveryKey,
    /// The recovery key is well-formed but belongs to another vault.
    WrongRecoveryKey,
    /// A vault already exists where one was to be created.
    VaultExists,
    /// There is no vault in the data directory.
    VaultNotFound,
    /// The operation needs an unlocked vault.
    VaultLocked,
    /// The vault's files are incomplete or cannot be read; nothing was changed.
    VaultDamaged,
    /// A client's name is empty.
    EmptyName,
    /// A client's reading (furigana) is empty.
    EmptyKana,
    /// A client's reading contains characters other than kana.
    InvalidKana,
    /// A text is longer than its field allows.
    TextTooLong,
    /// A date is not a real calendar date in the form YYYY-MM-DD.
    InvalidDate,
    /// No client has the given id.
    ClientNotFound,
    /// No session has the given id.
    SessionNotFound,
    /// Reading or writing the disk failed.
    Storage,
    /// A fault in Kizuki itself.
    Internal,
}

impl ErrorCode {
    /// Every code, for front-ends and tests that must cover them all.
    pub const ALL: [Self; 17] = [
        Self::WrongPassphrase,
        Self::PassphraseTooShort,
        Self::InvalidRecoveryKey,
        Self::WrongRecoveryKey,
        Self::VaultExists,
        Self::VaultNotFound,
        Self::VaultLocked,
        Self::VaultDamaged,
        Self::EmptyName,
        Self::EmptyKana,
        Self::InvalidKana,
        Self::TextTooLong,
        Self::InvalidDate,
        Self::ClientNotFound,
        Self::SessionNotFound,
        Self::Storage,
        Self::Internal,
    ];

    /// The code as it appears in the locale files and on the IPC boundary.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::WrongPassphrase => "wrong_passphrase",
            Self::PassphraseTooShort => "passphrase_too_short",
            Self::InvalidRecoveryKey => "invalid_recovery_key",
            Self::WrongRecoveryKey => "wrong_recovery_key",
            Self::VaultExists => "vault_exists",
            Self::VaultNotFound => "vault_not_found",
            Self::VaultLocked => "vault_locked",
            Self::VaultDamaged => "vault_damaged",
            Self::EmptyName => "empty_name",
            Self::EmptyKana => "empty_kana",
            Self::InvalidKana => "invalid_kana",
            Self::TextTooLong => "text_too_long",
            Self::InvalidDate => "invalid_date",
            Self::ClientNotFound => "client_not_found",
            Self::SessionNotFound => "session_not_found",
            Self::Storage => "storage",
            Self::Internal => "internal",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ErrorCode;

    #[test]
    fn as_str_matches_the_serialised_code() {
        for code in ErrorCode::ALL {
            let json = serde_json::to_string(&code).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
        }
    }

    #[test]
    fn all_lists_every_code_once() {
        // The match has no wildcard: a new variant fails to compile here until it is numbered,
        // and the assertions fail until ALL lists it in that place.
        let position = |code: ErrorCode| match code {
            ErrorCode::WrongPassphrase => 0,
            ErrorCode::PassphraseTooShort => 1,
            ErrorCode::InvalidRecoveryKey => 2,
            ErrorCode::WrongRecoveryKey => 3,
            ErrorCode::VaultExists => 4,
            ErrorCode::VaultNotFound => 5,
            ErrorCode::VaultLocked => 6,
            ErrorCode::VaultDamaged => 7,
            ErrorCode::EmptyName => 8,
            ErrorCode::EmptyKana => 9,
            ErrorCode::InvalidKana => 10,
            ErrorCode::TextTooLong => 11,
            ErrorCode::InvalidDate => 12,
            ErrorCode::ClientNotFound => 13,
            ErrorCode::SessionNotFound => 14,
            ErrorCode::Storage => 15,
            ErrorCode::Internal => 16,
        };
        for (index, code) in ErrorCode::ALL.into_iter().enumerate() {
            assert_eq!(position(code), index, "{code:?}");
        }
    }
}
