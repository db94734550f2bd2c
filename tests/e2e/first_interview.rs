//! A consultant's first interview, by keyboard, in Japanese: set up the vault, record the
//! company and its program (with an HR contact and an adapted sheet template), add the client,
//! fill the questionnaire, take notes and file passages into the sheet while listening, raise a
//! flag, mark the interview held and amend it. Then restart, refuse a wrong passphrase, unlock,
//! find everything as it was; change the passphrase and the recovery key, lose the passphrase
//! file and recover with the new key; and prove nothing reached the disk in clear.

use kizuki_e2e::app::{keep_screenshot, message, Harness};
use kizuki_e2e::plaintext;
use kizuki_e2e::webdriver::Session;
use kizuki_e2e::window_manager;
use kizuki_e2e::Result;

use crate::steps::{
    choose, click, row_containing, set_date, set_up_the_vault, type_into, wait_for_exact_value,
    wait_for_saved, wait_for_text, wait_for_value_containing, ALT, CONTROL, ENTER, RELEASE,
};

// Marker passphrases: the final scan looks for each of them too.
const PASSPHRASE: &str = "やまのうえのいけ KZPASS-1f3a";
const NEW_PASSPHRASE: &str = "かわのながれのように KZPASS-8c2d";
const THIRD_PASSPHRASE: &str = "みっつめのあいことば KZPASS-5e7b";
const MARKER: &str = "KIZUKI-E2E-MARKER-4b1d";
const COMPANY: &str = "株式会社サンプル";
const PROGRAM: &str = "2026年度 セルフ・キャリアドック";
const CLIENT_NAME: &str = "山田 太郎";
const WORRY: &str = "上司との関係に悩んでいる。";
const STRENGTH: &str = "後輩の相談によく乗っている";
const WORKPLACE: &str = "部署の人手が足りない";
const AMENDMENT: &str = "（後日追記）異動の希望あり。";
const LAST_WORDS: &str = "閉じる直前の一文。";
const BEFORE_THE_SCREEN_LOCKED: &str = "画面がロックされる直前の一文。";
/// An X25519 recipient, as an HR contact would send it.
const HR_RECIPIENT: &str = "age1k6qwsj68nlcl46cgvxg2069xdd8d6utk0c2q93mg72q223ccmexqltkrwa";

fn strength_line() -> String {
    format!("{STRENGTH}。{MARKER}")
}

fn record_the_company_and_its_program(session: &Session) -> Result<()> {
    click(session, "nav-companies")?;
    session.wait_for_test_id("companies-screen")?;
    click(session, "add-company")?;
    type_into(session, "company-name", COMPANY)?;
    click(session, "company-save")?;
    let row = row_containing(session, "company-row", COMPANY)?;
    session.click(&row)?;
    session.wait_for_test_id("company-screen")?;

    click(session, "add-program")?;
    type_into(session, "program-name", PROGRAM)?;
    set_date(session, "program-starts-on", "2026-04-01")?;
    set_date(session, "program-ends-on", "2027-03-31")?;
    type_into(
        session,
        "program-purpose",
        "社員一人ひとりが自分のキャリアを考える機会をつくる",
    )?;
    click(session, "add-contact")?;
    type_into(session, "contact-name", "佐藤 人事")?;
    type_into(session, "contact-role", "人事部 課長")?;
    // A typo in a recipient is refused with the core's message, and nothing typed is lost.
    type_into(session, "contact-recipients", "age1typo")?;
    click(session, "program-save")?;
    wait_for_text(
        session,
        "form-error",
        &message("ja", "errors.invalid_recipient")?,
    )?;
    wait_for_value_containing(session, "program-name", PROGRAM)?;
    type_into(session, "contact-recipients", HR_RECIPIENT)?;
    click(session, "program-save")?;
    session.wait_for_test_id("program-screen")?;

    // The consultant adapts the template: one section of their own, after the seeds' seven.
    type_into(session, "template-new-title", "家族のこと")?;
    click(session, "template-add")?;
    click(session, "template-save")?;
    session.wait_until("the template to hold eight sections", || {
        let rows = session.find_all("[data-testid=\"template-section\"]")?;
        let saved = session.find_all("[data-testid=\"template-save\"]:disabled")?;
        Ok((rows.len() == 8 && !saved.is_empty()).then_some(()))
    })?;
    row_containing(session, "template-section", "家族のこと")?;
    keep_screenshot(session, "program")?;
    Ok(())
}

