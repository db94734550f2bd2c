//! Keeps the process's memory off the disk. Decrypted notes and the database key live in
//! memory while the vault is open; a crash that wrote a core dump would put them in a file,
//! outside the vault, in clear.

/// Turns core dumps off for this process and every process it starts (the webview's among
/// them: the limit is inherited and, with its ceiling at zero, cannot be raised again), and
/// makes this process not dumpable, which also keeps other processes of the same user from
/// reading its memory through ptrace or /proc. Called first thing by the app and the CLI.
///
/// Where the platform has no such switch this does nothing; docs/release.md says what stands
/// in for it there.
pub fn keep_memory_off_disk() -> std::io::Result<()> {
    #[cfg(any(target_os = "linux", target_os = "macos"))]
    {
        use rustix::process::{setrlimit, Resource, Rlimit};
        setrlimit(
            Resource::Core,
            Rlimit {
                current: Some(0),
                maximum: Some(0),
            },
        )?;
    }
    #[cfg(target_os = "linux")]
    {
        use rustix::process::{set_dumpable_behavior, DumpableBehavior};
        set_dumpable_behavior(DumpableBehavior::NotDumpable)?;
    }
    Ok(())
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    /// In a child process, so the test binary itself stays as it was: what the guard sets is
    /// read back from the kernel, and inherited by a process the guarded one starts.
    #[test]
    fn core_dumps_are_off_for_the_process_and_its_children() -> std::io::Result<()> {
        if std::env::var_os("KIZUKI_GUARD_CHILD").is_some() {
            keep_memory_off_disk()?;
            use rustix::process::{dumpable_behavior, getrlimit, DumpableBehavior, Resource};
            let core = getrlimit(Resource::Core);
            assert_eq!((core.current, core.maximum), (Some(0), Some(0)));
            assert_eq!(dumpable_behavior()?, DumpableBehavior::NotDumpable);
            let limits = std::process::Command::new("cat")
                .arg("/proc/self/limits")
                .output()?;
            let limits = String::from_utf8_lossy(&limits.stdout).into_owned();
            let core_line = limits
                .lines()
                .find(|line| line.starts_with("Max core file size"))
                .unwrap_or_default();
            let fields: Vec<&str> = core_line.split_whitespace().collect();
            assert_eq!(fields.get(4..6), Some(&["0", "0"][..]), "{core_line}");
            return Ok(());
        }
        let status = crate::test_support::this_test_again(
            "process_guard::tests::core_dumps_are_off_for_the_process_and_its_children",
            &[],
        )?
        .env("KIZUKI_GUARD_CHILD", "1")
        .status()?;
        assert!(status.success(), "the guarded child failed its checks");
        Ok(())
    }
}
