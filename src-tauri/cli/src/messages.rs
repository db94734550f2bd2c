//! The CLI's messages in the user's language.
//!
//! Errors from the core are translated from the UI's own locale files (`errors.<code>`), so the
//! app and the CLI say the same thing and each message is written once.

use std::path::Path;

use kizuki_core::preferences::{self, Language};

use crate::error::CliError;

const JA: &str = include_str!("../../../ui/src/locales/ja.json");
const EN: &str = include_str!("../../../ui/src/locales/en.json");

/// The language to speak: the locale when it names Japanese or English, else the app's setting
/// for this data directory (Japanese by default).
pub fn language(data_dir: Option<&Path>) -> Language {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty());
    match locale.as_deref().map(|value| value.get(..2)) {
        Some(Some("ja")) => Language::Ja,
        Some(Some("en")) => Language::En,
        _ => kizuki_core::data_dir::resolve(data_dir.map(Path::to_path_buf))
            .map(|dir| preferences::load(&dir).language)
            .unwrap_or_default(),
    }
}

/// One line for the user, never containing client content.
pub fn describe(error: &CliError, language: Language) -> String {
    let ja = language == Language::Ja;
    match error {
        CliError::Core(core) => translated_error(core.code().as_str(), language),
        CliError::NoPassphrase if ja => {
            "パスフレーズがありません。KIZUKI_PASSPHRASE か --passphrase-file で指定してください。"
                .into()
        }
        CliError::NoPassphrase => {
            "No passphrase: set KIZUKI_PASSPHRASE or pass --passphrase-file.".into()
        }
        CliError::PassphraseMismatch if ja => "2回入力したパスフレーズが一致しません。".into(),
        CliError::PassphraseMismatch => "The two passphrases do not match.".into(),
        CliError::UnreadableFile(_) if ja => {
            "ファイルを読み込めませんでした。パスと権限を確認してください。".into()
        }
        CliError::UnreadableFile(_) => {
            "The file could not be read. Check its path and permissions.".into()
        }
        CliError::NotUtf8 if ja => "メモのファイルが UTF-8 のテキストではありません。".into(),
        CliError::NotUtf8 => "The notes file is not UTF-8 text.".into(),
        CliError::Output(_) if ja => "出力を書き込めませんでした。".into(),
        CliError::Output(_) => "Writing the output failed.".into(),
    }
}

/// The recovery-key instruction printed by `init`, to standard error.
pub fn recovery_key_instruction(language: Language) -> &'static str {
    match language {
        Language::Ja => "これは回復キーです。今回だけ表示されます。紙に書き写すか印刷し、このパソコンとは別の安全な場所に保管してください（オンラインには保存しないでください）。パスフレーズを忘れたときに必要です。",
        Language::En => "This is your recovery key, shown only this once. Write it down or print it and keep it somewhere safe, apart from this laptop and offline. You need it if you forget your passphrase.",
    }
}

fn translated_error(code: &str, language: Language) -> String {
    let catalog = match language {
        Language::Ja => JA,
        Language::En => EN,
    };
    serde_json::from_str::<serde_json::Value>(catalog)
        .ok()
        .and_then(|locale| locale["errors"][code].as_str().map(str::to_owned))
        .unwrap_or_else(|| code.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_core_error_code_has_a_message_in_both_languages() {
        for code in kizuki_core::ErrorCode::ALL {
            for language in [Language::Ja, Language::En] {
                let message = translated_error(code.as_str(), language);
                assert_ne!(
                    message,
                    code.as_str(),
                    "{code:?} has no {language:?} message"
                );
            }
        }
    }
}