fn add_the_client(session: &Session) -> Result<()> {
    click(session, "nav-clients")?;
    session.wait_for_test_id("client-list-screen")?;
    click(session, "add-client")?;
    type_into(session, "client-name", CLIENT_NAME)?;
    type_into(session, "client-kana", "やまだ たろう")?;
    choose(session, "client-company", COMPANY)?;
    type_into(session, "client-department", "営業部")?;
    let program = session.wait_for("[data-testid^=\"client-program-\"]")?;
    session.click(&program)?;
    click(session, "client-save")?;
    let heading = session.wait_for_test_id("client-name-heading")?;
    assert!(session.text(&heading)?.contains(CLIENT_NAME));
    Ok(())
}

/// Notes typed while listening; two passages are filed into the sheet without leaving the
/// keyboard: Alt+3 files the caret's line under section 3, Ctrl+Enter opens the picker.
fn hold_the_interview(session: &Session) -> Result<()> {
    click(session, "add-interview")?;
    choose(session, "interview-program", PROGRAM)?;
    click(session, "interview-create")?;
    session.wait_for_test_id("interview-screen")?;

    type_into(session, "questionnaire-skills", "データ分析と後輩の育成")?;
    type_into(
        session,
        "questionnaire-income-and-role",
        "課長として部下を持つ",
    )?;
    wait_for_saved(session, "questionnaire-status")?;

    let notes = session.wait_for_test_id("note-editor")?;
    // WebDriver types "\n" as nothing in WebKitGTK: a new line is the Enter key.
    session.type_text(&notes, &format!("{WORRY}{ENTER}{}", strength_line()))?;
    session.type_text(&notes, &format!("{ALT}3{RELEASE}"))?;
    // Only the caret's line is filed, not the whole note.
    wait_for_exact_value(session, "sheet-section-3", &strength_line())?;

    session.type_text(&notes, &format!("{ENTER}{WORKPLACE}。"))?;
    session.type_text(&notes, &format!("{CONTROL}{ENTER}{RELEASE}"))?;
    type_into(session, "capture-query", "職場")?;
    wait_for_value_containing(session, "capture-query", "職場")?;
    keep_screenshot(session, "interview-sheet-capture")?;
    let query = session.wait_for_test_id("capture-query")?;
    session.type_text(&query, &ENTER.to_string())?;
    wait_for_exact_value(session, "sheet-section-6", &format!("{WORKPLACE}。"))?;
    wait_for_saved(session, "save-status")?;

    click(session, "add-flag")?;
    choose(
        session,
        "flag-kind",
        &message("ja", "flags.kinds.mental_health")?,
    )?;
    type_into(session, "flag-note", "眠れない日が続いている")?;
    type_into(session, "flag-referred-to", "産業医")?;
    click(session, "flag-save")?;
    row_containing(session, "flag-row", "産業医")?;

    click(session, "mark-held")?;
    session.wait_for_test_id("interview-held-badge")?;
    // An amendment after the interview was held keeps what it replaced.
    let notes = session.wait_for_test_id("note-editor")?;
    session.type_text(&notes, &format!("{ENTER}{AMENDMENT}"))?;
    wait_for_saved(session, "save-status")?;
    click(session, "history-toggle")?;
    let amendment = row_containing(session, "amendment-row", AMENDMENT)?;
    assert!(session.text(&amendment)?.contains(WORRY));
    Ok(())
}

fn first_day(harness: &Harness) -> Result<()> {
    let session = harness.launch()?;
    set_up_the_vault(&session, PASSPHRASE, keep_screenshot)?;
    record_the_company_and_its_program(&session)?;
    add_the_client(&session)?;
    hold_the_interview(&session)?;
    click(&session, "back-to-client")?;
    session.wait_for_test_id("client-open-flags")?;
    keep_screenshot(&session, "client-with-flag")?;
    close_the_window_mid_sentence(&session)?;
    session.end()
}

/// The last words typed before the window is closed, within the editor's autosave delay, are
/// saved before the window goes.
fn close_the_window_mid_sentence(session: &Session) -> Result<()> {
    click(session, "interview-row")?;
    let notes = session.wait_for_test_id("note-editor")?;
    session.type_text(&notes, &format!("{ENTER}{LAST_WORDS}"))?;
    window_manager::request_close("Kizuki")?;
    session.wait_until("the window to close", || {
        Ok(session
            .find_all("[data-testid=\"note-editor\"]")
            .is_err()
            .then_some(()))
    })
}

