//! The vault: one data directory holding the encrypted database and the wrapped database key.
//!
//! A [`Vault`] value *is* an unlocked vault: it can only be obtained by creating or unlocking one,
//! and [`Vault::lock`] consumes it, closing the database and zeroing the key. A locked vault is
//! simply the absence of a `Vault`.

mod error;
mod health;
pub(crate) mod key;
mod layout;
mod new_key;
mod passphrase;
mod recovery_key;
mod rekey;
mod throttle;

use std::fs;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use age::secrecy::SecretString;
use sqlx::SqlitePool;

use crate::db::{self, OpenMode};
use crate::fs_atomic;
pub use error::{Error, Result};
pub use health::VaultHealth;
use key::{DatabaseKey, KdfCost};
pub use layout::VaultStatus;
pub(crate) use layout::{Layout, DATABASE_FILE, PASSPHRASE_KEY_FILE, RECOVERY_KEY_FILE};
pub use new_key::RekeyFailure;
pub use passphrase::MIN_PASSPHRASE_CHARS;
pub use recovery_key::RecoveryKey;
pub use rekey::RecoveryFileState;
pub use throttle::{delay_after_failures, UnlockGate};

/// How long locking waits for the last connection to close.
const CLOSE_TIMEOUT: Duration = Duration::from_secs(5);

/// An unlocked vault. Not `Clone`: there is one owner of the open database and of the key.
#[derive(Debug)]
pub struct Vault {
    layout: Layout,
    pool: SqlitePool,
    /// Kept for re-wrapping when the passphrase changes; shared with the pool's connection hook.
    key: Arc<DatabaseKey>,
}

impl Vault {
    /// What the directory holds, without trying any key.
    pub fn status(dir: &Path) -> VaultStatus {
        Layout::new(dir).status()
    }

    /// Creates a vault in `dir` (made if missing, readable only by this user) and returns it
    /// unlocked, with the recovery key that must be shown to the consultant once.
    pub async fn create(dir: &Path, passphrase: &SecretString) -> Result<(Self, RecoveryKey)> {
        Self::create_with_cost(dir, passphrase, KdfCost::Calibrated).await
    }

    pub(crate) async fn create_with_cost(
        dir: &Path,
        passphrase: &SecretString,
        cost: KdfCost,
    ) -> Result<(Self, RecoveryKey)> {
        passphrase::check_new(passphrase)?;
        let layout = Layout::new(dir);
        match layout.status() {
            VaultStatus::Uninitialized => {}
            VaultStatus::Damaged => return Err(Error::Damaged("some vault files already exist")),
            VaultStatus::SetupInterrupted => return Err(Error::SetupInterrupted),
            VaultStatus::Locked | VaultStatus::Unlocked => return Err(Error::AlreadyExists),
        }
        // A rekey's staging folder left where no vault is any more holds nothing to keep.
        new_key::discard_staging(dir)?;
        fs_atomic::create_private_dir(layout.dir())?;
        // Claim the setup marker, then the database name, before any work: of two setups
        // racing in one directory (a double submit, the CLI beside the app), exactly one gets
        // past these lines, so the cleanup below can only ever remove files of this setup. The
        // marker stays until the last file is written, so a setup stopped anywhere in between
        // is recognised as one.
        let claim = |path: &Path| {
            fs_atomic::claim_new_file(path).map_err(|error| match error.kind() {
                std::io::ErrorKind::AlreadyExists => Error::AlreadyExists,
                _ => Error::Io(error),
            })
        };
        claim(&layout.setup_marker())?;
        if let Err(error) = claim(&layout.database()) {
            let _ = fs::remove_file(layout.setup_marker());
            return Err(error);
        }

        let key = Arc::new(DatabaseKey::generate());
        let recovery_key = RecoveryKey::generate();
        let created = async {
            let wrapped_for_recovery = key.wrap_to_recovery_key(&recovery_key)?;
            let wrapped_for_passphrase = {
                let (key, passphrase) = (Arc::clone(&key), passphrase.clone());
                tokio::task::spawn_blocking(move || key.wrap_to_passphrase(&passphrase, cost))
                    .await??
            };
            let pool = db::open(&layout.database(), Arc::clone(&key), OpenMode::Create).await?;
            rekey::remember_recovery_file(&pool, &recovery_key, &wrapped_for_recovery).await?;
            fs_atomic::write_file(&layout.recovery_key(), &wrapped_for_recovery)?;
            // The passphrase file is written last, and the marker removed after it: until
            // then, the vault is not complete.
            fs_atomic::write_file(&layout.passphrase_key(), &wrapped_for_passphrase)?;
            fs_atomic::remove_file(&layout.setup_marker())?;
            Ok::<_, Error>(pool)
        }
        .await;
        match created {
            Ok(pool) => Ok((Self { layout, pool, key }, recovery_key)),
            Err(error) => {
                remove_partial_vault(&layout);
                Err(error)
            }
        }
    }

