//! Printing the page on screen to a PDF file, without a dialog.
//!
//! Tauri has no print-to-PDF API, so the shell runs WebKitGTK's own print operation on the
//! window's webview with GTK's "Print to File" printer. WebKit lays the page out for print
//! media (the UI's print style sheet shows the document alone), so the PDF has the same
//! Japanese line breaking and fonts as the screen. A print dialog, for a paper printer, is
//! the UI's `window.print()`.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use kizuki_core::ErrorCode;
use tauri::{Manager, Runtime};
use tokio::sync::oneshot;

use crate::error::IpcError;

/// What a print operation reports: done, or why not.
type Outcome = Result<(), String>;

/// Starts printing into a file, and reports the outcome on the sender.
type StartPrint = Box<dyn Fn(PathBuf, oneshot::Sender<Outcome>) + Send + Sync>;

/// Managed by Tauri; one per app.
#[derive(Default)]
pub struct Printer {
    /// Starts printing the main window into a file; set once the app is built, whatever its
    /// runtime.
    start: OnceLock<StartPrint>,
}

impl std::fmt::Debug for Printer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Printer").finish_non_exhaustive()
    }
}

impl Printer {
    /// Remembers how to reach the main window's webview of this app.
    pub(crate) fn install<R: Runtime>(&self, app: &tauri::AppHandle<R>) {
        let app = app.clone();
        let _ = self.start.set(Box::new(move |path, sender| {
            if let Some(window) = app.get_webview_window("main") {
                // On failure the closure, and the sender with it, is dropped: the caller
                // then hears that printing ended without a result.
                let _ = window.with_webview(move |webview| print(webview, &path, sender));
            }
        }));
    }

    /// Prints what the main window shows into `path` (an existing, empty file claimed for
    /// it), as A4. On failure the file is removed.
    pub(crate) async fn save_pdf(&self, path: &Path) -> Result<(), IpcError> {
        let (sender, receiver) = oneshot::channel();
        let Some(start) = self.start.get() else {
            return Err(failed("the app has no window yet"));
        };
        start(path.to_owned(), sender);
        let printed = match tokio::time::timeout(PRINT_TIMEOUT, receiver).await {
            Ok(Ok(Ok(()))) => keep_private(path),
            Ok(Ok(Err(reason))) => Err(failed(&reason)),
            Ok(Err(_)) => Err(failed("the print operation ended without a result")),
            Err(_) => Err(failed("the print operation did not finish in time")),
        };
        if printed.is_err() {
            // Best effort: the claimed file is empty or partial, and must not pass for the PDF.
            let _ = std::fs::remove_file(path);
        }
        printed
    }
}

/// How long printing a report may take before it counts as failed (a few pages take well
/// under a second).
const PRINT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

/// The PDF holds client content: readable by this user only, whatever mode GTK wrote it with.
fn keep_private(path: &Path) -> Result<(), IpcError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
            .map_err(|_| failed("the PDF's permissions could not be set"))?;
    }
    Ok(())
}

/// Page margins: 20 mm all round, as Japanese business documents are usually set.
#[cfg(target_os = "linux")]
const MARGIN_MM: f64 = 20.0;

#[cfg(target_os = "linux")]
fn print(webview: tauri::webview::PlatformWebview, path: &Path, sender: oneshot::Sender<Outcome>) {
    use std::cell::RefCell;
    use std::rc::Rc;

    use webkit2gtk::PrintOperationExt;

    let uri = match gtk::glib::filename_to_uri(path, None) {
        Ok(uri) => uri,
        Err(_) => {
            let _ = sender.send(Err("not a file path".to_owned()));
            return;
        }
    };
    let settings = gtk::PrintSettings::new();
    // GTK names its file printer in the desktop's language (「ファイルに出力する」).
    settings.set_printer(&gtk::glib::dgettext(Some("gtk30"), "Print to File"));
    settings.set(gtk::PRINT_SETTINGS_OUTPUT_FILE_FORMAT, Some("pdf"));
    settings.set(gtk::PRINT_SETTINGS_OUTPUT_URI, Some(uri.as_str()));
    let a4 = gtk::PaperSize::new(Some(gtk::PAPER_NAME_A4));
    settings.set_paper_size(&a4);
    let page = gtk::PageSetup::new();
    page.set_paper_size(&a4);
    page.set_top_margin(MARGIN_MM, gtk::Unit::Mm);
    page.set_bottom_margin(MARGIN_MM, gtk::Unit::Mm);
    page.set_left_margin(MARGIN_MM, gtk::Unit::Mm);
    page.set_right_margin(MARGIN_MM, gtk::Unit::Mm);

    let operation = webkit2gtk::PrintOperation::new(&webview.inner());
    operation.set_print_settings(&settings);
    operation.set_page_setup(&page);
    // `failed` is followed by `finished`: the first outcome is the one reported.
    let sender = Rc::new(RefCell::new(Some(sender)));
    let on_failure = Rc::clone(&sender);
    operation.connect_failed(move |_, error| {
        if let Some(sender) = on_failure.borrow_mut().take() {
            let _ = sender.send(Err(error.to_string()));
        }
    });
    operation.connect_finished(move |_| {
        if let Some(sender) = sender.borrow_mut().take() {
            let _ = sender.send(Ok(()));
        }
    });
    operation.print();
}

#[cfg(not(target_os = "linux"))]
fn print(
    _webview: tauri::webview::PlatformWebview,
    _path: &Path,
    sender: oneshot::Sender<Outcome>,
) {
    let _ = sender.send(Err(
        "saving a PDF without a dialog is built on WebKitGTK only".to_owned(),
    ));
}

fn failed(reason: &str) -> IpcError {
    IpcError {
        code: ErrorCode::PrintFailed,
        message: format!("printing to PDF failed: {reason}"),
        field: None,
    }
}
