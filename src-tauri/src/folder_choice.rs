//! The system's own folder chooser, for a file that leaves the vault unencrypted (a report's
//! PDF): the consultant picks where it goes each time, rather than Kizuki dropping it into
//! Downloads, which desktop indexers and sync clients read. The folder is kept here, in the
//! shell: the page gets its path to show, and a command that writes there takes it from here,
//! never from the page, so no script in the page can name another folder.
//!
//! WebDriver cannot reach a native dialog: a build with the `webdriver` feature (end-to-end
//! tests only) takes the folder from `KIZUKI_E2E_CHOSEN_FOLDER` when it is set, and everything
//! after the choice is the real path.

use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

use tauri::Runtime;
use tokio::sync::oneshot;

/// Opens the chooser over the main window; the sender gets the folder, or `None` if cancelled.
type StartChoice = Box<dyn Fn(String, oneshot::Sender<Option<PathBuf>>) + Send + Sync>;

/// Managed by Tauri; one per app.
#[derive(Default)]
pub struct FolderChooser {
    start: OnceLock<StartChoice>,
    /// The folder last chosen, for this run of the app.
    chosen: Mutex<Option<PathBuf>>,
}

impl std::fmt::Debug for FolderChooser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FolderChooser").finish_non_exhaustive()
    }
}

/// The variable a `webdriver` build reads instead of showing the dialog.
#[cfg(feature = "webdriver")]
const E2E_CHOSEN_FOLDER: &str = "KIZUKI_E2E_CHOSEN_FOLDER";

impl FolderChooser {
    /// Remembers how to reach the main window of this app.
    pub(crate) fn install<R: Runtime>(&self, app: &tauri::AppHandle<R>) {
        let app = app.clone();
        let _ = self.start.set(Box::new(move |title, sender| {
            let handle = app.clone();
            // GTK lives on the main thread; on failure the sender is dropped: no folder.
            let _ = app.run_on_main_thread(move || show(&handle, &title, sender));
        }));
    }

    /// Asks the consultant for a folder and keeps it; `None` when they cancel (the folder
    /// chosen before stays).
    pub(crate) async fn choose(&self, title: &str) -> Option<PathBuf> {
        let folder = self.ask(title).await?;
        if let Ok(mut chosen) = self.chosen.lock() {
            *chosen = Some(folder.clone());
        }
        Some(folder)
    }

    /// The folder the consultant chose last, if any.
    pub(crate) fn chosen(&self) -> Option<PathBuf> {
        self.chosen.lock().ok()?.clone()
    }

    async fn ask(&self, title: &str) -> Option<PathBuf> {
        #[cfg(feature = "webdriver")]
        if let Some(folder) = std::env::var_os(E2E_CHOSEN_FOLDER) {
            return Some(PathBuf::from(folder));
        }
        let start = self.start.get()?;
        let (sender, receiver) = oneshot::channel();
        start(title.to_owned(), sender);
        receiver.await.ok().flatten()
    }
}

#[cfg(target_os = "linux")]
fn show<R: Runtime>(
    app: &tauri::AppHandle<R>,
    title: &str,
    sender: oneshot::Sender<Option<PathBuf>>,
) {
    use gtk::prelude::{FileChooserExt, NativeDialogExt};
    use tauri::Manager;

    let parent = app
        .get_webview_window("main")
        .and_then(|window| window.gtk_window().ok());
    let dialog = gtk::FileChooserNative::new(
        Some(title),
        parent.as_ref(),
        gtk::FileChooserAction::SelectFolder,
        None,
        None,
    );
    dialog.set_modal(true);
    // Never a default of Downloads: the consultant's home, from where they go on.
    if let Some(home) = dirs_home() {
        let _ = dialog.set_current_folder(home);
    }
    let sender = std::cell::RefCell::new(Some(sender));
    // A native dialog lives only while someone holds it: its own handler does, until it answers.
    let kept = std::cell::RefCell::new(Some(dialog.clone()));
    dialog.connect_response(move |dialog, response| {
        let folder = (response == gtk::ResponseType::Accept)
            .then(|| dialog.filename())
            .flatten();
        if let Some(sender) = sender.borrow_mut().take() {
            let _ = sender.send(folder);
        }
        kept.borrow_mut().take();
    });
    dialog.show();
}

#[cfg(target_os = "linux")]
fn dirs_home() -> Option<PathBuf> {
    std::env::var_os("HOME").map(PathBuf::from)
}

#[cfg(not(target_os = "linux"))]
fn show<R: Runtime>(
    _app: &tauri::AppHandle<R>,
    _title: &str,
    sender: oneshot::Sender<Option<PathBuf>>,
) {
    // Elsewhere the print dialog's own "save as PDF" asks for the folder.
    let _ = sender.send(None);
}
