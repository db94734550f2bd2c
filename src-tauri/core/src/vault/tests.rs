//! Vault behaviour against the real SQLCipher database and real age files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use age::secrecy::ExposeSecret;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};

use super::*;
use crate::client::{self, Client};
use crate::interview::{self, NewInterview};
use crate::test_support::fixtures;

use crate::test_support::{new_vault, secret};

/// Low enough for tests to create many vaults; the product always uses the calibrated cost.
pub(super) const TEST_COST: KdfCost = KdfCost::Fixed(10);

/// Adds a client of 株式会社サンプル, adding the company the first time.
pub(super) async fn add_client(
    vault: &Vault,
    name: &str,
    kana: &str,
) -> fixtures::TestResult<Client> {
    let companies = crate::company::list(vault).await?;
    let company_id = match companies.first() {
        Some(summary) => summary.company.id,
        None => fixtures::company(vault, "株式会社サンプル").await?,
    };
    let input = fixtures::client_input(company_id, name, kana);
    Ok(client::create(vault, &input).await?)
}

/// Every file under `dir` with its bytes, to prove an operation changed nothing.
pub(super) fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in std::fs::read_dir(&current).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.insert(path.clone(), std::fs::read(&path).unwrap_or_default());
            }
        }
    }
    files
}

fn files_containing(dir: &Path, needle: &[u8]) -> Vec<PathBuf> {
    snapshot(dir)
        .into_iter()
        .filter(|(_, bytes)| bytes.windows(needle.len()).any(|window| window == needle))
        .map(|(path, _)| path)
        .collect()
}

#[tokio::test]
async fn create_lock_and_unlock_keep_the_records() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    assert_eq!(Vault::status(dir.path()), VaultStatus::Uninitialized);
    let (vault, _recovery) = new_vault(dir.path()).await;
    let created = add_client(&vault, "山田 太郎", "やまだ たろう").await?;
    vault.lock().await;
    assert_eq!(Vault::status(dir.path()), VaultStatus::Locked);

    let vault = Vault::unlock(dir.path(), &secret("やまのうえのいけ")).await?;
    assert_eq!(client::get(&vault, created.id).await?, created);
    vault.lock().await;
    Ok(())
}

/// Files of `dir` this process still has open (Linux reports them under /proc/self/fd).
#[cfg(target_os = "linux")]
fn open_files_under(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir("/proc/self/fd")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|fd| std::fs::read_link(fd.path()).ok())
        .filter(|target| target.starts_with(dir))
        .collect()
}

#[cfg(target_os = "linux")]
#[tokio::test]
async fn locking_closes_every_connection_and_checkpoints_the_log(
) -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    add_client(&vault, "山田 太郎", "やまだ たろう").await?;
    assert!(!open_files_under(dir.path()).is_empty());
    vault.lock().await;
    // No open connection means SQLCipher holds no copy of the key either.
    assert_eq!(open_files_under(dir.path()), Vec::<PathBuf>::new());
    let layout = Layout::new(dir.path());
    assert!(layout
        .database_companions()
        .iter()
        .all(|companion| !companion.exists()));
    Ok(())
}

#[tokio::test]
async fn a_wrong_passphrase_is_refused_and_touches_no_file(
) -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    new_vault(dir.path()).await.0.lock().await;
    let before = snapshot(dir.path());

    let outcome = Vault::unlock(dir.path(), &secret("まちがったあいことば")).await;
    assert!(
        matches!(outcome, Err(Error::WrongPassphrase)),
        "{outcome:?}"
    );
    assert_eq!(
        outcome.err().map(|e| e.code()),
        Some(crate::ErrorCode::WrongPassphrase)
    );
    assert_eq!(snapshot(dir.path()), before);
    Ok(())
}

