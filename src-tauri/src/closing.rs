//! Closing the window without losing what was typed.
//!
//! The editors save a moment after the last keystroke; a window closed within that moment
//! would take the last words with it. So while the vault is unlocked, the first close request
//! is held: the UI is asked to save everything pending, and it closes the window itself
//! (`window_close`) once every save succeeded. If a save fails the window stays open with the
//! text on screen and an explanation; a second close request closes at once, as the
//! consultant insists.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

use tauri::{Manager, Runtime, Window, WindowEvent};

use crate::state::AppState;

/// The DOM event the UI listens for. Dispatched by the shell, never by a page script.
const CLOSE_REQUESTED_EVENT: &str = "kizuki:close-requested";

/// Managed by Tauri; one per app.
#[derive(Default)]
pub struct CloseGuard {
    /// A close request is waiting for the UI to save.
    held: AtomicBool,
    /// Destroys the main window; set once the app is built, whatever its runtime.
    destroy: OnceLock<Box<dyn Fn() + Send + Sync>>,
}

impl std::fmt::Debug for CloseGuard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CloseGuard")
            .field("held", &self.held.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

impl CloseGuard {
    /// Remembers how to close the main window of this app.
    pub(crate) fn install<R: Runtime>(&self, app: &tauri::AppHandle<R>) {
        let app = app.clone();
        let _ = self.destroy.set(Box::new(move || {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.destroy();
            }
        }));
    }

    /// The UI saved everything: close for real.
    pub(crate) fn close_now(&self) {
        self.held.store(false, Ordering::SeqCst);
        if let Some(destroy) = self.destroy.get() {
            destroy();
        }
    }

    /// Whether a close request must wait for the UI (the first one while unlocked).
    fn hold(&self, unlocked: bool) -> bool {
        unlocked && !self.held.swap(true, Ordering::SeqCst)
    }
}

/// Handles the window's close request (see the module documentation).
pub(crate) fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    let WindowEvent::CloseRequested { api, .. } = event else {
        return;
    };
    // A busy lock means a transition is under way: treat it as unlocked and ask the UI.
    let unlocked = window.state::<AppState>().is_unlocked().unwrap_or(true);
    let guard = window.state::<CloseGuard>();
    if !guard.hold(unlocked) {
        return;
    }
    let asked = window
        .app_handle()
        .get_webview_window(window.label())
        .map(|webview| {
            webview.eval(format!(
                "window.dispatchEvent(new Event({CLOSE_REQUESTED_EVENT:?}))"
            ))
        });
    match asked {
        Some(Ok(())) => api.prevent_close(),
        // The UI cannot be asked: holding the window open would trap the consultant.
        _ => guard.held.store(false, Ordering::SeqCst),
    }
}

#[cfg(test)]
mod tests {
    use super::CloseGuard;

    #[test]
    fn only_the_first_request_while_unlocked_is_held() {
        let guard = CloseGuard::default();
        assert!(!guard.hold(false), "a locked app has nothing to save");
        assert!(guard.hold(true));
        assert!(!guard.hold(true), "a second request closes at once");
        guard.close_now();
        assert!(guard.hold(true), "after a close the guard is fresh");
    }
}
