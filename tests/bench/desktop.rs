//! The desktop benchmark: Kizuki beside a plain Tauri window built the same way, on the same
//! machine, in the same run. Start-up to the first screen (page cache dropped, then warm), unlock
//! to the dashboard with the decade's vault (scrypt timed apart), the memory of each app's whole
//! process tree, and the size of each one's bundle.
//!
//! `scripts/bench-desktop.sh` builds and bundles both apps, writes the practice and runs this
//! under Xvfb; it prints Markdown for BENCHMARKS.md. It reads:
//! - `KIZUKI_APP`, `KIZUKI_PLAIN_APP`: the two release builds (Kizuki's with `webdriver`);
//! - `KIZUKI_PRACTICE`: the directory `practice/` from `cargo bench --bench practice` (its
//!   `vault/` and `practice.json`);
//! - `KIZUKI_BUNDLES`: the bundles to list, separated by `:` (optional);
//! - `KIZUKI_BENCH_ROUNDS`: starts of each app, cold and warm each (default 5).
//!
//! Times are taken by the page itself where it can: the first contentful paint against the
//! moment the WebDriver session (which starts the app) was asked for, and the unlock from the
//! click to the dashboard's first data, observed in the page. Polling the window through
//! WebDriver would add its own round trips.

#![allow(clippy::print_stdout)] // the tables are the bench's output

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use kizuki_e2e::app::Harness;
use kizuki_e2e::process_tree::{self, Memory};
use kizuki_e2e::webdriver::Session;
use kizuki_e2e::Result;
use serde_json::Value;

/// What `cargo bench --bench practice` wrote about the practice.
struct Practice {
    vault: PathBuf,
    passphrase: String,
    clients: u64,
    interviews: u64,
    /// The client opened: their place in the client list, their name, their interviews.
    largest_client_place: u64,
    largest_client: String,
    largest_client_interviews: u64,
    /// The passphrase file's work factor, and its scrypt timed alone by the core.
    scrypt_log_n: u64,
    scrypt_ms: f64,
}

impl Practice {
    fn read(dir: &Path) -> Result<Self> {
        let described: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("practice.json"))?)?;
        let text = |value: &Value| value.as_str().map(str::to_owned).ok_or("practice.json");
        let number = |value: &Value| value.as_u64().ok_or("practice.json");
        Ok(Self {
            vault: dir.join("vault"),
            passphrase: text(&described["passphrase"])?,
            clients: number(&described["clients"])?,
            interviews: number(&described["interviews"])?,
            largest_client_place: number(&described["largest_client"]["place"])?,
            largest_client: text(&described["largest_client"]["name"])?,
            largest_client_interviews: number(&described["largest_client"]["interviews"])?,
            scrypt_log_n: number(&described["scrypt"]["log_n"])?,
            scrypt_ms: described["scrypt"]["median_ms"]
                .as_f64()
                .ok_or("practice.json")?,
        })
    }
}

/// Every figure of the run, in milliseconds or as measured.
#[derive(Default)]
struct Figures {
    kizuki_start: Series,
    plain_start: Series,
    unlock: Series,
    unlock_command: Series,
    client_list: Vec<f64>,
    kizuki_memory_unlock_screen: Vec<Memory>,
    kizuki_memory_client_open: Vec<Memory>,
    plain_memory: Vec<Memory>,
}

/// The same measure taken with the page cache dropped first, and again with it warm.
#[derive(Default)]
struct Series {
    cold: Vec<f64>,
    warm: Vec<f64>,
}

impl Series {
    fn push(&mut self, cold: bool, milliseconds: f64) {
        if cold {
            self.cold.push(milliseconds);
        } else {
            self.warm.push(milliseconds);
        }
    }
}

