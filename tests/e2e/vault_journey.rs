//! A consultant's first day: set up the vault, add a client, take notes in Japanese, restart,
//! mistype the passphrase, unlock, find the note; then prove nothing was left on disk in clear.

use kizuki_e2e::app::{keep_screenshot, message, Harness};
use kizuki_e2e::plaintext;
use kizuki_e2e::webdriver::Session;
use kizuki_e2e::Result;

const PASSPHRASE: &str = "やまのうえのいけ 2026";
const MARKER: &str = "KIZUKI-E2E-MARKER-4b1d";
const CLIENT_NAME: &str = "山田 太郎";

fn note() -> String {
    format!("初回面談。上司との関係に悩んでいる。3年後はチームリーダーを目指したい。{MARKER}")
}

fn type_into(session: &Session, test_id: &str, text: &str) -> Result<()> {
    let element = session.wait_for_test_id(test_id)?;
    session.clear(&element)?;
    session.type_text(&element, text)
}

fn click(session: &Session, test_id: &str) -> Result<()> {
    let element = session.wait_for_test_id(test_id)?;
    session
        .click(&element)
        .map_err(|error| format!("clicking {test_id}: {error}").into())
}

/// Waits until the element's text equals `expected`.
fn wait_for_text(session: &Session, test_id: &str, expected: &str) -> Result<()> {
    session.wait_until(&format!("{test_id} to read {expected:?}"), || {
        let element = session.wait_for_test_id(test_id)?;
        Ok((session.text(&element)?.trim() == expected).then_some(()))
    })
}

fn set_up_vault_and_write_a_note(harness: &Harness) -> Result<()> {
    let session = harness.launch()?;
    session.wait_for_test_id("setup-screen")?;
    keep_screenshot(&session, "setup")?;
    type_into(&session, "setup-passphrase", PASSPHRASE)?;
    type_into(&session, "setup-passphrase-confirm", PASSPHRASE)?;
    click(&session, "setup-submit")?;

    let key_element = session.wait_for_test_id("recovery-key")?;
    let recovery_key: String = session.text(&key_element)?.split_whitespace().collect();
    assert!(
        recovery_key.starts_with("AGE-SECRET-KEY-1"),
        "{recovery_key}"
    );
    keep_screenshot(&session, "recovery-key")?;
    click(&session, "recovery-key-stored")?;
    click(&session, "recovery-key-continue")?;

    session.wait_for_test_id("client-list-screen")?;
    click(&session, "add-client")?;
    type_into(&session, "client-name", CLIENT_NAME)?;
    type_into(&session, "client-kana", "やまだ たろう")?;
    type_into(&session, "client-company", "株式会社サンプル")?;
    type_into(&session, "client-department", "営業部")?;
    click(&session, "client-save")?;

    let heading = session.wait_for_test_id("client-name-heading")?;
    assert!(session.text(&heading)?.contains(CLIENT_NAME));
    click(&session, "add-session")?;
    let editor = session.wait_for_test_id("note-editor")?;
    session.type_text(&editor, &note())?;
    wait_for_saved(&session)?;
    keep_screenshot(&session, "client-page")?;
    session.end()
}

fn wait_for_saved(session: &Session) -> Result<()> {
    session.wait_until("the note to be saved", || {
        let status = session.wait_for_test_id("save-status")?;
        Ok((session.attribute(&status, "data-state")?.as_deref() == Some("saved")).then_some(()))
    })
}

fn restart_refuse_a_wrong_passphrase_then_find_the_note(harness: &Harness) -> Result<()> {
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
    session.wait_for_test_id("client-list-screen")?;
    let row = session.wait_until("the client row", || {
        for row in session.find_all("[data-testid=\"client-row\"]")? {
            if session.text(&row)?.contains(CLIENT_NAME) {
                return Ok(Some(row));
            }
        }
        Ok(None)
    })?;
    session.click(&row)?;
    session.wait_for_test_id("client-screen")?;
    click(&session, "session-row")?;
    let editor = session.wait_for_test_id("note-editor")?;
    session.wait_until("the saved note in the editor", || {
        Ok((session.property(&editor, "value")? == note()).then_some(()))
    })?;

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
    session.end()
}

#[test]
fn a_note_survives_a_restart_and_never_reaches_the_disk_in_clear() -> Result<()> {
    let harness = Harness::start()?;
    let journey = set_up_vault_and_write_a_note(&harness)
        .and_then(|()| restart_refuse_a_wrong_passphrase_then_find_the_note(&harness));
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
    for needle in [MARKER, "上司との関係に悩んでいる", CLIENT_NAME] {
        let leaked = plaintext::files_containing(harness.root(), needle);
        assert!(leaked.is_empty(), "{needle:?} found in clear in {leaked:?}");
    }
    Ok(())
}

/// Ending the session closes the app; the webview writes its storage as it exits, and the scan
/// must see what it writes. There is no exit to wait on from here, so give it a moment.
fn let_the_app_exit() {
    std::thread::sleep(std::time::Duration::from_secs(2));
}