#[tokio::test]
async fn the_recovery_key_unlocks_and_replaces_a_forgotten_passphrase(
) -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let (vault, recovery) = new_vault(dir.path()).await;
    let created = add_client(&vault, "佐藤 花子", "さとう はなこ").await?;
    vault.lock().await;

    let typed_back = RecoveryKey::parse(&recovery.expose_text())?;
    let vault = Vault::recover(dir.path(), &typed_back, &secret("あたらしいあいことば")).await?;
    assert_eq!(client::get(&vault, created.id).await?.name, "佐藤 花子");
    vault.lock().await;

    assert!(matches!(
        Vault::unlock(dir.path(), &secret("やまのうえのいけ")).await,
        Err(Error::WrongPassphrase)
    ));
    Vault::unlock(dir.path(), &secret("あたらしいあいことば"))
        .await?
        .lock()
        .await;
    Ok(())
}

#[tokio::test]
async fn another_vaults_recovery_key_is_refused_without_changing_anything(
) -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    new_vault(dir.path()).await.0.lock().await;
    let before = snapshot(dir.path());
    let outcome = Vault::recover(
        dir.path(),
        &RecoveryKey::generate(),
        &secret("あたらしいあいことば"),
    )
    .await;
    assert!(
        matches!(outcome, Err(Error::WrongRecoveryKey)),
        "{outcome:?}"
    );
    assert_eq!(snapshot(dir.path()), before);
    Ok(())
}

#[tokio::test]
async fn a_short_passphrase_creates_nothing() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let outcome = Vault::create_with_cost(dir.path(), &secret("short"), TEST_COST).await;
    assert!(matches!(outcome, Err(Error::PassphraseTooShort { min: 8 })));
    assert_eq!(Vault::status(dir.path()), VaultStatus::Uninitialized);
    Ok(())
}

#[tokio::test]
async fn creating_over_an_existing_vault_is_refused() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    new_vault(dir.path()).await.0.lock().await;
    let before = snapshot(dir.path());
    let outcome = Vault::create_with_cost(dir.path(), &secret("べつのあいことば"), TEST_COST).await;
    assert!(matches!(outcome, Err(Error::AlreadyExists)));
    assert_eq!(snapshot(dir.path()), before);
    Ok(())
}

#[tokio::test]
async fn missing_or_damaged_files_are_reported_and_left_alone(
) -> Result<(), Box<dyn std::error::Error>> {
    let empty = tempfile::tempdir()?;
    assert!(matches!(
        Vault::unlock(empty.path(), &secret("やまのうえのいけ")).await,
        Err(Error::NotFound)
    ));

    let dir = tempfile::tempdir()?;
    new_vault(dir.path()).await.0.lock().await;
    let layout = Layout::new(dir.path());

    // A missing passphrase file: the directory is damaged, and setup must not overwrite it.
    let passphrase_bytes = std::fs::read(layout.passphrase_key())?;
    std::fs::remove_file(layout.passphrase_key())?;
    assert_eq!(Vault::status(dir.path()), VaultStatus::Damaged);
    assert!(matches!(
        Vault::create_with_cost(dir.path(), &secret("やまのうえのいけ"), TEST_COST).await,
        Err(Error::Damaged(_))
    ));
    std::fs::write(layout.passphrase_key(), passphrase_bytes)?;

    // A missing recovery file alone: the vault still unlocks (and says so once open), and
    // setup still refuses.
    let recovery_bytes = std::fs::read(layout.recovery_key())?;
    std::fs::remove_file(layout.recovery_key())?;
    assert_eq!(Vault::status(dir.path()), VaultStatus::Locked);
    assert!(matches!(
        Vault::create_with_cost(dir.path(), &secret("やまのうえのいけ"), TEST_COST).await,
        Err(Error::AlreadyExists)
    ));
    std::fs::write(layout.recovery_key(), recovery_bytes)?;

    // A database whose first half is overwritten: the key still unwraps, the database does not
    // open.
    let mut database = std::fs::read(layout.database())?;
    let middle = database.len() / 2;
    database[..middle].fill(0x5a);
    std::fs::write(layout.database(), &database)?;
    let before = snapshot(dir.path());
    let outcome = Vault::unlock(dir.path(), &secret("やまのうえのいけ")).await;
    assert!(matches!(outcome, Err(Error::Damaged(_))), "{outcome:?}");
    assert_eq!(snapshot(dir.path()), before);
    Ok(())
}