fn main() -> Result<()> {
    let kizuki_app = path_from_env("KIZUKI_APP")?;
    let plain_app = path_from_env("KIZUKI_PLAIN_APP")?;
    let practice = Practice::read(&path_from_env("KIZUKI_PRACTICE")?)?;
    let rounds: usize = match std::env::var("KIZUKI_BENCH_ROUNDS") {
        Ok(rounds) => rounds.parse()?,
        Err(_) => 5,
    };
    if rounds == 0 {
        return Err("KIZUKI_BENCH_ROUNDS must be at least 1".into());
    }

    let kizuki = App::start(kizuki_app, "unlock-screen")?;
    copy_vault(&practice.vault, &kizuki.harness.vault_dir())?;
    let plain = App::start(plain_app, "plain-window")?;
    let mut figures = Figures::default();
    for _ in 0..rounds {
        for cold in [true, false] {
            let session = plain.launch(cold, &mut figures.plain_start)?;
            if !cold {
                figures.plain_memory.push(plain.settled_memory()?);
            }
            plain.end(session)?;

            let session = kizuki.launch(cold, &mut figures.kizuki_start)?;
            if !cold {
                figures
                    .kizuki_memory_unlock_screen
                    .push(kizuki.settled_memory()?);
            }
            let unlocked = unlock(&session, &practice.passphrase)?;
            figures.unlock.push(cold, unlocked.dashboard);
            figures.unlock_command.push(cold, unlocked.workspace);
            if !cold {
                figures.client_list.push(open_client(&session, &practice)?);
                figures
                    .kizuki_memory_client_open
                    .push(kizuki.settled_memory()?);
            }
            kizuki.end(session)?;
        }
    }
    print_tables(&figures, &practice, rounds)?;
    Ok(())
}

fn path_from_env(name: &str) -> Result<PathBuf> {
    std::env::var_os(name)
        .map(PathBuf::from)
        .ok_or_else(|| format!("{name} is not set (scripts/bench-desktop.sh sets it)").into())
}

/// The practice's vault, copied into the harness's data directory, private as Kizuki makes it.
fn copy_vault(from: &Path, to: &Path) -> Result<()> {
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name()))?;
        }
    }
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(to, std::fs::Permissions::from_mode(0o700))?;
    Ok(())
}

/// Empties the page cache, so the next start reads from the disk what it alone maps: the app, and
/// the libraries no running process holds. Those Xvfb and the WebDriver servers hold (GLib, GIO)
/// stay cached, so a start after a boot takes somewhat longer than this "cold" one.
fn drop_page_cache() -> Result<()> {
    let synced = std::process::Command::new("sync").status()?;
    if !synced.success() {
        return Err("sync failed".into());
    }
    std::fs::write("/proc/sys/vm/drop_caches", "3")
        .map_err(|error| format!("dropping the page cache needs root: {error}").into())
}

/// One of the two apps: its build, the driver that starts it, and the test id of its first
/// screen.
struct App {
    path: PathBuf,
    harness: Harness,
    first_screen: &'static str,
}

impl App {
    fn start(path: PathBuf, first_screen: &'static str) -> Result<Self> {
        let harness = Harness::start_app(&path)?;
        Ok(Self {
            path,
            harness,
            first_screen,
        })
    }

    /// Starts the app, waits for its first screen, and records how long the first contentful
    /// paint took from the moment the start was asked for.
    fn launch(&self, cold: bool, starts: &mut Series) -> Result<Session> {
        if cold {
            drop_page_cache()?;
        }
        let asked = SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs_f64() * 1000.0;
        let session = self.harness.launch()?;
        session.wait_for_test_id(self.first_screen)?;
        // The screen's elements exist a frame before they are painted.
        let painted = session.wait_until("the first contentful paint", || {
            Ok(session
                .execute(
                    "const paint = performance.getEntriesByName('first-contentful-paint')[0];
                     return paint ? performance.timeOrigin + paint.startTime : null;",
                )?
                .as_f64())
        })?;
        let took = painted - asked;
        if !(0.0..60_000.0).contains(&took) {
            return Err(format!(
                "a start of {} measured {took} ms: clocks disagree",
                self.path.display()
            )
            .into());
        }
        starts.push(cold, took);
        Ok(session)
    }

    /// The memory of the app's process tree, once the webview has finished what it does after
    /// showing a screen (its memory then holds still).
    fn settled_memory(&self) -> Result<Memory> {
        std::thread::sleep(Duration::from_secs(3));
        process_tree::memory_of(&self.path)
    }

    /// Closes the app, and waits until it has gone.
    fn end(&self, session: Session) -> Result<()> {
        session.end()?;
        process_tree::wait_until_gone(&self.path)
    }
}

/// The milliseconds from the click on 開く to the workspace (the unlock command done: scrypt
/// and opening the vault), and to the dashboard showing its data.
struct Unlock {
    workspace: f64,
    dashboard: f64,
}

