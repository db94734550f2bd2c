//! The webview runtime the window needs, checked before anything else: Linux packages depend on
//! WebKitGTK, but a Windows PC may lack Microsoft's WebView2 runtime (an older Windows 10, or
//! an office image without it). Without it Tauri panics at the window's creation; Kizuki says
//! instead, in the consultant's language, what is missing and what to do, and exits.

use kizuki_core::preferences::Language;

/// The exit status when the runtime is missing.
pub const EXIT_NO_WEBVIEW: i32 = 3;

/// What the consultant reads.
pub fn missing_message(language: Language) -> &'static str {
    match language {
        Language::Ja => {
            "Kizuki の画面を表示するには Microsoft Edge WebView2 ランタイムが必要ですが、このパソコンには入っていません。\n\n\
             Kizuki のインストーラーをもう一度実行すると入ります（管理者の許可が要る場合は、社内の担当者に「WebView2 ランタイム（Evergreen）」のインストールを依頼してください）。\n\n\
             保管庫のデータには何も変更していません。"
        }
        Language::En => {
            "Kizuki needs the Microsoft Edge WebView2 Runtime to show its window, and this computer does not have it.\n\n\
             Running Kizuki's installer again installs it (if that needs an administrator, ask your IT contact to install the \"WebView2 Runtime (Evergreen)\").\n\n\
             Nothing in your vault was changed."
        }
    }
}

/// Whether the window can be made here. It asks for the system-wide (Evergreen) runtime, which
/// the installer installs: an installer with a fixed runtime (`webviewInstallMode: fixedRuntime`)
/// would need `WEBVIEW2_BROWSER_EXECUTABLE_FOLDER` set first, as `tauri::Builder::build` does, or
/// this check would say the runtime is missing where it is not.
#[cfg(windows)]
pub fn available() -> bool {
    tauri::webview_version().is_ok()
}

/// Whether the window can be made here: elsewhere the package manager guarantees it.
#[cfg(not(windows))]
pub fn available() -> bool {
    true
}

/// Tells the consultant, in a message box and on standard error.
pub fn explain(language: Language) {
    let message = missing_message(language);
    eprintln!("kizuki: {message}");
    #[cfg(windows)]
    {
        use windows_sys::Win32::UI::WindowsAndMessaging::{MessageBoxW, MB_ICONERROR, MB_OK};
        let wide = |text: &str| -> Vec<u16> { text.encode_utf16().chain(Some(0)).collect() };
        let (text, caption) = (wide(message), wide("Kizuki"));
        // SAFETY: both strings are NUL-terminated UTF-16 that outlive the call; no owner window.
        #[allow(unsafe_code)]
        unsafe {
            MessageBoxW(
                std::ptr::null_mut(),
                text.as_ptr(),
                caption.as_ptr(),
                MB_OK | MB_ICONERROR,
            );
        }
    }
}
