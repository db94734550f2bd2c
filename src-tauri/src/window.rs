//! The main window.

use tauri::{AppHandle, Runtime, WebviewWindowBuilder};

/// Opens the window described in `tauri.conf.json` (which has `create: false`, so it is made here).
///
/// The webview is incognito: WebKit keeps no cache, cookies or storage on disk, so nothing the
/// UI shows can be left behind in the webview's data directory. The one exception is a build
/// with the `webdriver` feature (end-to-end tests only) driven by `tauri-driver`, which sets
/// `TAURI_WEBVIEW_AUTOMATION=true`: WebKitGTK allows automation only on its regular, persistent
/// context. The end-to-end tests therefore run the stricter case, and check the persistent
/// webview directories for plaintext.
pub(crate) fn open_main<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|window| window.label == "main")
        .cloned()
        .ok_or_else(|| tauri::Error::WindowNotFound)?;
    WebviewWindowBuilder::from_config(app, &config)?
        .incognito(!automation_requested())
        .build()?;
    Ok(())
}

fn automation_requested() -> bool {
    cfg!(feature = "webdriver")
        && std::env::var("TAURI_WEBVIEW_AUTOMATION").as_deref() == Ok("true")
}