/// Unlocks, timing it in the page.
fn unlock(session: &Session, passphrase: &str) -> Result<Unlock> {
    let field = session.wait_for_test_id("unlock-passphrase")?;
    session.type_text(&field, passphrase)?;
    session.execute(
        "window.kizukiBenchUnlock = {};
         const clicked = performance.now();
         const times = window.kizukiBenchUnlock;
         const observer = new MutationObserver(() => {
           // Stamped at the next animation frame: after the page has built the screen, before
           // the frame's layout and paint, which take a few milliseconds more than the stamp.
           const stamp = (name) => requestAnimationFrame(() => {
             times[name] = performance.now() - clicked;
           });
           if (!times.sawWorkspace
               && document.querySelector('[data-testid=\"dashboard-screen\"]')) {
             times.sawWorkspace = true;
             stamp('workspace');
           }
           if (document.querySelector('[data-testid=\"dashboard-today\"]')) {
             observer.disconnect();
             stamp('dashboard');
           }
         });
         observer.observe(document.body, { childList: true, subtree: true });
         document.querySelector('[data-testid=\"unlock-submit\"]').click();",
    )?;
    session
        .wait_until("the dashboard after the unlock", || {
            let times = session.execute("return window.kizukiBenchUnlock;")?;
            Ok(times["workspace"].as_f64().zip(times["dashboard"].as_f64()))
        })
        .map(|(workspace, dashboard)| Unlock {
            workspace,
            dashboard,
        })
}

