//! The built app, started through `tauri-driver` in a home of its own.
//!
//! Everything the app or its webview could write — the vault, `$HOME`, the XDG data, cache,
//! config and runtime dirs, `$TMPDIR` — lives under one temporary root, so a test can afterwards
//! prove that no plaintext reached any of it.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::thread::sleep;
use std::time::{Duration, Instant};

use crate::webdriver::Session;
use crate::Result;

/// One isolated installation: a root directory, a session bus of its own, a running
/// `tauri-driver`, the app binary.
#[derive(Debug)]
pub struct Harness {
    root: tempfile::TempDir,
    bus: Child,
    driver: Child,
    port: u16,
    application: String,
}

/// A session bus that only relays: no service is started on demand, so nothing of the
/// machine's desktop joins the test.
const SESSION_BUS_CONFIG: &str = r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=BUS_PATH</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#;

impl Harness {
    /// Starts `tauri-driver` for the app named by `KIZUKI_APP` (or the default debug build).
    pub fn start() -> Result<Self> {
        Self::start_app(&application_path()?)
    }

    /// Starts `tauri-driver` for the app built at `application`.
    pub fn start_app(application: &Path) -> Result<Self> {
        if !application.is_file() {
            return Err(format!(
                "no app is built at {} (scripts/test.sh builds Kizuki for the tests, \
                 scripts/bench-desktop.sh both apps for the benchmark)",
                application.display()
            )
            .into());
        }
        let application = application.to_string_lossy().into_owned();
        if std::env::var_os("KIZUKI_E2E_NO_NETWORK").is_some() {
            require_no_network()?;
        }
        let root = tempfile::Builder::new().prefix("kizuki-e2e-").tempdir()?;
        for dir in [
            "vault",
            "home",
            "data",
            "cache",
            "config",
            "runtime",
            "tmp",
            "home/報告書",
        ] {
            std::fs::create_dir_all(root.path().join(dir))?;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(
                root.path().join("runtime"),
                std::fs::Permissions::from_mode(0o700),
            )?;
        }
        let at = |dir: &str| root.path().join(dir);
        let bus_path = at("runtime").join("bus");
        let bus_config = root.path().join("session-bus.conf");
        std::fs::write(
            &bus_config,
            SESSION_BUS_CONFIG.replace("BUS_PATH", &bus_path.to_string_lossy()),
        )?;
        let bus_log = std::fs::File::create(root.path().join("session-bus.log"))?;
        let bus = Command::new("dbus-daemon")
            .arg(format!("--config-file={}", bus_config.display()))
            .arg("--nofork")
            .stdout(bus_log.try_clone()?)
            .stderr(bus_log)
            .spawn()
            .map_err(|e| {
                format!("dbus-daemon could not start (scripts/test.sh installs it): {e}")
            })?;
        wait_for_socket(&bus_path)?;
        let port = free_port()?;
        let native_port = free_port()?;
        let log = std::fs::File::create(root.path().join("tauri-driver.log"))?;
        let mut command = Command::new("tauri-driver");
        // Its own process group, so that stopping the harness also stops the WebKitWebDriver and
        // app it started, which a plain kill of tauri-driver would orphan.
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let driver = command
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("KIZUKI_DATA_DIR", at("vault"))
            .env("HOME", at("home"))
            .env("XDG_DATA_HOME", at("data"))
            .env("XDG_CACHE_HOME", at("cache"))
            .env("XDG_CONFIG_HOME", at("config"))
            .env("XDG_RUNTIME_DIR", at("runtime"))
            .env("TMPDIR", at("tmp"))
            // WebDriver cannot reach the system's folder chooser: a `webdriver` build takes
            // this folder as the consultant's choice (see the shell's folder_choice.rs).
            .env("KIZUKI_E2E_CHOSEN_FOLDER", at("home/報告書"))
            .env(
                "DBUS_SESSION_BUS_ADDRESS",
                format!("unix:path={}", bus_path.display()),
            )
            // No accessibility bus exists under Xvfb; without this GTK waits for one.
            .env("NO_AT_BRIDGE", "1")
            // A Japanese desktop, as the consultants' are: GTK then names its printers in
            // Japanese (printing a report must not depend on the English names).
            .env("LANGUAGE", "ja")
            .stdout(log.try_clone()?)
            .stderr(log)
            .spawn()
            .map_err(|e| {
                format!("tauri-driver could not start (run scripts/test.sh to install it): {e}")
            })?;
        wait_for_port(port)?;
        Ok(Self {
            root,
            bus,
            driver,
            port,
            application,
        })
    }