fn next_morning(harness: &Harness) -> Result<String> {
    let session = harness.launch()?;
    session.wait_for_test_id("unlock-screen")?;
    keep_screenshot(&session, "unlock")?;
    type_into(&session, "unlock-passphrase", "まちがったあいことば")?;
    click(&session, "unlock-submit")?;
    wait_for_text(
        &session,
        "form-error",
        &message("ja", "errors.wrong_passphrase")?,
    )?;
    keep_screenshot(&session, "unlock-wrong-passphrase")?;
    assert!(session
        .find_all("[data-testid=\"client-list-screen\"]")?
        .is_empty());

    type_into(&session, "unlock-passphrase", PASSPHRASE)?;
    click(&session, "unlock-submit")?;
    session.wait_for_test_id("dashboard-screen")?;
    click(&session, "nav-clients")?;
    session.wait_for_test_id("client-list-screen")?;
    let row = row_containing(&session, "client-row", CLIENT_NAME)?;
    // The open flag shows in the list the client appears in.
    assert!(!session
        .find_all("[data-testid=\"client-row\"] [data-testid=\"client-flag-badge\"]")?
        .is_empty());
    session.click(&row)?;
    session.wait_for_test_id("client-open-flags")?;
    click(&session, "interview-row")?;
    session.wait_for_test_id("interview-held-badge")?;
    wait_for_value_containing(&session, "note-editor", AMENDMENT)?;
    wait_for_value_containing(&session, "note-editor", LAST_WORDS)?;
    wait_for_value_containing(&session, "note-editor", &strength_line())?;
    wait_for_value_containing(&session, "sheet-section-3", STRENGTH)?;
    wait_for_value_containing(&session, "sheet-section-6", WORKPLACE)?;
    wait_for_value_containing(&session, "questionnaire-skills", "データ分析")?;
    click(&session, "history-toggle")?;
    row_containing(&session, "amendment-row", AMENDMENT)?;

    let recovery_key = change_the_keys(&session)?;
    no_way_out(&session)?;
    the_screen_locks_mid_sentence(harness, &session)?;

    // English on request: the header switches language at once.
    wait_for_text(&session, "lock-button", &message("ja", "header.lock")?)?;
    let english = session.wait_for("[data-testid=\"language-select\"] option[value=\"en\"]")?;
    session.click(&english)?;
    wait_for_text(&session, "lock-button", &message("en", "header.lock")?)?;

    click(&session, "lock-button")?;
    session.wait_for_test_id("unlock-screen")?;
    assert!(session
        .find_all("[data-testid=\"note-editor\"]")?
        .is_empty());
    session.end()?;
    Ok(recovery_key)
}

/// The security page: a new passphrase (the current one refused when mistyped) that alone
/// unlocks afterwards, and a new recovery key, returned for the day the passphrase file is lost.
fn change_the_keys(session: &Session) -> Result<String> {
    click(session, "nav-security")?;
    session.wait_for_test_id("security-screen")?;
    type_into(session, "current-passphrase", "まちがったあいことば")?;
    type_into(session, "new-passphrase", NEW_PASSPHRASE)?;
    type_into(session, "new-passphrase-confirm", NEW_PASSPHRASE)?;
    click(session, "change-passphrase-submit")?;
    wait_for_text(
        session,
        "change-passphrase-error",
        &message("ja", "errors.wrong_passphrase")?,
    )?;
    type_into(session, "current-passphrase", PASSPHRASE)?;
    click(session, "change-passphrase-submit")?;
    session.wait_for_test_id("passphrase-changed")?;

    type_into(session, "recovery-passphrase", NEW_PASSPHRASE)?;
    click(session, "new-recovery-key-submit")?;
    let key_element = session.wait_for_test_id("recovery-key")?;
    let recovery_key: String = session.text(&key_element)?.split_whitespace().collect();
    assert!(
        recovery_key.starts_with("AGE-SECRET-KEY-1"),
        "{recovery_key}"
    );
    keep_screenshot(session, "security-new-recovery-key")?;
    click(session, "recovery-key-stored")?;
    click(session, "recovery-key-continue")?;
    session.wait_for_test_id("recovery-key-issued")?;

    click(session, "lock-button")?;
    session.wait_for_test_id("unlock-screen")?;
    type_into(session, "unlock-passphrase", PASSPHRASE)?;
    click(session, "unlock-submit")?;
    wait_for_text(
        session,
        "form-error",
        &message("ja", "errors.wrong_passphrase")?,
    )?;
    type_into(session, "unlock-passphrase", NEW_PASSPHRASE)?;
    click(session, "unlock-submit")?;
    session.wait_for_test_id("dashboard-screen")?;
    Ok(recovery_key)
}

/// A script that tries to take the window to another site leaves it where it was.
fn no_way_out(session: &Session) -> Result<()> {
    session.execute("window.location.href = 'https://example.com/'; return null;")?;
    std::thread::sleep(std::time::Duration::from_secs(1));
    session.wait_for_test_id("dashboard-screen")?;
    let origin =
        session.execute("return window.location.protocol + '//' + window.location.host;")?;
    assert_eq!(origin.as_str(), Some("tauri://localhost"), "{origin}");
    Ok(())
}

