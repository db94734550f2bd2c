//! Hostile surroundings: a disk that fills up under the vault, then a folder that cannot be
//! written. Each must be said clearly (its own error code, in the user's language), never
//! panic, and lose nothing that was reported saved.
//!
//! A tiny file system needs a mount, so the test runs itself again in a mount namespace of its
//! own (`unshare --mount`, mapped to root when not root): the tmpfs it mounts there is seen by
//! nothing else and goes with the namespace.

use std::path::Path;
use std::process::Command;

use super::tests::snapshot;
use super::Vault;
use crate::ids::InterviewId;
use crate::interview;
use crate::test_support::{fixtures, new_vault, secret, this_test_again, PASSPHRASE};
use crate::ErrorCode;

const INSIDE: &str = "KIZUKI_SURROUNDINGS_INSIDE";
const TEST_NAME: &str =
    "vault::surroundings_tests::a_full_disk_and_a_read_only_folder_are_said_and_lose_nothing";

type TestResult = Result<(), Box<dyn std::error::Error>>;

#[test]
fn a_full_disk_and_a_read_only_folder_are_said_and_lose_nothing() -> TestResult {
    if std::env::var_os(INSIDE).is_some() {
        return tokio::runtime::Runtime::new()?.block_on(inside_the_namespace());
    }
    let unshare: &[&str] = if rustix::process::getuid().is_root() {
        &["unshare", "--mount"]
    } else {
        &["unshare", "--mount", "--map-root-user"]
    };
    let status = this_test_again(TEST_NAME, unshare)?
        .env(INSIDE, "1")
        .status()
        .map_err(|e| format!("unshare (util-linux) is needed for this test: {e}"))?;
    assert!(
        status.success(),
        "the test failed in its mount namespace (output above)"
    );
    Ok(())
}