#[tokio::test]
async fn migrations_are_applied_once_and_recorded() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    new_vault(dir.path()).await.0.lock().await;
    let vault = Vault::unlock(dir.path(), &secret("やまのうえのいけ")).await?;
    let applied: Vec<(i64, bool)> =
        sqlx::query_as("SELECT version, success FROM _sqlx_migrations ORDER BY version")
            .fetch_all(vault.pool())
            .await?;
    assert_eq!(
        applied,
        [
            (20261121000000, true),
            (20261123000000, true),
            (20261124000000, true),
            (20261124010000, true),
            (20261124020000, true),
            (20261124030000, true),
            (20261124040000, true),
            (20261125000000, true),
            (20261126000000, true),
            (20261127000000, true),
            (20261128000000, true),
            (20261129000000, true),
            (20261130000000, true),
            (20261201000000, true),
            (20261202000000, true),
            (20261203000000, true),
            (20261207000000, true),
            (20261207010000, true),
            (20261208000000, true)
        ]
    );
    let tables: Vec<String> =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY name")
            .fetch_all(vault.pool())
            .await?;
    assert_eq!(
        tables,
        [
            "action_items",
            "action_progress",
            "amendments",
            "audit_log",
            "client_programs",
            "client_tags",
            "clients",
            "companies",
            "consent_flags",
            "consent_parts",
            "consents",
            "flags",
            "inbox_items",
            "interview_issues",
            "interview_themes",
            "interviews",
            "overall_exports",
            "overall_reports",
            "program_contacts",
            "programs",
            "provision_records",
            "questionnaires",
            "report_versions",
            "reports",
            "retention_decisions",
            "search_dates",
            "search_stale",
            "search_terms",
            "search_text",
            "search_text_config",
            "search_text_content",
            "search_text_data",
            "search_text_docsize",
            "search_text_idx",
            "sheet_sections",
            "sqlite_sequence",
            "summaries",
            "supervision_exports",
            "template_sections",
            "vault_settings",
        ]
    );
    let journal_mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(vault.pool())
        .await?;
    assert_eq!(journal_mode, "wal");
    let memory_security: String = sqlx::query_scalar("PRAGMA cipher_memory_security")
        .fetch_one(vault.pool())
        .await?;
    assert_eq!(memory_security, "1", "freed memory is wiped");
    let synchronous: i64 = sqlx::query_scalar("PRAGMA synchronous")
        .fetch_one(vault.pool())
        .await?;
    assert_eq!(synchronous, 2, "FULL: every commit is synced");
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn notes_are_encrypted_at_rest() -> Result<(), Box<dyn std::error::Error>> {
    const MARKER: &str = "KIZUKI-AT-REST-MARKER-7f3a 転職を考えている";
    let dir = tempfile::tempdir()?;
    let (vault, recovery) = new_vault(dir.path()).await;
    let client = add_client(&vault, "MARKER-CLIENT 鈴木", "すずき").await?;
    let created = interview::create(
        &vault,
        &NewInterview {
            client_id: client.id,
            details: fixtures::details(None, "2026-11-21"),
            notes: None,
        },
    )
    .await?;
    let created = interview::save_notes(&vault, created.id, &format!("初回面談\n{MARKER}")).await?;
    assert!(created.notes.contains(MARKER));

    // While open, the write-ahead log holds the newest pages: it must be encrypted too.
    for needle in [
        MARKER.as_bytes(),
        "KIZUKI-AT-REST-MARKER".as_bytes(),
        "MARKER-CLIENT".as_bytes(),
    ] {
        assert_eq!(files_containing(dir.path(), needle), Vec::<PathBuf>::new());
    }
    vault.lock().await;
    for needle in [
        MARKER.as_bytes(),
        "KIZUKI-AT-REST-MARKER".as_bytes(),
        "転職を考えている".as_bytes(),
    ] {
        assert_eq!(files_containing(dir.path(), needle), Vec::<PathBuf>::new());
    }
    let recovery_text = recovery.expose_text();
    assert!(files_containing(dir.path(), recovery_text.expose_secret().as_bytes()).is_empty());

    let layout = Layout::new(dir.path());
    let header = std::fs::read(layout.database())?;
    assert!(!header.starts_with(b"SQLite format 3\0"));

    // Opened without the key, the file is not a database at all.
    let mut plain = SqliteConnectOptions::new()
        .filename(layout.database())
        .disable_statement_logging()
        .connect()
        .await?;
    let read: Result<i64, _> = sqlx::query_scalar("SELECT count(*) FROM sqlite_master")
        .fetch_one(&mut plain)
        .await;
    assert!(read.is_err());
    plain.close().await?;
    Ok(())
}

