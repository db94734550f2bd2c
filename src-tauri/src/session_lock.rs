//! Locking when the desktop locks the screen or the laptop goes to sleep, where the desktop
//! says so: on Linux, through D-Bus (a local socket, not the network), from logind (sleep,
//! `loginctl lock-session`) and from the screen savers of GNOME and freedesktop desktops (KDE,
//! Xfce, Cinnamon). Elsewhere, and where no bus answers, the UI's idle timer and its check for a
//! jump in the clock (a machine that slept) still lock; docs/release.md says what the other
//! platforms offer instead.
//!
//! The UI is asked first, so the open note is saved before the key goes; if it has not locked
//! within a few seconds (a hung page, a save that never returns), the shell locks itself.

use std::time::Duration;

use tauri::{AppHandle, Manager, Runtime};

use crate::state::AppState;

/// The DOM event the UI listens for. Dispatched by the shell, never by a page script.
pub(crate) const LOCK_REQUESTED_EVENT: &str = "kizuki:lock-requested";

/// How long the UI has to save and lock before the shell locks without it.
const GRACE: Duration = Duration::from_secs(3);

/// The DOM event that tells the UI the shell locked without it (a hung page, a lock during
/// an unlock): the UI drops what it holds and shows the unlock screen.
pub(crate) const LOCKED_EVENT: &str = "kizuki:locked";

/// Asks the UI to save what is open and lock, then locks whatever the UI did. An unlock under
/// way when the screen locks is waited for and locked too: `lock` takes its turn after it.
pub(crate) async fn lock_now<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    let dispatch = |event: &str| {
        crate::window::dispatch_to_page(app, "main", event);
    };
    if state.is_unlocked() != Some(false) {
        dispatch(LOCK_REQUESTED_EVENT);
        let deadline = tokio::time::Instant::now() + GRACE;
        while tokio::time::Instant::now() < deadline && state.is_unlocked() != Some(false) {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    if state.lock().await {
        dispatch(LOCKED_EVENT);
    }
}

/// Starts watching the desktop's lock and sleep signals, on a thread of its own. Returns at
/// once; a desktop without D-Bus is simply not watched.
#[cfg(target_os = "linux")]
pub(crate) fn watch<R: Runtime>(app: AppHandle<R>) {
    let spawned = std::thread::Builder::new()
        .name("kizuki-session-lock".into())
        .spawn(move || linux::watch(&app));
    if spawned.is_err() {
        eprintln!("kizuki: the screen-lock watcher could not start; the idle lock still works");
    }
}

#[cfg(not(target_os = "linux"))]
pub(crate) fn watch<R: Runtime>(_app: AppHandle<R>) {}

#[cfg(target_os = "linux")]
mod linux {
    use std::sync::mpsc;
    use std::time::Duration;

    use dbus::blocking::Connection;
    use dbus::message::MatchRule;
    use tauri::{AppHandle, Runtime};

    const LOGIN1: &str = "org.freedesktop.login1";
    const LOGIN1_PATH: &str = "/org/freedesktop/login1";
    const MANAGER: &str = "org.freedesktop.login1.Manager";
    /// The screen savers that announce the screen locking, by interface.
    const SCREEN_SAVERS: [&str; 2] = ["org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver"];

    /// What the desktop said.
    enum Event {
        /// The screen locked, or this session was asked to lock.
        Locked,
        /// The machine is about to sleep (`true`) or woke up (`false`).
        Sleeping(bool),
    }

    pub(super) fn watch<R: Runtime>(app: &AppHandle<R>) {
        let (events, received) = mpsc::channel::<Event>();
        let system = Connection::new_system().ok();
        let session = Connection::new_session().ok();
        if let Some(system) = &system {
            let sender = events.clone();
            let _ = system.add_match(
                MatchRule::new_signal(MANAGER, "PrepareForSleep"),
                move |(starting,): (bool,), _: &Connection, _| {
                    sender.send(Event::Sleeping(starting)).is_ok()
                },
            );
            let sender = events.clone();
            let _ = system.add_match(
                MatchRule::new_signal("org.freedesktop.login1.Session", "Lock"),
                move |(): (), _: &Connection, _| sender.send(Event::Locked).is_ok(),
            );
        }
        if let Some(session) = &session {
            for interface in SCREEN_SAVERS {
                let sender = events.clone();
                let _ = session.add_match(
                    MatchRule::new_signal(interface, "ActiveChanged"),
                    move |(active,): (bool,), _: &Connection, _| {
                        !active || sender.send(Event::Locked).is_ok()
                    },
                );
            }
        }
        if system.is_none() && session.is_none() {
            return;
        }
        // Sleep waits for Kizuki (up to logind's limit, a few seconds) while it holds this.
        let mut delay = system.as_ref().and_then(take_sleep_delay);
        loop {
            for connection in [&system, &session].into_iter().flatten() {
                let _ = connection.process(Duration::from_millis(250));
            }
            while let Ok(event) = received.try_recv() {
                match event {
                    Event::Locked => tauri::async_runtime::block_on(super::lock_now(app)),
                    Event::Sleeping(true) => {
                        tauri::async_runtime::block_on(super::lock_now(app));
                        // Locked: sleep may go ahead.
                        drop(delay.take());
                    }
                    Event::Sleeping(false) => {
                        delay = delay.or_else(|| system.as_ref().and_then(take_sleep_delay));
                    }
                }
            }
        }
    }

    /// A logind "delay" inhibitor: sleep waits until it is dropped, so the vault is locked
    /// before the machine sleeps, not at whatever point the signal was handled.
    fn take_sleep_delay(system: &Connection) -> Option<dbus::arg::OwnedFd> {
        let manager = system.with_proxy(LOGIN1, LOGIN1_PATH, Duration::from_secs(2));
        manager
            .method_call(
                MANAGER,
                "Inhibit",
                ("sleep", "Kizuki", "Locking the vault before sleep", "delay"),
            )
            .ok()
            .map(|(fd,): (dbus::arg::OwnedFd,)| fd)
    }
}
