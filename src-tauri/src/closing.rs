//! Closing the window without losing what was typed.
//!
//! The editors save a moment after the last keystroke; a window closed within that moment
//! would take the last words with it. So while the vault is unlocked, the first close request
//! is held: the UI is asked to save everything pending, and it closes the window itself
//! (`window_close`) once every save succeeded. If a save fails the window stays open with the
//! text on screen and an explanation; a second close request soon after closes at once, as
//! the consultant insists. A close long after a failed save is a first request again, so the
//! words typed since are saved too.

use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use tauri::{Manager, Runtime, Window, WindowEvent};

use crate::state::AppState;

/// The DOM event the UI listens for. Dispatched by the shell, never by a page script.
const CLOSE_REQUESTED_EVENT: &str = "kizuki:close-requested";

/// How soon a second close request counts as insisting.
const INSIST_WITHIN: Duration = Duration::from_secs(30);

/// Managed by Tauri; one per app.
#[derive(Default)]
pub struct CloseGuard {
    /// When a close request was last held for the UI to save.
    held_at: Mutex<Option<Instant>>,
    /// Destroys the main window; set once the app is built, whatever its runtime.
    destroy: OnceLock<Box<dyn Fn() + Send + Sync>>,
}

impl std::fmt::Debug for CloseGuard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CloseGuard")
            .field("held_at", &self.held_at.lock().ok().map(|held| *held))
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
        self.release();
        if let Some(destroy) = self.destroy.get() {
            destroy();
        }
    }

    /// Whether a close request at `now` must wait for the UI: while unlocked, unless it
    /// follows a held one within [`INSIST_WITHIN`].
    fn hold(&self, unlocked: bool, now: Instant) -> bool {
        let Ok(mut held_at) = self.held_at.lock() else {
            return false;
        };
        let insisting = held_at.is_some_and(|held| now.duration_since(held) < INSIST_WITHIN);
        if !unlocked || insisting {
            *held_at = None;
            return false;
        }
        *held_at = Some(now);
        true
    }

    fn release(&self) {
        if let Ok(mut held_at) = self.held_at.lock() {
            *held_at = None;
        }
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
    if !guard.hold(unlocked, Instant::now()) {
        return;
    }
    if crate::window::dispatch_to_page(window.app_handle(), window.label(), CLOSE_REQUESTED_EVENT) {
        api.prevent_close();
    } else {
        // The UI cannot be asked: holding the window open would trap the consultant.
        guard.release();
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::{CloseGuard, INSIST_WITHIN};

    #[test]
    fn a_request_is_held_unless_locked_or_insisting() {
        let guard = CloseGuard::default();
        let start = Instant::now();
        assert!(
            !guard.hold(false, start),
            "a locked app has nothing to save"
        );
        assert!(guard.hold(true, start));
        assert!(
            !guard.hold(true, start + Duration::from_secs(2)),
            "a second request soon after closes at once"
        );
        assert!(guard.hold(true, start + Duration::from_secs(3)));
        assert!(
            guard.hold(true, start + INSIST_WITHIN * 2),
            "long after a failed save, a close saves again first"
        );
        guard.close_now();
        assert!(guard.hold(true, start + INSIST_WITHIN * 3));
    }
}
