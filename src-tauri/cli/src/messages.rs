//! The CLI's messages in the user's language.
//!
//! Errors from the core, field names and the sheet's default section titles are taken from the
//! UI's own locale files (`errors.<code>`, `fields.<field>`, `sheet.sections.<key>`), so the
//! app and the CLI say the same thing and each message is written once. Only what the app
//! never says (passphrase prompts, files, JSON) is written here.

use std::path::Path;
use std::sync::OnceLock;

use kizuki_core::consent::{ConsentState, SharePart};
use kizuki_core::export;
use kizuki_core::ids::FlagId;
use kizuki_core::preferences::{self, Language};
use kizuki_core::record::Field;
use kizuki_core::vault::RecoveryFileState;
use serde_json::Value;

use crate::error::{CliError, CoreError, JsonProblem};

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
        CliError::Core(CoreError::Export(export::Error::NotCovered { state, parts, flags })) => {
            not_covered(*state, parts, flags, language)
        }
        CliError::Core(core) => translated_error(core.code().as_str(), core.field(), language),
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
        CliError::NotUtf8 if ja => "ファイルが UTF-8 のテキストではありません。".into(),
        CliError::NotUtf8 => "The file is not UTF-8 text.".into(),
        CliError::StdinTwice if ja => "標準入力（-）を指定できるのは、1つの入力だけです。".into(),
        CliError::StdinTwice => "Standard input (-) can be given for only one input.".into(),
        CliError::Json(problem) => json_problem(problem, language),
        CliError::UnknownSection(number) => {
            let template = lookup(language, &["capture", "missing"]).unwrap_or("{{number}}");
            interpolate(template, "number", &number.to_string())
        }
        CliError::ConsentOfAnotherClient if ja => "指定した同意は、この相談者のものではありません。".into(),
        CliError::ConsentOfAnotherClient => "The consent given is another client's.".into(),
        CliError::NoActiveConsent if ja => {
            "この相談者には有効な同意がありません。先に同意を記録してください（kizuki consent grant）。".into()
        }
        CliError::NoActiveConsent => {
            "The client has no active consent. Record one first (kizuki consent grant).".into()
        }
        CliError::SeveralActiveConsents if ja => {
            "この相談者には有効な同意が複数あります。--consent で指定してください（kizuki consent list）。".into()
        }
        CliError::SeveralActiveConsents => {
            "The client has several active consents. Choose one with --consent (kizuki consent list).".into()
        }
        CliError::AuditChainBroken(entry) if ja => {
            format!("監査ログの連鎖が記録 {entry} で切れています。この記録かそれ以前の記録が変更または削除されています。")
        }
        CliError::NoRecoveryRecipient if ja => {
            "この保管庫は復旧キーの公開鍵を記録していません（古い保管庫です）。復旧キーで一度ロックを解除すると記録されます。それまではパスフレーズか鍵でバックアップしてください。".into()
        }
        CliError::NoRecoveryRecipient => {
            "This vault does not know its recovery key's public half (it predates it). Recovering once with the recovery key records it; until then, back up to a passphrase or keys.".into()
        }
        CliError::NotAnIdentity if ja => "age の秘密鍵（age-keygen で作ったファイル）ではありません。".into(),
        CliError::NotAnIdentity => "The file holds no age identity (as age-keygen writes).".into(),
        CliError::AuditChainIncomplete(missing) if ja => {
            format!("監査ログに、あるはずの記録がありません（新しい記録が削除されています）：{}", missing.join("、"))
        }
        CliError::AuditChainIncomplete(missing) => {
            format!("The audit log lacks entries it must have (the newest were removed): {}", missing.join(", "))
        }
        CliError::AuditRecordsAltered(records) if ja => {
            format!("記録が監査ログに記録された内容と一致しません（ログの外で変更されています）：{}", records.join("、"))
        }
        CliError::AuditRecordsAltered(records) => {
            format!("Records differ from what the audit log recorded of them (changed outside the log): {}", records.join(", "))
        }
        CliError::AuditChainBroken(entry) => {
            format!("The audit chain breaks at entry {entry}: it, or an entry before it, was changed or removed.")
        }
        CliError::Output(_) if ja => "出力を書き込めませんでした。".into(),
        CliError::Output(_) => "Writing the output failed.".into(),
        CliError::Internal => translated_error("internal", None, language),
    }
}

