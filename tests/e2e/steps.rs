//! The small moves every journey makes: type, click, choose, wait.

use kizuki_e2e::webdriver::{Element, Session};
use kizuki_e2e::Result;

/// WebDriver's codes for modifier keys; NULL releases every modifier held.
pub const ALT: char = '\u{E00A}';
pub const CONTROL: char = '\u{E009}';
pub const ENTER: char = '\u{E007}';
pub const RELEASE: char = '\u{E000}';

pub fn type_into(session: &Session, test_id: &str, text: &str) -> Result<()> {
    let element = session.wait_for_test_id(test_id)?;
    session.clear(&element)?;
    session.type_text(&element, text)
}

/// Clicks the element, first brought to the middle of the window: one at the window's edge
/// (a form's save button below a long form) can miss WebKitGTK's click.
pub fn click(session: &Session, test_id: &str) -> Result<()> {
    let element = session.wait_for_test_id(test_id)?;
    session.execute(&format!(
        "document.querySelector('[data-testid=\"{test_id}\"]')
             ?.scrollIntoView({{ block: 'center' }});"
    ))?;
    session
        .click(&element)
        .map_err(|error| format!("clicking {test_id}: {error}").into())
}

/// Chooses the option of a `<select>` whose text contains `label`.
pub fn choose(session: &Session, test_id: &str, label: &str) -> Result<()> {
    let option = session.wait_until(&format!("{test_id} to offer {label:?}"), || {
        for option in session.find_all(&format!("[data-testid=\"{test_id}\"] option"))? {
            if session.text(&option)?.contains(label) {
                return Ok(Some(option));
            }
        }
        Ok(None)
    })?;
    session.click(&option)
}

/// Sets an `<input type="date">`: WebKitGTK's date widget ignores typed keys, so the value is
/// set the way React expects a user's input to arrive (the native setter, then `input`).
pub fn set_date(session: &Session, test_id: &str, date: &str) -> Result<()> {
    session.wait_for_test_id(test_id)?;
    session.execute(&format!(
        "const input = document.querySelector('[data-testid=\"{test_id}\"]');
         const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
         setter.call(input, {date:?});
         input.dispatchEvent(new Event('input', {{ bubbles: true }}));"
    ))?;
    Ok(())
}

/// Waits until the element's text equals `expected`.
pub fn wait_for_text(session: &Session, test_id: &str, expected: &str) -> Result<()> {
    session.wait_until(&format!("{test_id} to read {expected:?}"), || {
        let element = session.wait_for_test_id(test_id)?;
        Ok((session.text(&element)?.trim() == expected).then_some(()))
    })
}

/// Waits until an input's or textarea's value contains `needle`.
pub fn wait_for_value_containing(session: &Session, test_id: &str, needle: &str) -> Result<()> {
    session.wait_until(&format!("{test_id} to hold {needle:?}"), || {
        let element = session.wait_for_test_id(test_id)?;
        Ok(session
            .property(&element, "value")?
            .contains(needle)
            .then_some(()))
    })
}

/// Waits until an input's or textarea's value is exactly `expected`.
pub fn wait_for_exact_value(session: &Session, test_id: &str, expected: &str) -> Result<()> {
    session.wait_until(&format!("{test_id} to be {expected:?}"), || {
        let element = session.wait_for_test_id(test_id)?;
        Ok((session.property(&element, "value")? == expected).then_some(()))
    })
}

/// Waits until a save-status line reports everything saved.
pub fn wait_for_saved(session: &Session, test_id: &str) -> Result<()> {
    session.wait_until(&format!("{test_id} to be saved"), || {
        let status = session.wait_for_test_id(test_id)?;
        Ok((session.attribute(&status, "data-state")?.as_deref() == Some("saved")).then_some(()))
    })
}

/// The first element with this test id whose text contains `needle`.
pub fn row_containing(session: &Session, test_id: &str, needle: &str) -> Result<Element> {
    session.wait_until(&format!("a {test_id} with {needle:?}"), || {
        for row in session.find_all(&format!("[data-testid=\"{test_id}\"]"))? {
            if session.text(&row)?.contains(needle) {
                return Ok(Some(row));
            }
        }
        Ok(None)
    })
}

/// Sets up a new vault with `passphrase` and opens the client list. `on_screen` is called
/// with each setup screen's name, for a journey that keeps screenshots of them.
pub fn set_up_the_vault(
    session: &Session,
    passphrase: &str,
    on_screen: impl Fn(&Session, &str) -> Result<()>,
) -> Result<()> {
    session.wait_for_test_id("setup-screen")?;
    on_screen(session, "setup")?;
    type_into(session, "setup-passphrase", passphrase)?;
    type_into(session, "setup-passphrase-confirm", passphrase)?;
    click(session, "setup-submit")?;
    let key_element = session.wait_for_test_id("recovery-key")?;
    let recovery_key: String = session.text(&key_element)?.split_whitespace().collect();
    assert!(
        recovery_key.starts_with("AGE-SECRET-KEY-1"),
        "{recovery_key}"
    );
    on_screen(session, "recovery-key")?;
    click(session, "recovery-key-stored")?;
    click(session, "recovery-key-continue")?;
    // The dashboard is the first screen after unlocking.
    session.wait_for_test_id("dashboard-screen")?;
    click(session, "nav-clients")?;
    session.wait_for_test_id("client-list-screen")?;
    Ok(())
}