    /// Opens the app window: a new WebDriver session.
    pub fn launch(&self) -> Result<Session> {
        Session::start(self.port, &self.application).map_err(|error| {
            format!(
                "{error} (the app must allow automation: Kizuki does only when built with \
                 `--features webdriver`)"
            )
            .into()
        })
    }

    /// The app's executable.
    pub fn application(&self) -> &Path {
        Path::new(&self.application)
    }

    /// Everything the app could have written.
    pub fn root(&self) -> &Path {
        self.root.path()
    }

    /// The vault's data directory.
    pub fn vault_dir(&self) -> PathBuf {
        self.root.path().join("vault")
    }

    /// Says on the app's session bus what a desktop's screen saver says when the screen locks.
    pub fn lock_the_screen(&self) -> Result<()> {
        let status = Command::new("dbus-send")
            .arg(format!(
                "--bus=unix:path={}",
                self.root.path().join("runtime/bus").display()
            ))
            .args([
                "--type=signal",
                "/org/freedesktop/ScreenSaver",
                "org.freedesktop.ScreenSaver.ActiveChanged",
                "boolean:true",
            ])
            .status()?;
        if !status.success() {
            return Err("dbus-send could not signal the screen lock".into());
        }
        Ok(())
    }
}

impl Harness {
    /// What tauri-driver, WebKitWebDriver and the app printed, for a failing test's report.
    pub fn driver_log(&self) -> String {
        std::fs::read_to_string(self.root.path().join("tauri-driver.log")).unwrap_or_default()
    }
}

impl Drop for Harness {
    fn drop(&mut self) {
        // SIGTERM to the whole group; `kill` the command keeps this crate free of libc.
        let _ = Command::new("kill")
            .args(["-TERM", "--", &format!("-{}", self.driver.id())])
            .status();
        let _ = self.driver.wait();
        let _ = self.bus.kill();
        let _ = self.bus.wait();
    }
}

fn application_path() -> Result<PathBuf> {
    Ok(match std::env::var_os("KIZUKI_APP") {
        Some(path) => PathBuf::from(path),
        None => {
            // Only a build with the webdriver feature can be driven: scripts/test.sh makes one.
            let target = std::env::var_os("CARGO_TARGET_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
            target.join("debug/kizuki-desktop")
        }
    })
}

/// The run must be cut off from every network: only the loopback may exist (scripts/test.sh
/// runs the suite in a network namespace of its own).
fn require_no_network() -> Result<()> {
    // /proc/net is this process's namespace; /sys/class/net would show the mounting one's.
    let mut interfaces: Vec<String> = std::fs::read_to_string("/proc/net/dev")?
        .lines()
        .skip(2)
        .filter_map(|line| line.split_once(':'))
        .map(|(name, _)| name.trim().to_owned())
        .collect();
    interfaces.sort();
    if interfaces != ["lo"] {
        return Err(format!("the end-to-end run can reach a network: {interfaces:?}").into());
    }
    Ok(())
}

fn free_port() -> Result<u16> {
    Ok(TcpListener::bind(("127.0.0.1", 0))?.local_addr()?.port())
}

fn wait_for_socket(path: &Path) -> Result<()> {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !path.exists() {
        if Instant::now() > deadline {
            return Err(format!("the session bus did not listen at {}", path.display()).into());
        }
        sleep(Duration::from_millis(20));
    }
    Ok(())
}

fn wait_for_port(port: u16) -> Result<()> {
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if Instant::now() > deadline {
            return Err(format!("tauri-driver did not listen on port {port}").into());
        }
        sleep(Duration::from_millis(50));
    }
    Ok(())
}

/// A string from the UI's locale files, by dotted key (`errors.wrong_passphrase`).
pub fn message(language: &str, key: &str) -> Result<String> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../ui/src/locales/{language}.json"));
    let locale: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    let value = key.split('.').fold(&locale, |node, part| &node[part]);
    Ok(value
        .as_str()
        .ok_or_else(|| format!("no {language} string for {key}"))?
        .to_owned())
}

/// Saves a screenshot when `KIZUKI_SCREENSHOTS` names a directory (relative to the repository).
pub fn keep_screenshot(session: &Session, name: &str) -> Result<()> {
    let Some(dir) = std::env::var_os("KIZUKI_SCREENSHOTS") else {
        return Ok(());
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(dir);
    std::fs::create_dir_all(&dir)?;
    // The element a step waits for exists before its first paint; let the frame land.
    std::thread::sleep(Duration::from_millis(500));
    std::fs::write(dir.join(format!("{name}.png")), session.screenshot()?)?;
    Ok(())
}