fn json_problem(problem: &JsonProblem, language: Language) -> String {
    let ja = language == Language::Ja;
    match problem {
        JsonProblem::Syntax { line, column } if ja => {
            format!("ファイルが正しい JSON ではありません（{line}行目、{column}文字目）。")
        }
        JsonProblem::Syntax { line, column } => {
            format!("The file is not valid JSON (line {line}, column {column}).")
        }
        JsonProblem::NotAnObject if ja => {
            "JSON はオブジェクト { … } にしてください（contacts などの一覧の各項目も同じです）。"
                .into()
        }
        JsonProblem::NotAnObject => {
            "The JSON must be an object, { … } (and so must each item of a list such as contacts)."
                .into()
        }
        JsonProblem::Missing(key) if ja => format!("JSON に必須のキー「{key}」がありません。"),
        JsonProblem::Missing(key) => format!("The JSON has no \"{key}\", which is required."),
        JsonProblem::Unknown { accepted } if ja => format!(
            "JSON に、ここでは使わないキーがあります。使えるキー：{}",
            accepted.join(", ")
        ),
        JsonProblem::Unknown { accepted } => format!(
            "The JSON has a key that is not used here. The keys are: {}.",
            accepted.join(", ")
        ),
        JsonProblem::WrongType if ja => {
            "JSON の値の型が正しくありません（数値の欄の文字列、選択肢にない値など）。形式は --help で確かめてください。"
                .into()
        }
        JsonProblem::WrongType => {
            "A value in the JSON has the wrong type (text for a number, or an unknown choice). See --help for the form."
                .into()
        }
    }
}

/// Why an export was refused, naming each part and flag the consent does not cover.
fn not_covered(
    state: ConsentState,
    parts: &[SharePart],
    flags: &[FlagId],
    language: Language,
) -> String {
    let ja = language == Language::Ja;
    let mut named: Vec<String> = parts
        .iter()
        .map(|part| share_part(language, part.as_str()))
        .collect();
    named.extend(flags.iter().map(|flag| {
        if ja {
            format!("要配慮事項 {flag}")
        } else {
            format!("flag {flag}")
        }
    }));
    let why = match (state, ja) {
        (ConsentState::Active, true) => "同意の範囲外",
        (ConsentState::Active, false) => "not covered by the consent",
        (ConsentState::Revoked, true) => "同意は撤回されています",
        (ConsentState::Revoked, false) => "the consent is revoked",
        (ConsentState::Expired, true) => "同意の期限が切れています",
        (ConsentState::Expired, false) => "the consent has expired",
        (ConsentState::NotYetValid, true) => "同意の開始日より前です",
        (ConsentState::NotYetValid, false) => "the consent is not yet valid",
    };
    let separator = if ja { "、" } else { ", " };
    format!(
        "{} ({why}: {})",
        translated_error("not_consented", None, language),
        named.join(separator)
    )
}

/// A part a consent may cover (`consent.parts.<part>`).
pub fn share_part(language: Language, part: &str) -> String {
    lookup(language, &["consent", "parts", part])
        .unwrap_or(part)
        .to_owned()
}

/// The recovery-key instruction printed by `init`, to standard error.
pub fn recovery_key_instruction(language: Language) -> &'static str {
    match language {
        Language::Ja => "これは復旧キーです。今回だけ表示されます。紙に書き写すか印刷し、このパソコンとは別の安全な場所に保管してください（オンラインには保存しないでください）。パスフレーズを忘れたときに必要です。",
        Language::En => "This is your recovery key, shown only this once. Write it down or print it and keep it somewhere safe, apart from this laptop and offline. You need it if you forget your passphrase.",
    }
}

/// Why the recovery key would not work today, and what to do about it.
pub fn recovery_file_warning(state: RecoveryFileState, language: Language) -> &'static str {
    match (state, language) {
        (RecoveryFileState::Missing, Language::Ja) => "復旧キーのファイル（key.recovery.age）が見つかりません。このままでは復旧キーで開けません。`kizuki recovery-key new` で新しい復旧キーを発行してください。",
        (RecoveryFileState::Missing, Language::En) => "The recovery file (key.recovery.age) is missing: the recovery key cannot open the vault. Issue a new recovery key with `kizuki recovery-key new`.",
        (_, Language::Ja) => "復旧キーのファイル（key.recovery.age）が書き込まれたときと違います（破損しています）。このままでは復旧キーで開けないおそれがあります。`kizuki recovery-key new` で新しい復旧キーを発行してください。",
        (_, Language::En) => "The recovery file (key.recovery.age) is not the one written (it is damaged): the recovery key may not open the vault. Issue a new recovery key with `kizuki recovery-key new`.",
    }
}

/// The vault's directory can be entered or listed by other users.
pub fn open_directory_warning(language: Language) -> &'static str {
    match language {
        Language::Ja => "保管庫のフォルダーを、このパソコンの他のユーザーも開ける設定になっています。中身は暗号化されていますが、`chmod 700` で自分だけが開けるようにしてください。",
        Language::En => "Other users of this computer can open the vault's folder. Its contents are encrypted, but make it yours alone with `chmod 700`.",
    }
}

