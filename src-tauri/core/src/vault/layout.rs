//! Which files make a vault, and what state a data directory is in.

use std::path::{Path, PathBuf};

use serde::Serialize;

/// The encrypted database.
pub(crate) const DATABASE_FILE: &str = "kizuki.db";
/// The database key wrapped to the passphrase (age, scrypt).
pub(crate) const PASSPHRASE_KEY_FILE: &str = "key.passphrase.age";
/// The database key wrapped to the recovery key (age, X25519).
pub(crate) const RECOVERY_KEY_FILE: &str = "key.recovery.age";

/// Present only while a setup runs: a setup stopped by a crash or a power cut leaves it, and
/// the directory then reads as an interrupted setup that can be discarded, never as a damaged
/// vault. No record is written before the setup returns, so discarding loses nothing.
pub(crate) const SETUP_MARKER_FILE: &str = "setup-incomplete";

/// What a data directory holds, as seen before any key is tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum VaultStatus {
    /// No vault yet: setup is next.
    Uninitialized,
    /// A complete vault, waiting for its passphrase.
    Locked,
    /// Open in this process. Only a front-end holding a [`super::Vault`] reports this.
    Unlocked,
    /// Some vault files exist and others are missing: nothing may be created or overwritten.
    /// With the database and the recovery file, the recovery key opens it.
    Damaged,
    /// A setup stopped before it finished; it holds no records and can be discarded.
    SetupInterrupted,
}

/// The paths of one vault's files.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    dir: PathBuf,
}

impl Layout {
    pub(crate) fn new(dir: &Path) -> Self {
        Self {
            dir: dir.to_path_buf(),
        }
    }

    pub(crate) fn dir(&self) -> &Path {
        &self.dir
    }

    pub(crate) fn database(&self) -> PathBuf {
        self.dir.join(DATABASE_FILE)
    }

    pub(crate) fn passphrase_key(&self) -> PathBuf {
        self.dir.join(PASSPHRASE_KEY_FILE)
    }

    pub(crate) fn recovery_key(&self) -> PathBuf {
        self.dir.join(RECOVERY_KEY_FILE)
    }

    pub(crate) fn setup_marker(&self) -> PathBuf {
        self.dir.join(SETUP_MARKER_FILE)
    }

    /// SQLite's companions of the database file, which hold data too while it is open.
    pub(crate) fn database_companions(&self) -> [PathBuf; 3] {
        ["-wal", "-shm", "-journal"].map(|suffix| self.dir.join(format!("{DATABASE_FILE}{suffix}")))
    }

    /// Only a definite "not found" counts as absent: a file that cannot be examined (no
    /// permission, not a directory, I/O error) makes the directory damaged, so setup never
    /// mistakes an unreadable vault for no vault.
    ///
    /// The passphrase file and the database make a vault that unlocks: a recovery file that is
    /// missing is reported after the unlock ([`super::RecoveryFileState`]), when a new one can
    /// be issued.
    ///
    /// The marker counts only while the passphrase file, which a setup writes last, is absent:
    /// a marker beside a finished vault (a crash after the last file, a copy, a sync tool) is
    /// stale, and a finished vault is never offered for discarding.
    pub(crate) fn status(&self) -> VaultStatus {
        // Something other than a folder where the vault's folder should be (a file of the
        // user's) is never an empty place to set up in. Linux says so for the files below
        // (ENOTDIR); Windows says they are not found.
        if let Ok(metadata) = std::fs::metadata(&self.dir) {
            if !metadata.is_dir() {
                return VaultStatus::Damaged;
            }
        }
        let files = [self.database(), self.passphrase_key(), self.recovery_key()]
            .map(|path| presence(&path));
        match (presence(&self.setup_marker()), files[1]) {
            (Presence::Absent, _) | (Presence::File, Presence::File) => {}
            (Presence::File, Presence::Absent) => return VaultStatus::SetupInterrupted,
            _ => return VaultStatus::Damaged,
        }
        match files {
            [Presence::Absent, Presence::Absent, Presence::Absent] => VaultStatus::Uninitialized,
            [Presence::File, Presence::File, Presence::File | Presence::Absent] => {
                VaultStatus::Locked
            }
            _ => VaultStatus::Damaged,
        }
    }

    /// Whether the recovery key could open what is here: the database and the recovery file,
    /// whatever became of the passphrase file.
    pub(crate) fn recoverable(&self) -> bool {
        presence(&self.setup_marker()) == Presence::Absent
            && presence(&self.database()) == Presence::File
            && presence(&self.recovery_key()) == Presence::File
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Presence {
    File,
    Absent,
    Unknown,
}

fn presence(path: &Path) -> Presence {
    match std::fs::metadata(path) {
        Ok(metadata) if metadata.is_file() => Presence::File,
        Ok(_) => Presence::Unknown,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Presence::Absent,
        Err(_) => Presence::Unknown,
    }
}
