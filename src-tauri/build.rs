//! Declares the app's commands so Tauri generates one `allow-<command>` permission per command;
//! `capabilities/main-window.json` then grants exactly the ones the UI uses.

include!("src/command_list.rs");

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(COMMAND_NAMES);
    if let Err(error) =
        tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
    {
        panic!("tauri-build failed: {error:#}");
    }
}
