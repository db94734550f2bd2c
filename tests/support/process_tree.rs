//! A running app and every process it started (the webview's own), read from `/proc`: how much
//! memory the whole of it holds, and what guards each of them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::Result;

/// The memory of a process tree.
#[derive(Debug, Clone, Copy)]
pub struct Memory {
    pub processes: usize,
    /// Resident memory, summed: libraries the processes share are counted in each.
    pub rss_kib: u64,
    /// Proportional set size, summed: each shared page divided among its sharers, so the sum is
    /// what the tree costs the machine.
    pub pss_kib: u64,
    /// The app's own process (the Rust side, SQLite's cache, GTK) of `pss_kib`; the rest is the
    /// webview's processes.
    pub app_pss_kib: u64,
}

/// The memory of the one running process of `executable` and all its descendants.
///
/// Reads `/proc/<pid>/exe` and `smaps_rollup`: Kizuki makes itself undumpable, so this needs
/// root (CAP_SYS_PTRACE), as dropping the page cache does.
pub fn memory_of(executable: &Path) -> Result<Memory> {
    let tree = tree_of(executable)?;
    let root = tree[0];
    let mut memory = Memory {
        processes: 0,
        rss_kib: 0,
        pss_kib: 0,
        app_pss_kib: 0,
    };
    for pid in tree {
        let read = |file: &str| std::fs::read_to_string(format!("/proc/{pid}/{file}"));
        let (status, rollup) = match (read("status"), read("smaps_rollup")) {
            (Ok(status), Ok(rollup)) => (status, rollup),
            // A helper that exited between the listing and the reading holds nothing; the app
            // itself must still be there, and any other failure (no right to read) would
            // quietly shrink the sum.
            (Err(error), _) | (_, Err(error)) if pid != root && exited(&error) => continue,
            (Err(error), _) | (_, Err(error)) => {
                return Err(format!("reading the memory of process {pid}: {error}").into())
            }
        };
        let pss =
            kib(&rollup, "Pss:").ok_or_else(|| format!("no Pss in /proc/{pid}/smaps_rollup"))?;
        memory.processes += 1;
        memory.rss_kib +=
            kib(&status, "VmRSS:").ok_or_else(|| format!("no VmRSS in /proc/{pid}/status"))?;
        memory.pss_kib += pss;
        if pid == root {
            memory.app_pss_kib = pss;
        }
    }
    Ok(memory)
}

/// The one running process of `executable` first, then all its descendants.
pub fn tree_of(executable: &Path) -> Result<Vec<u32>> {
    let root =
        running(executable)?.ok_or_else(|| format!("{} is not running", executable.display()))?;
    let children = children_by_parent()?;
    let mut tree = vec![root];
    let mut index = 0;
    while index < tree.len() {
        tree.extend(children.get(&tree[index]).into_iter().flatten());
        index += 1;
    }
    Ok(tree)
}

/// Whether reading a process's `/proc` files failed because it is gone: the directory vanished
/// (ENOENT), or the process went while its file was open (ESRCH).
pub fn exited(error: &std::io::Error) -> bool {
    const ESRCH: i32 = 3;
    error.kind() == std::io::ErrorKind::NotFound || error.raw_os_error() == Some(ESRCH)
}

/// Waits until no process of `executable` runs: the next start must not find the last one
/// still holding the vault.
pub fn wait_until_gone(executable: &Path) -> Result<()> {
    let deadline = Instant::now() + Duration::from_secs(30);
    while running(executable)?.is_some() {
        if Instant::now() > deadline {
            return Err(format!("{} did not exit", executable.display()).into());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Ok(())
}

/// The pid of the running process of `executable`, if one runs; more than one is an error.
fn running(executable: &Path) -> Result<Option<u32>> {
    let wanted: PathBuf = executable.canonicalize()?;
    let mut found = None;
    for pid in pids()? {
        let Ok(exe) = std::fs::read_link(format!("/proc/{pid}/exe")) else {
            continue;
        };
        if exe == wanted {
            if found.is_some() {
                return Err(format!("more than one {} runs", wanted.display()).into());
            }
            found = Some(pid);
        }
    }
    Ok(found)
}

fn children_by_parent() -> Result<HashMap<u32, Vec<u32>>> {
    let mut children: HashMap<u32, Vec<u32>> = HashMap::new();
    for pid in pids()? {
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        // `pid (comm) state ppid …`: the name may hold spaces and parentheses, the last `)` ends it.
        let parent = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1))
            .and_then(|ppid| ppid.parse().ok());
        if let Some(parent) = parent {
            children.entry(parent).or_default().push(pid);
        }
    }
    Ok(children)
}

fn pids() -> Result<Vec<u32>> {
    Ok(std::fs::read_dir("/proc")?
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse().ok())
        .collect())
}

/// The number after `field` in a `/proc` file's `Field:   1234 kB` lines.
fn kib(text: &str, field: &str) -> Option<u64> {
    text.lines()
        .find_map(|line| line.strip_prefix(field))?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}
