//! The main window.

use tauri::{AppHandle, Manager, Runtime, Url, WebviewWindowBuilder};

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
        // Nothing in the window may take it anywhere else: a link or script that tried would
        // show another site inside the app, with the app's IPC beside it. The CSP already
        // forbids loading from elsewhere; this stops the page itself from being replaced.
        .on_navigation(is_own_origin)
        .build()?;
    Ok(())
}

/// Dispatches the DOM event `event` on the page of the webview window `label`: how the shell
/// asks the UI to act (save before closing, lock). Whether it could be dispatched.
pub(crate) fn dispatch_to_page<R: Runtime>(app: &AppHandle<R>, label: &str, event: &str) -> bool {
    app.get_webview_window(label).is_some_and(|webview| {
        webview
            .eval(format!("window.dispatchEvent(new Event({event:?}))"))
            .is_ok()
    })
}

/// The app's own pages, as Tauri serves them: `tauri://localhost` on Linux and macOS,
/// `http(s)://tauri.localhost` on Windows.
fn is_own_origin(url: &Url) -> bool {
    matches!(
        (url.scheme(), url.host_str(), url.port()),
        ("tauri", Some("localhost"), None) | ("http" | "https", Some("tauri.localhost"), None)
    )
}

fn automation_requested() -> bool {
    cfg!(feature = "webdriver")
        && std::env::var("TAURI_WEBVIEW_AUTOMATION").as_deref() == Ok("true")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_apps_own_pages_may_be_navigated_to() -> Result<(), Box<dyn std::error::Error>> {
        for own in [
            "tauri://localhost/",
            "tauri://localhost/index.html#/clients",
            "http://tauri.localhost/",
            "https://tauri.localhost/assets/index.js",
        ] {
            assert!(is_own_origin(&own.parse()?), "{own}");
        }
        for elsewhere in [
            "https://example.com/",
            "http://localhost:1420/",
            "tauri://localhost.example.com/",
            "https://tauri.localhost.example.com/",
            "http://tauri.localhost:8080/",
            "file:///etc/passwd",
            "data:text/html,<p>hi</p>",
            "javascript:alert(1)",
            "about:blank",
        ] {
            assert!(!is_own_origin(&elsewhere.parse()?), "{elsewhere}");
        }
        Ok(())
    }
}