/// Opens the client list, then the client with the most interviews from it, and waits until
/// every one of their interviews is listed. Returns the milliseconds from the click on the
/// list's tab to its rows on screen (stamped after the frame that shows them).
fn open_client(session: &Session, practice: &Practice) -> Result<f64> {
    session.execute(
        "window.kizukiBenchList = null;
         const clicked = performance.now();
         const observer = new MutationObserver(() => {
           if (document.querySelector('[data-testid=\"client-row\"]')) {
             observer.disconnect();
             requestAnimationFrame(() => setTimeout(() => {
               window.kizukiBenchList = performance.now() - clicked;
             }));
           }
         });
         observer.observe(document.body, { childList: true, subtree: true });
         document.querySelector('[data-testid=\"nav-clients\"]').click();",
    )?;
    let list_shown = session.wait_until("the client list", || {
        Ok(session.execute("return window.kizukiBenchList;")?.as_f64())
    })?;
    let opened = session.execute(&format!(
        "const row = document.querySelectorAll('[data-testid=\"client-row\"]')[{}];
         row?.click();
         return row !== undefined;",
        practice.largest_client_place
    ))?;
    if opened != Value::Bool(true) {
        return Err(format!(
            "the client list has no row {}",
            practice.largest_client_place
        )
        .into());
    }
    let heading = session.wait_for_test_id("client-name-heading")?;
    if !session.text(&heading)?.contains(&practice.largest_client) {
        return Err("the client list is not in the order the practice recorded".into());
    }
    session.wait_until("every interview of the largest client", || {
        let listed = session
            .execute("return document.querySelectorAll('[data-testid=\"interview-row\"]').length;")?
            .as_u64();
        Ok((listed == Some(practice.largest_client_interviews)).then_some(()))
    })?;
    Ok(list_shown)
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    match sorted.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

/// `median (min–max)` in whole milliseconds.
fn spread(values: &[f64]) -> String {
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    format!("{:.0} ({min:.0}–{max:.0})", median(values))
}

/// The machine, as BENCHMARKS.md records it.
fn machine() -> Result<String> {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo")?;
    let model = cpuinfo
        .lines()
        .find_map(|line| line.strip_prefix("model name"))
        .and_then(|rest| rest.split_once(':'))
        .map_or("unknown", |(_, model)| model.trim());
    let cores = cpuinfo
        .lines()
        .filter(|line| line.starts_with("processor"))
        .count();
    let memory_kib: u64 = std::fs::read_to_string("/proc/meminfo")?
        .lines()
        .find_map(|line| line.strip_prefix("MemTotal:"))
        .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
        .unwrap_or_default();
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease")?;
    let webkit = std::process::Command::new("dpkg-query")
        .args(["-W", "-f", "${Version}", "libwebkit2gtk-4.1-0"])
        .output()?;
    Ok(format!(
        "Machine: {model}, {cores} cores, {:.0} GiB, Linux {}, WebKitGTK {}, display Xvfb.",
        memory_kib as f64 / (1024.0 * 1024.0),
        kernel.trim(),
        String::from_utf8_lossy(&webkit.stdout).trim()
    ))
}

fn mib(kib: u64) -> String {
    format!("{:.0}", kib as f64 / 1024.0)
}

/// The median of each field of the memory readings.
fn memory_row(label: &str, readings: &[Memory]) -> String {
    let field = |pick: fn(&Memory) -> u64| {
        let values: Vec<f64> = readings.iter().map(|m| pick(m) as f64).collect();
        median(&values) as u64
    };
    format!(
        "| {label} | {} | {} | {} | {} | {} |",
        field(|m| m.processes as u64),
        mib(field(|m| m.rss_kib)),
        mib(field(|m| m.pss_kib)),
        mib(field(|m| m.app_pss_kib)),
        mib(field(|m| m.pss_kib - m.app_pss_kib))
    )
}

fn print_tables(figures: &Figures, practice: &Practice, rounds: usize) -> Result<()> {
    println!("{}\n", machine()?);
    println!(
        "Practice: {} clients, {} interviews; the client opened has {} interviews. \
         {rounds} rounds: each app started with the page cache dropped, then again warm.\n",
        practice.clients, practice.interviews, practice.largest_client_interviews
    );
    println!("| ms, median (min–max) | Kizuki | plain Tauri window |\n| --- | --- | --- |");
    println!(
        "| start to the first screen, page cache dropped | {} | {} |",
        spread(&figures.kizuki_start.cold),
        spread(&figures.plain_start.cold)
    );
    println!(
        "| start to the first screen, warm | {} | {} |",
        spread(&figures.kizuki_start.warm),
        spread(&figures.plain_start.warm)
    );
    for (label, series) in [
        ("unlock to the dashboard's data", &figures.unlock),
        (
            "unlock to the workspace (the unlock command)",
            &figures.unlock_command,
        ),
    ] {
        println!(
            "| {label}, page cache dropped before the start | {} | |",
            spread(&series.cold)
        );
        println!("| {label}, warm | {} | |", spread(&series.warm));
    }
    println!(
        "| scrypt of the passphrase file (log N = {}), timed alone | {:.0} | |",
        practice.scrypt_log_n, practice.scrypt_ms
    );
    println!(
        "| the client list of all {} clients, from its tab, warm | {} | |\n",
        practice.clients,
        spread(&figures.client_list)
    );

    println!(
        "| memory of the whole process tree, median | processes | RSS, MiB | PSS, MiB \
         | PSS of the app's process | PSS of the webview's |"
    );
    println!("| --- | --- | --- | --- | --- | --- |");
    println!(
        "{}",
        memory_row("plain Tauri window, its page shown", &figures.plain_memory)
    );
    println!(
        "{}",
        memory_row(
            "Kizuki, the unlock screen",
            &figures.kizuki_memory_unlock_screen
        )
    );
    println!(
        "{}\n",
        memory_row(
            "Kizuki, the largest client open (after the dashboard)",
            &figures.kizuki_memory_client_open
        )
    );

    if let Some(bundles) = std::env::var_os("KIZUKI_BUNDLES") {
        println!("| bundle | file, MiB | installed, MiB | the executable, MiB |\n| --- | --- | --- | --- |");
        for bundle in std::env::split_paths(&bundles) {
            println!("{}", bundle_row(&bundle)?);
        }
    }
    Ok(())
}

/// A `.deb`'s size, its installed size and its executable's, read with `dpkg-deb`.
fn bundle_row(deb: &Path) -> Result<String> {
    let dpkg = |arguments: &[&str]| -> Result<String> {
        let output = std::process::Command::new("dpkg-deb")
            .args(arguments)
            .arg(deb)
            .output()?;
        if !output.status.success() {
            return Err(format!("dpkg-deb could not read {}", deb.display()).into());
        }
        Ok(String::from_utf8(output.stdout)?)
    };
    let installed_kib: u64 = dpkg(&["--field"])?
        .lines()
        .find_map(|line| line.strip_prefix("Installed-Size:"))
        .and_then(|size| size.trim().parse().ok())
        .ok_or("no Installed-Size")?;
    // `-rwxr-xr-x 0/0 12345 2026-11-24 06:00 usr/bin/name` (tar's listing; some tools write
    // `./usr/bin/name`)
    let executable_bytes: u64 = dpkg(&["--contents"])?
        .lines()
        .find(|line| line.starts_with('-') && line.contains("usr/bin/"))
        .and_then(|line| line.split_whitespace().nth(2))
        .and_then(|size| size.parse().ok())
        .ok_or("no executable in usr/bin")?;
    let file_bytes = std::fs::metadata(deb)?.len();
    let in_mib = |bytes: u64| format!("{:.1}", bytes as f64 / (1024.0 * 1024.0));
    Ok(format!(
        "| {} | {} | {:.1} | {} |",
        deb.file_name()
            .map(|name| name.to_string_lossy())
            .unwrap_or_default(),
        in_mib(file_bytes),
        installed_kib as f64 / 1024.0,
        in_mib(executable_bytes)
    ))
}