    /// Copies the database whole into a new file `to` (`VACUUM INTO`): on a plain vault, the
    /// counterpart of a rekey's copy under a new key, for the benchmark. Only the `bench`
    /// feature has it.
    #[cfg(feature = "bench")]
    pub async fn copy_for_benchmark(&self, to: &Path) -> Result<()> {
        sqlx::query("VACUUM INTO ?")
            .bind(to.to_string_lossy().into_owned())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// A vault over a plain, unencrypted SQLite database in `dir`, for benchmarks that run the
    /// same workload on both. Only the `bench` feature has it; the product never does.
    #[cfg(feature = "bench")]
    pub async fn create_unencrypted_for_benchmark(dir: &Path) -> Result<Self> {
        let layout = Layout::new(dir);
        fs_atomic::create_private_dir(layout.dir())?;
        let pool = db::open_plain(&layout.database()).await?;
        Ok(Self {
            layout,
            pool,
            key: Arc::new(DatabaseKey::generate()),
        })
    }

    /// Opens the passphrase file of the vault in `dir` and nothing else: the scrypt every unlock
    /// pays, which the desktop benchmark reports apart. Returns the work factor (log2 N) the
    /// file was written with. Only the `bench` feature has it.
    #[cfg(feature = "bench")]
    pub fn open_passphrase_file_for_benchmark(dir: &Path, passphrase: &SecretString) -> Result<u8> {
        let wrapped = fs::read(Self::existing_layout(dir)?.passphrase_key())?;
        DatabaseKey::unwrap_with_passphrase(&wrapped, passphrase)?;
        key::scrypt_log_n(&wrapped).ok_or(Error::Damaged("key file header"))
    }

    /// Unlocks with the passphrase. A wrong passphrase changes no file.
    pub async fn unlock(dir: &Path, passphrase: &SecretString) -> Result<Self> {
        let layout = Self::existing_layout(dir)?;
        let wrapped = fs::read(layout.passphrase_key())?;
        let passphrase = passphrase.clone();
        let key = tokio::task::spawn_blocking(move || {
            DatabaseKey::unwrap_with_passphrase(&wrapped, &passphrase)
        })
        .await??;
        Self::open(layout, key).await
    }

    /// Unlocks with the recovery key and replaces the forgotten passphrase with a new one.
    /// The database and the recovery file are all it needs: a passphrase file that is lost,
    /// damaged or too costly to open is the case recovery exists for.
    pub async fn recover(
        dir: &Path,
        recovery_key: &RecoveryKey,
        new_passphrase: &SecretString,
    ) -> Result<Self> {
        passphrase::check_new(new_passphrase)?;
        new_key::finish_interrupted_rekey(dir)?;
        let layout = Layout::new(dir);
        match layout.status() {
            VaultStatus::SetupInterrupted => return Err(Error::SetupInterrupted),
            VaultStatus::Uninitialized => return Err(Error::NotFound),
            _ if !layout.recoverable() => {
                return Err(Error::Damaged(
                    "the database or the recovery file is missing",
                ))
            }
            _ => {}
        }
        let wrapped = fs::read(layout.recovery_key())?;
        let key = DatabaseKey::unwrap_with_recovery_key(&wrapped, recovery_key)?;
        let vault = Self::open(layout, key).await?;
        vault.rewrap_passphrase(new_passphrase).await?;
        // The file just opened with the key: whatever was recorded of it, this is it.
        rekey::remember_recovery_file(&vault.pool, recovery_key, &wrapped).await?;
        Ok(vault)
    }

    /// Removes what a setup that stopped before it finished left, so that setup can start
    /// again. Only ever when the setup's marker is there: a vault that finished its setup is
    /// never touched.
    pub fn discard_interrupted_setup(dir: &Path) -> Result<()> {
        let layout = Layout::new(dir);
        match layout.status() {
            VaultStatus::SetupInterrupted => {}
            VaultStatus::Uninitialized => return Err(Error::NotFound),
            VaultStatus::Damaged => return Err(Error::Damaged("not an interrupted setup")),
            VaultStatus::Locked | VaultStatus::Unlocked => return Err(Error::AlreadyExists),
        }
        // A rekey's staging folder left where no vault is any more holds nothing to keep.
        new_key::discard_staging(dir)?;
        remove_partial_vault(&layout);
        Ok(())
    }

    /// The recovery key's public half, when the vault knows it (backups can be encrypted to it).
    pub(crate) async fn recovery_recipient(&self) -> Result<Option<String>> {
        Ok(
            sqlx::query_scalar("SELECT recovery_recipient FROM vault_settings WHERE id = 1")
                .fetch_one(&self.pool)
                .await?,
        )
    }

    /// Closes the database and drops the key, which zeroes it.
    pub async fn lock(self) {
        self.pool.close().await;
        // sqlx 0.8's close() can return while a connection released a moment earlier is still
        // being closed by a background task; until it is, SQLCipher holds the key and the
        // write-ahead log is not checkpointed. Wait for the pool to be empty.
        let deadline = tokio::time::Instant::now() + CLOSE_TIMEOUT;
        while self.pool.size() > 0 && tokio::time::Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        let [log, ..] = self.layout.database_companions();
        if log.exists() {
            // Locking cannot fail; a log that stays is folded in at the next unlock.
            let _ = db::fold_log(&self.layout.database(), Arc::clone(&self.key)).await;
        }
    }

    /// A unit of work that writes: every row it writes lands together at `commit()`, or none
    /// does. `BEGIN IMMEDIATE` takes the write lock at once, so two writers never deadlock
    /// upgrading from a read (`busy_timeout` cannot resolve that case).
    pub(crate) async fn write(&self) -> sqlx::Result<sqlx::Transaction<'static, sqlx::Sqlite>> {
        self.pool.begin_with("BEGIN IMMEDIATE").await
    }

