//! Started on a Windows without the WebView2 runtime, the app says so in the consultant's
//! language and exits, never a panic, and touches nothing in the vault's folder. Wine has no
//! WebView2, so `scripts/windows.sh test` runs this there; on a PC with WebView2 the window
//! would open instead, hence `ignore` by default.
#![cfg(windows)]

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use kizuki_core::preferences::Language;
use kizuki_desktop::webview_runtime::{missing_message, EXIT_NO_WEBVIEW};

/// The app started with `data_dir`, waited for a minute at most: a message box that opened
/// and waited for a click (or a window) fails the test rather than hanging it.
fn started(data_dir: &std::path::Path) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kizuki-desktop"))
        .env("KIZUKI_DATA_DIR", data_dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|error| panic!("the app did not start: {error}"));
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().ok().flatten().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the app did not exit within a minute");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child
        .wait_with_output()
        .unwrap_or_else(|error| panic!("{error}"))
}

#[test]
#[ignore = "needs a Windows without the WebView2 runtime: scripts/windows.sh runs it under Wine"]
fn without_webview2_the_app_says_so_in_the_consultants_language_and_exits() {
    let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
    let vault = dir.path().join("vault");

    // No preferences yet: Japanese, the default.
    let out = started(&vault);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(EXIT_NO_WEBVIEW), "{stderr}");
    assert!(stderr.contains(missing_message(Language::Ja)), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    // Nothing is made before the window can be: no vault folder, no lock beside it.
    let made: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap_or_else(|error| panic!("{error}"))
        .flatten()
        .map(|entry| entry.file_name())
        .collect();
    assert!(made.is_empty(), "{made:?}");

    // A consultant who chose English reads English.
    std::fs::create_dir(&vault).unwrap_or_else(|error| panic!("{error}"));
    std::fs::write(vault.join("preferences.json"), br#"{"language":"en"}"#)
        .unwrap_or_else(|error| panic!("{error}"));
    let out = started(&vault);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(EXIT_NO_WEBVIEW), "{stderr}");
    assert!(stderr.contains(missing_message(Language::En)), "{stderr}");
    let left: Vec<_> = std::fs::read_dir(&vault)
        .unwrap_or_else(|error| panic!("{error}"))
        .flatten()
        .map(|entry| entry.file_name())
        .collect();
    assert_eq!(left, ["preferences.json"]);
}
