//! One program at a time per vault: the app, or one `kizuki` command. Two of them on one vault
//! would each keep their own view of it (the unlock throttle, a setup under way, a restore
//! putting a directory in place), and one could discard or replace what the other is using.
//!
//! The lock is a file beside the data directory, not in it: a restore puts a whole directory
//! in place by a rename, and a lock inside would be in the way. The operating system releases
//! it when the process ends, however it ends, so a crash never leaves the vault locked out.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use crate::{fs_atomic, ErrorCode};

/// Held while this process may use the vault in a data directory.
#[derive(Debug)]
pub struct InstanceLock {
    _file: File,
}

/// Why the vault could not be claimed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Another Kizuki (the app or a command) has this vault open.
    #[error("another Kizuki has this vault open")]
    InUse,
    /// The lock file could not be made or opened.
    #[error("the vault's lock file could not be opened")]
    Io(#[from] std::io::Error),
}

impl Error {
    /// The code front-ends translate for the user.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::InUse => ErrorCode::VaultInUse,
            Self::Io(error) => ErrorCode::of_io(error),
        }
    }
}

impl InstanceLock {
    /// Claims the vault in `data_dir` for this process, or says another has it.
    pub fn acquire(data_dir: &Path) -> Result<Self, Error> {
        let path = lock_path(data_dir);
        if let Some(parent) = path.parent() {
            fs_atomic::create_private_dir(parent)?;
        }
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = options.open(&path)?;
        match file.try_lock() {
            Ok(()) => Ok(Self { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) => Err(Error::InUse),
            Err(std::fs::TryLockError::Error(error)) => Err(Error::Io(error)),
        }
    }
}

/// `.<name>.lock` beside the data directory `<name>`, by its real path: the same vault named
/// through a link or with `..` is one lock.
fn lock_path(data_dir: &Path) -> PathBuf {
    let data_dir = data_dir.canonicalize().unwrap_or_else(|_| {
        match (
            data_dir.parent().map(Path::canonicalize),
            data_dir.file_name(),
        ) {
            (Some(Ok(parent)), Some(name)) => parent.join(name),
            _ => data_dir.to_path_buf(),
        }
    });
    match (data_dir.parent(), data_dir.file_name()) {
        (Some(parent), Some(name)) => {
            let mut lock_name = std::ffi::OsString::from(".");
            lock_name.push(name);
            lock_name.push(".lock");
            parent.join(lock_name)
        }
        _ => data_dir.join(".kizuki.lock"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_holder_at_a_time_and_free_again_when_it_lets_go(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let parent = tempfile::tempdir()?;
        let vault = parent.path().join("vault");
        let first = InstanceLock::acquire(&vault)?;
        assert!(parent.path().join(".vault.lock").is_file());
        assert!(!vault.exists(), "nothing is put in the data directory");
        assert!(matches!(InstanceLock::acquire(&vault), Err(Error::InUse)));
        // The same vault by another name is the same lock.
        std::fs::create_dir(&vault)?;
        assert!(matches!(
            InstanceLock::acquire(&vault.join("..").join("vault")),
            Err(Error::InUse)
        ));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&vault, parent.path().join("link"))?;
            assert!(matches!(
                InstanceLock::acquire(&parent.path().join("link")),
                Err(Error::InUse)
            ));
        }
        // Another vault is another lock.
        InstanceLock::acquire(&parent.path().join("other"))?;
        drop(first);
        InstanceLock::acquire(&vault)?;
        Ok(())
    }
}
