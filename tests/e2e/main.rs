//! End-to-end tests of the built app in a real window (WebKitGTK under Xvfb), driven through
//! `tauri-driver` and `WebKitWebDriver`. Run by `scripts/test.sh`.

mod vault_journey;
