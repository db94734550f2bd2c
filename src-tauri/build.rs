//! Declares the app's commands so Tauri generates one `allow-<command>` permission per command;
//! `capabilities/main-window.json` then grants exactly the ones the UI uses.

const COMMANDS: &[&str] = &[
    "vault_status",
    "vault_create",
    "vault_unlock",
    "vault_recover",
    "vault_lock",
    "client_list",
    "client_create",
    "client_get",
    "session_list",
    "session_create",
    "session_get",
    "session_save_notes",
    "preferences_get",
    "preferences_set_language",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {error:#}");
    }
}