/// Words typed a moment before the screen locks are saved, and the vault locks with the
/// screen: the desktop's signal on the session bus, as a screen saver sends it.
fn the_screen_locks_mid_sentence(harness: &Harness, session: &Session) -> Result<()> {
    open_the_interview(session)?;
    wait_for_value_containing(session, "note-editor", AMENDMENT)?;
    let notes = session.wait_for_test_id("note-editor")?;
    session.type_text(&notes, &format!("{ENTER}{BEFORE_THE_SCREEN_LOCKED}"))?;
    harness.lock_the_screen()?;
    session.wait_for_test_id("unlock-screen")?;
    assert!(session
        .find_all("[data-testid=\"note-editor\"]")?
        .is_empty());
    type_into(session, "unlock-passphrase", NEW_PASSPHRASE)?;
    click(session, "unlock-submit")?;
    session.wait_for_test_id("dashboard-screen")?;
    open_the_interview(session)?;
    wait_for_value_containing(session, "note-editor", BEFORE_THE_SCREEN_LOCKED)
}

fn open_the_interview(session: &Session) -> Result<()> {
    click(session, "nav-clients")?;
    let row = row_containing(session, "client-row", CLIENT_NAME)?;
    session.click(&row)?;
    click(session, "interview-row")?;
    session.wait_for_test_id("note-editor")?;
    Ok(())
}

/// The passphrase file is lost: the app says the vault cannot be read, offers the recovery
/// key, and the key issued on the security page opens it under a third passphrase.
fn the_passphrase_file_is_lost(harness: &Harness, recovery_key: &str) -> Result<()> {
    std::fs::remove_file(harness.vault_dir().join("key.passphrase.age"))?;
    let session = harness.launch()?;
    session.wait_for_test_id("damaged-screen")?;
    click(&session, "damaged-use-recovery-key")?;
    type_into(&session, "recovery-key-input", recovery_key)?;
    type_into(&session, "recovery-new-passphrase", THIRD_PASSPHRASE)?;
    type_into(
        &session,
        "recovery-new-passphrase-confirm",
        THIRD_PASSPHRASE,
    )?;
    click(&session, "recovery-submit")?;
    session.wait_for_test_id("dashboard-screen")?;
    click(&session, "nav-clients")?;
    row_containing(&session, "client-row", CLIENT_NAME)?;
    click(&session, "lock-button")?;
    session.wait_for_test_id("unlock-screen")?;
    session.end()
}

#[test]
fn a_first_interview_survives_a_restart_and_never_reaches_the_disk_in_clear() -> Result<()> {
    let harness = Harness::start()?;
    let journey = first_day(&harness)
        .and_then(|()| next_morning(&harness))
        .and_then(|recovery_key| the_passphrase_file_is_lost(&harness, &recovery_key));
    if let Err(error) = journey {
        return Err(format!(
            "{error}\n--- tauri-driver and app output ---\n{}",
            harness.driver_log()
        )
        .into());
    }
    let_the_app_exit();

    let vault_files = plaintext::all_files(&harness.vault_dir());
    assert!(
        vault_files.iter().any(|path| path.ends_with("kizuki.db")),
        "the scan must cover a real vault: {vault_files:?}"
    );
    // Under WebDriver the webview keeps a persistent store (see src-tauri/src/window.rs): the
    // scan must cover it, as well as the app's own output in the driver log.
    let webview_store = harness.root().join("data/app.kizuki.desktop");
    assert!(
        webview_store.is_dir(),
        "the webview's store was not where the scan looks"
    );
    // Everything typed in the journey (every field, the three passphrases, the recovery key),
    // and the names, in every encoding tried; under the home, data, cache, config, runtime and
    // temp directories the app and its webview were given, and the vault.
    let mut needles = plaintext::take_typed();
    needles.retain(|text| text.chars().any(char::is_alphabetic));
    for named in [
        CLIENT_NAME,
        COMPANY,
        MARKER,
        PASSPHRASE,
        NEW_PASSPHRASE,
        THIRD_PASSPHRASE,
    ] {
        needles.push(named.to_owned());
    }
    assert!(
        needles.len() > 20,
        "the scan must look for what was typed: {needles:?}"
    );
    let scan = plaintext::scan(harness.root(), &needles);
    assert!(
        scan.unreadable.is_empty(),
        "files the scan could not read: {:?}",
        scan.unreadable
    );
    assert!(
        scan.found.is_empty(),
        "typed text found in clear in {:?}",
        scan.found
    );
    Ok(())
}

/// Ending the session closes the app; the webview writes its storage as it exits, and the scan
/// must see what it writes. There is no exit to wait on from here, so give it a moment.
fn let_the_app_exit() {
    std::thread::sleep(std::time::Duration::from_secs(2));
}