    /// Whether SQLite finds the database whole (`PRAGMA integrity_check`), as a restore
    /// checks before it puts a vault in place.
    pub(crate) async fn integrity_check(&self) -> Result<bool> {
        let verdict: String = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(&self.pool)
            .await?;
        Ok(verdict == "ok")
    }

    /// The vault's files, for a backup taken while the write lock is held.
    pub(crate) fn layout(&self) -> &Layout {
        &self.layout
    }

    #[cfg(test)]
    pub(crate) fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// The database key and file, for tests that read the pages themselves.
    #[cfg(test)]
    pub(crate) fn key_and_database(&self) -> ([u8; 32], std::path::PathBuf) {
        (self.key.raw_bytes(), self.layout.database())
    }

    /// Copies every page of the write-ahead log into the database and empties the log, so
    /// that old versions of pages (the text of an erased record) are gone from it. Returns
    /// whether it completed: a reader in the middle of a transaction can hold it back.
    pub(crate) async fn truncate_log(&self) -> sqlx::Result<bool> {
        let (busy, _, _): (i64, i64, i64) = sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
            .fetch_one(&self.pool)
            .await?;
        Ok(busy == 0)
    }

    /// A read of several queries that must see one consistent state of the database.
    pub(crate) async fn read(&self) -> sqlx::Result<sqlx::Transaction<'static, sqlx::Sqlite>> {
        self.pool.begin().await
    }

    fn existing_layout(dir: &Path) -> Result<Layout> {
        new_key::finish_interrupted_rekey(dir)?;
        let layout = Layout::new(dir);
        match layout.status() {
            VaultStatus::Locked | VaultStatus::Unlocked => Ok(layout),
            VaultStatus::Uninitialized => Err(Error::NotFound),
            VaultStatus::SetupInterrupted => Err(Error::SetupInterrupted),
            VaultStatus::Damaged => Err(Error::Damaged("some vault files are missing")),
        }
    }

    async fn open(layout: Layout, key: DatabaseKey) -> Result<Self> {
        // Opened: this process now owns the directory's writes for a while, and what a
        // crash left half-written long ago can go, with a setup marker a finished vault
        // no longer needs.
        let _ = fs_atomic::sweep_stale_temporaries(layout.dir());
        if layout.setup_marker().exists() {
            let _ = fs_atomic::remove_file(&layout.setup_marker());
        }
        let key = Arc::new(key);
        let pool = db::open(&layout.database(), Arc::clone(&key), OpenMode::Existing).await?;
        Ok(Self { layout, pool, key })
    }
}

impl UnlockGate {
    /// [`Vault::unlock`], slowed down after repeated wrong passphrases.
    pub async fn unlock(&self, dir: &Path, passphrase: &SecretString) -> Result<Vault> {
        self.attempt(
            |e| matches!(e, Error::WrongPassphrase),
            Vault::unlock(dir, passphrase),
        )
        .await
    }

    /// [`Vault::recover`], slowed down after repeated wrong recovery keys.
    pub async fn recover(
        &self,
        dir: &Path,
        recovery_key: &RecoveryKey,
        new_passphrase: &SecretString,
    ) -> Result<Vault> {
        self.attempt(
            |e| matches!(e, Error::WrongRecoveryKey),
            Vault::recover(dir, recovery_key, new_passphrase),
        )
        .await
    }
}

/// Undoes a setup that failed halfway, so the directory is back to "no vault" rather than
/// "damaged". Every vault file here is this setup's: it found none, then claimed the marker
/// and the database name exclusively, and nothing else writes key files without a finished
/// vault. The marker goes last, so a removal stopped halfway still reads as interrupted.
fn remove_partial_vault(layout: &Layout) {
    let files = [
        layout.passphrase_key(),
        layout.recovery_key(),
        layout.database(),
    ];
    for path in files.iter().chain(layout.database_companions().iter()) {
        let _ = fs::remove_file(path);
    }
    let _ = fs_atomic::remove_file(&layout.setup_marker());
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod lifecycle_tests;

#[cfg(all(test, unix))]
mod crash_tests;

#[cfg(all(test, unix))]
mod new_key_tests;

#[cfg(all(test, target_os = "linux"))]
mod surroundings_tests;
