//! Kizuki's desktop shell: a Tauri window over `kizuki-core`.
//!
//! The shell owns the window, the security policy (CSP, capabilities) and the one piece of state
//! a desktop app needs: whether the vault is unlocked. Every command is a thin adapter onto a
//! documented core function; the UI reaches them only through the generated `bindings.ts`.

#[macro_use]
mod command_list;
mod bindings;
mod closing;
mod commands;
mod error;
mod folder_choice;
mod printing;
mod secret;
mod session_lock;
mod state;
pub mod webview_runtime;
mod window;

use std::path::PathBuf;

use tauri::{Manager, RunEvent, Runtime};

pub use bindings::specta_builder;
use closing::CloseGuard;
pub use error::IpcError;
use folder_choice::FolderChooser;
use printing::Printer;
pub use state::AppState;

/// Starts the app: resolves the data directory and opens the main window.
pub fn run() {
    // Before anything is decrypted, and before the webview's processes start: they inherit it.
    if kizuki_core::process_guard::keep_memory_off_disk().is_err() {
        eprintln!("kizuki: core dumps could not be turned off; the vault is not opened");
        std::process::exit(1);
    }
    let data_dir = match kizuki_core::data_dir::resolve(data_dir_flag(std::env::args())) {
        Ok(dir) => dir,
        Err(error) => {
            eprintln!("kizuki: {error}");
            std::process::exit(1);
        }
    };
    // Before anything reads the calendar: a consent's last day is the consultant's.
    let preferences = kizuki_core::preferences::apply(&data_dir);
    if !webview_runtime::available() {
        webview_runtime::explain(preferences.language);
        std::process::exit(webview_runtime::EXIT_NO_WEBVIEW);
    }
    let app =
        build(tauri::Builder::default(), AppState::new(data_dir)).build(tauri::generate_context!());
    match app {
        Ok(app) => {
            session_lock::watch(app.handle().clone());
            app.run(|handle, event| {
                if let RunEvent::Exit = event {
                    // Closing the pool checkpoints the write-ahead log and drops the key.
                    tauri::async_runtime::block_on(handle.state::<AppState>().lock());
                }
            })
        }
        Err(error) => {
            eprintln!("kizuki: the window could not be created: {error}");
            std::process::exit(1);
        }
    }
}

/// Registers the state and the commands on any runtime, so tests can use the mock runtime.
pub fn build<R: Runtime>(builder: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    let specta = specta_builder::<R>();
    builder
        .manage(state)
        .manage(CloseGuard::default())
        .manage(Printer::default())
        .manage(FolderChooser::default())
        .manage(commands::backups::BackupProgress::default())
        .invoke_handler(specta.invoke_handler())
        .on_window_event(closing::on_window_event)
        .setup(|app| {
            app.state::<CloseGuard>().install(app.handle());
            app.state::<Printer>().install(app.handle());
            app.state::<FolderChooser>().install(app.handle());
            Ok(window::open_main(app.handle())?)
        })
}

/// `--data-dir DIR` or `--data-dir=DIR`; the environment variable is read by the core.
fn data_dir_flag(args: impl Iterator<Item = String>) -> Option<PathBuf> {
    let mut args = args.skip(1);
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
        if let Some(value) = arg.strip_prefix("--data-dir=") {
            return Some(PathBuf::from(value));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::data_dir_flag;
    use std::path::PathBuf;

    #[test]
    fn reads_the_data_dir_flag_in_both_forms() {
        let args = |list: &[&str]| {
            list.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .into_iter()
        };
        assert_eq!(
            data_dir_flag(args(&["kizuki", "--data-dir", "/v"])),
            Some(PathBuf::from("/v"))
        );
        assert_eq!(
            data_dir_flag(args(&["kizuki", "--data-dir=/w"])),
            Some(PathBuf::from("/w"))
        );
        assert_eq!(data_dir_flag(args(&["kizuki"])), None);
    }
}