#[tokio::test]
async fn the_unlock_gate_counts_only_wrong_passphrases() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    new_vault(dir.path()).await.0.lock().await;
    let gate = UnlockGate::default();
    assert!(gate
        .unlock(dir.path(), &secret("ちがうあいことば"))
        .await
        .is_err());
    assert_eq!(gate.failures().await, 1);
    gate.unlock(dir.path(), &secret("やまのうえのいけ"))
        .await?
        .lock()
        .await;
    assert_eq!(gate.failures().await, 0);
    Ok(())
}

#[tokio::test]
async fn an_empty_or_schemaless_database_is_damage_not_a_new_vault(
) -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    new_vault(dir.path()).await.0.lock().await;
    let layout = Layout::new(dir.path());
    let original = std::fs::read(layout.database())?;

    std::fs::write(layout.database(), b"")?;
    let outcome = Vault::unlock(dir.path(), &secret(crate::test_support::PASSPHRASE)).await;
    assert!(matches!(outcome, Err(Error::Damaged(_))), "{outcome:?}");
    assert_eq!(
        std::fs::metadata(layout.database())?.len(),
        0,
        "the empty file was left as it was"
    );

    std::fs::write(layout.database(), original)?;
    Vault::unlock(dir.path(), &secret(crate::test_support::PASSPHRASE))
        .await?
        .lock()
        .await;
    Ok(())
}

#[tokio::test]
async fn of_two_setups_racing_one_wins_and_the_other_removes_nothing(
) -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let (one, other) = (secret("やまのうえのいけ"), secret("べつのあいことば"));
    let (first, second) = tokio::join!(
        Vault::create_with_cost(dir.path(), &one, TEST_COST),
        Vault::create_with_cost(dir.path(), &other, TEST_COST),
    );
    let (winner, passphrase, loser) = match (first, second) {
        (Ok((vault, _)), Err(error)) => (vault, "やまのうえのいけ", error),
        (Err(error), Ok((vault, _))) => (vault, "べつのあいことば", error),
        (first, second) => panic!("exactly one setup must win: {first:?} / {second:?}"),
    };
    // The loser either lost the claim on the setup marker, or already saw the winner's
    // setup under way; either way it refused, and removed nothing.
    assert!(
        matches!(
            loser,
            Error::AlreadyExists | Error::SetupInterrupted | Error::Damaged(_)
        ),
        "{loser:?}"
    );
    let created = add_client(&winner, "山田 太郎", "やまだ たろう").await?;
    winner.lock().await;
    let vault = Vault::unlock(dir.path(), &secret(passphrase)).await?;
    assert_eq!(client::get(&vault, created.id).await?.id, created.id);
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn vault_files_that_cannot_be_examined_are_never_taken_for_absent_ones(
) -> Result<(), Box<dyn std::error::Error>> {
    // Anything but "not found" (here ENOTDIR, and a directory where the database should be;
    // elsewhere EACCES or EIO) must read as damage, so setup can never run over a vault.
    let parent = tempfile::tempdir()?;
    let not_a_directory = parent.path().join("vault");
    std::fs::write(&not_a_directory, b"the user's file")?;
    assert_eq!(Vault::status(&not_a_directory), VaultStatus::Damaged);
    let setup =
        Vault::create_with_cost(&not_a_directory, &secret("べつのあいことば"), TEST_COST).await;
    assert!(matches!(setup, Err(Error::Damaged(_))), "{setup:?}");
    assert_eq!(std::fs::read(&not_a_directory)?, b"the user's file");

    let odd = tempfile::tempdir()?;
    std::fs::create_dir(odd.path().join("kizuki.db"))?;
    assert_eq!(Vault::status(odd.path()), VaultStatus::Damaged);
    Ok(())
}