/// `lock` returns once the pool is empty; sqlx's worker thread closes the last file a moment
/// later, and a file system with a file open for writing cannot turn read-only until then.
fn remount_read_only(at: &Path) -> TestResult {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        let status = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(at)
            .stderr(std::process::Stdio::null())
            .status()?;
        if status.success() {
            return Ok(());
        }
        if std::time::Instant::now() > deadline {
            return Err("the file system stayed busy after the vault locked".into());
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

fn mount(args: &[&str], at: &Path) -> TestResult {
    let status = Command::new("mount").args(args).arg(at).status()?;
    if !status.success() {
        return Err(format!("mount {args:?} {} failed", at.display()).into());
    }
    Ok(())
}

async fn inside_the_namespace() -> TestResult {
    let base = tempfile::tempdir()?;
    mount(&["-t", "tmpfs", "-o", "size=4m", "tmpfs"], base.path())?;
    let dir = base.path().join("vault");
    let (vault, _) = new_vault(&dir).await;
    let company = fixtures::company(&vault, "株式会社サンプル").await?;
    let client = fixtures::client(&vault, company).await?;

    // Interviews with long notes until the disk is full.
    let mut saved: Vec<(InterviewId, String)> = Vec::new();
    let mut refusal = None;
    for round in 0..200 {
        let notes = format!("{round}: {}", "上司との関係に悩んでいる。".repeat(4_000));
        let created = fixtures::interview_with_notes(&vault, client, &notes).await;
        match created {
            Ok(interview) => saved.push((interview.id, notes)),
            Err(error) => {
                refusal = Some(error.code());
                break;
            }
        }
    }
    assert_eq!(
        refusal,
        Some(ErrorCode::DiskFull),
        "after {} saves",
        saved.len()
    );
    assert!(!saved.is_empty());
    // Still readable, with every save that returned.
    for (id, notes) in &saved {
        assert_eq!(&interview::get(&vault, *id).await?.notes, notes);
    }
    vault.lock().await;

    // Room again: everything is there, and the database is whole.
    mount(&["-o", "remount,size=64m"], base.path())?;
    let vault = Vault::unlock(&dir, &secret(PASSPHRASE)).await?;
    assert!(vault.integrity_check().await?);
    for (id, notes) in &saved {
        assert_eq!(&interview::get(&vault, *id).await?.notes, notes);
    }
    vault.lock().await;

    // A folder that cannot be written: said as such, and not a byte changes.
    remount_read_only(base.path())?;
    let before = snapshot(&dir);
    let unlock = Vault::unlock(&dir, &secret(PASSPHRASE)).await;
    let code = unlock.as_ref().err().map(super::Error::code);
    assert_eq!(code, Some(ErrorCode::ReadOnly), "{:?}", unlock.err());
    assert_eq!(snapshot(&dir), before);
    let setup = Vault::create(&base.path().join("other"), &secret(PASSPHRASE)).await;
    assert_eq!(
        setup.as_ref().err().map(super::Error::code),
        Some(ErrorCode::ReadOnly),
        "{:?}",
        setup.err()
    );
    mount(&["-o", "remount,rw"], base.path())?;
    Ok(())
}

/// A copy of the vault's files as a crash would leave them: taken while it is open, so the
/// write-ahead log still holds the latest writes.
fn copy_open_vault(from: &Path, to: &Path) -> TestResult {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)?.flatten() {
        let name = entry.file_name();
        if name.to_string_lossy().ends_with("-shm") {
            continue;
        }
        std::fs::copy(entry.path(), to.join(name))?;
    }
    Ok(())
}

#[tokio::test]
async fn damaged_pages_and_logs_are_said_never_panicked_on() -> TestResult {
    let dir = tempfile::tempdir()?;
    let original = dir.path().join("vault");
    let (vault, _) = new_vault(&original).await;
    let company = fixtures::company(&vault, "株式会社サンプル").await?;
    for n in 0..40 {
        fixtures::named_client(&vault, company, &format!("相談者 {n}"), "そうだんしゃ").await?;
    }
    let crashed = dir.path().join("crashed");
    copy_open_vault(&original, &crashed)?;
    vault.lock().await;
    let wal = crashed.join("kizuki.db-wal");
    let wal_bytes = std::fs::read(&wal)?;
    assert!(wal_bytes.len() > 8192, "the log holds the clients");

    // A log cut mid-frame (a write the crash interrupted), or with a flipped bit: SQLite
    // stops at the last whole, checksummed frame; the vault opens whole.
    for (name, damage) in [
        ("cut", wal_bytes[..wal_bytes.len() - 1500].to_vec()),
        ("flipped", {
            let mut bytes = wal_bytes.clone();
            let at = bytes.len() * 3 / 4;
            bytes[at] ^= 0x10;
            bytes
        }),
    ] {
        let copy = dir.path().join(name);
        copy_open_vault(&crashed, &copy)?;
        std::fs::write(copy.join("kizuki.db-wal"), &damage)?;
        let vault = Vault::unlock(&copy, &secret(PASSPHRASE)).await?;
        assert!(vault.integrity_check().await?, "{name}");
        crate::client::list(&vault, &crate::client::ClientFilter::default()).await?;
        vault.lock().await;
    }

    // A flipped bit in a page of the database: SQLCipher's page check refuses the page, and
    // the read that meets it says the vault is damaged; nothing is written.
    let mut database = std::fs::read(original.join("kizuki.db"))?;
    let page = 4096;
    let last_page = database.len() / page - 1;
    database[last_page * page + 100] ^= 0x01;
    std::fs::write(original.join("kizuki.db"), &database)?;
    let before = std::fs::read(original.join("kizuki.db"))?;
    let outcome = async {
        let vault = Vault::unlock(&original, &secret(PASSPHRASE)).await?;
        let listed = crate::client::list(&vault, &crate::client::ClientFilter::default()).await;
        let whole = vault.integrity_check().await;
        vault.lock().await;
        let listed_code = listed.err().map(|error| error.code());
        Ok::<_, super::Error>((listed_code, whole.ok()))
    }
    .await;
    match outcome {
        Err(error) => assert_eq!(error.code(), ErrorCode::VaultDamaged, "{error:?}"),
        Ok((listed, whole)) => assert!(
            listed == Some(ErrorCode::VaultDamaged) || whole == Some(false),
            "a damaged page went unnoticed: {listed:?}, {whole:?}"
        ),
    }
    assert_eq!(std::fs::read(original.join("kizuki.db"))?, before);
    Ok(())
}