/// A sheet or template section's title: the consultant's own, else the built-in key's
/// translation.
pub fn section_title(key: Option<&str>, title: Option<&str>, language: Language) -> String {
    match (title, key) {
        (Some(title), _) => title.to_owned(),
        (None, Some(key)) => lookup(language, &["sheet", "sections", key])
            .unwrap_or(key)
            .to_owned(),
        (None, None) => String::new(),
    }
}

/// A label of the individual report (`reports.<key>`, dots separating levels), as the app
/// prints it.
pub fn report_label(language: Language, key: &str) -> String {
    let mut path = vec!["reports"];
    path.extend(key.split('.'));
    lookup(language, &path).unwrap_or(key).to_owned()
}

/// An interview kind's name (`interview.kinds.<kind>`).
pub fn interview_kind(language: Language, kind: &str) -> String {
    lookup(language, &["interview", "kinds", kind])
        .unwrap_or(kind)
        .to_owned()
}

/// Marks a retired template section (no longer copied to new interviews).
pub fn retired(language: Language) -> &'static str {
    match language {
        Language::Ja => "（使用停止）",
        Language::En => " (retired)",
    }
}

fn translated_error(code: &str, field: Option<Field>, language: Language) -> String {
    let Some(template) = lookup(language, &["errors", code]) else {
        return code.to_owned();
    };
    if !template.contains("{{field}}") {
        return template.to_owned();
    }
    let name = field
        .and_then(|field| serde_json::to_value(field).ok())
        .and_then(|name| name.as_str().map(str::to_owned))
        .unwrap_or_default();
    let label = lookup(language, &["fields", &name]).unwrap_or(&name);
    interpolate(template, "field", label)
}

/// Fills an i18next placeholder, `{{name}}`.
fn interpolate(template: &str, name: &str, value: &str) -> String {
    template.replace(&format!("{{{{{name}}}}}"), value)
}

fn lookup(language: Language, path: &[&str]) -> Option<&'static str> {
    path.iter()
        .try_fold(catalog(language), |node, key| node.get(key))
        .and_then(Value::as_str)
}

/// A locale file, parsed once. Both are checked by the tests below, so an unparsable file
/// (which would show codes instead of messages) cannot ship.
fn catalog(language: Language) -> &'static Value {
    static JA_CATALOG: OnceLock<Value> = OnceLock::new();
    static EN_CATALOG: OnceLock<Value> = OnceLock::new();
    let (cell, text) = match language {
        Language::Ja => (&JA_CATALOG, JA),
        Language::En => (&EN_CATALOG, EN),
    };
    cell.get_or_init(|| serde_json::from_str(text).unwrap_or(Value::Null))
}

#[cfg(test)]
mod tests {
    use super::*;
    use kizuki_core::record::{self, Field};

    const LANGUAGES: [Language; 2] = [Language::Ja, Language::En];

    #[test]
    fn every_core_error_code_has_a_message_in_both_languages() {
        for code in kizuki_core::ErrorCode::ALL {
            for language in LANGUAGES {
                let message = translated_error(code.as_str(), Some(Field::Name), language);
                assert_ne!(
                    message,
                    code.as_str(),
                    "{code:?} has no {language:?} message"
                );
                assert!(!message.contains("{{"), "{code:?}: {message}");
            }
        }
    }

    #[test]
    fn a_required_field_is_named_in_the_users_language() {
        let error = CliError::from(record::Error::Required(Field::NameKana));
        assert_eq!(
            describe(&error, Language::Ja),
            "ふりがなを入力してください。"
        );
        assert_eq!(
            describe(&error, Language::En),
            "Enter the furigana (reading)."
        );
    }

    #[test]
    fn the_default_sections_and_the_cli_keys_of_the_ui_exist_in_both_languages() {
        for language in LANGUAGES {
            for key in kizuki_core::sheet::DEFAULT_SECTION_KEYS {
                assert!(
                    lookup(language, &["sheet", "sections", key]).is_some(),
                    "{key} in {language:?}"
                );
            }
            for key in [
                "heading",
                "print.client",
                "print.affiliation",
                "print.interviews",
                "print.emptyPart",
                "print.noInterviews",
                "parts.career_awareness",
                "parts.workplace",
                "parts.organisational",
                "parts.proposed_support",
            ] {
                assert_ne!(report_label(language, key), key, "{key} in {language:?}");
            }
            assert!(lookup(language, &["capture", "missing"])
                .is_some_and(|message| message.contains("{{number}}")));
        }
        assert_eq!(section_title(Some("values"), None, Language::En), "Values");
        assert_eq!(
            section_title(Some("values"), Some("大切にしていること"), Language::En),
            "大切にしていること"
        );
    }
}
