//! What guards the app's processes while it runs, read from `/proc`. The app makes itself not
//! dumpable and turns core dumps off with a hard limit before anything is decrypted
//! (`process_guard`). The webview's processes (WebKitWebProcess, WebKitNetworkProcess) are
//! started by `exec`, which makes a process dumpable again: they inherit the hard limit of 0
//! (no core file ever holds the page), but another process of the same user can attach to them
//! where the kernel allows it (Yama's `ptrace_scope` 0, or no Yama). That limit is documented
//! in docs/release.md; this step shows what does hold, so a change that loses it fails.

use kizuki_e2e::app::Harness;
use kizuki_e2e::process_tree;
use kizuki_e2e::Result;

/// A field of a `/proc/<pid>/status`-like file, as text.
fn field<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    text.lines()
        .find_map(|line| line.strip_prefix(name)?.strip_prefix(':'))
        .map(str::trim)
}

/// Every process of the running app: core dumps off (soft and hard), and nobody attached.
pub fn no_process_of_the_app_dumps_its_memory(harness: &Harness) -> Result<()> {
    let tree = process_tree::tree_of(harness.application())?;
    let mut names = Vec::new();
    for pid in &tree {
        let read = |file: &str| std::fs::read_to_string(format!("/proc/{pid}/{file}"));
        let (status, limits) = match (read("status"), read("limits")) {
            (Ok(status), Ok(limits)) => (status, limits),
            (Err(error), _) | (_, Err(error))
                if *pid != tree[0] && process_tree::exited(&error) =>
            {
                continue
            }
            (Err(error), _) | (_, Err(error)) => {
                return Err(format!("reading process {pid}: {error}").into())
            }
        };
        let name = field(&status, "Name").unwrap_or("?").to_owned();
        let core: Vec<&str> = limits
            .lines()
            .find(|line| line.starts_with("Max core file size"))
            .map(|line| line.split_whitespace().skip(4).take(2).collect())
            .unwrap_or_default();
        if core != ["0", "0"] {
            return Err(format!("{name} ({pid}) may dump core: {core:?}").into());
        }
        if field(&status, "TracerPid") != Some("0") {
            return Err(format!("{name} ({pid}) is being traced").into());
        }
        names.push(name);
    }
    // The app and at least the web process: a tree of one would prove nothing of the webview.
    if !names.iter().any(|name| name.starts_with("WebKitWebProces")) {
        return Err(format!("no web process under the app: {names:?}").into());
    }
    Ok(())
}
