//! The key's life after setup, against real vault files: a new passphrase, a new recovery
//! key, recovery from what is left, the scrypt bounds, and setups that never finished.

use std::path::Path;

use age::secrecy::ExposeSecret;

use super::key::{bounded_log_n, MAX_LOG_N, MIN_LOG_N};
use super::tests::{add_client, snapshot, TEST_COST};
use super::*;
use crate::client;
use crate::test_support::{new_vault, secret, PASSPHRASE};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn scrypt_log_n(file: &Path) -> Option<u8> {
    key::scrypt_log_n(&std::fs::read(file).ok()?)
}

async fn unlocks_with(dir: &Path, passphrase: &str) -> bool {
    match Vault::unlock(dir, &secret(passphrase)).await {
        Ok(vault) => {
            vault.lock().await;
            true
        }
        Err(_) => false,
    }
}

#[tokio::test]
async fn a_new_passphrase_needs_the_current_one_and_leaves_the_old_one_useless() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let created = add_client(&vault, "山田 太郎", "やまだ たろう").await?;
    vault.lock().await;
    let database_before = std::fs::read(Layout::new(dir.path()).database())?;

    let vault = Vault::unlock(dir.path(), &secret(PASSPHRASE)).await?;
    let before = snapshot(dir.path());
    let wrong = vault
        .change_passphrase(
            &secret("まちがったあいことば"),
            &secret("あたらしいあいことば"),
        )
        .await;
    assert!(matches!(wrong, Err(Error::WrongPassphrase)), "{wrong:?}");
    let short = vault
        .change_passphrase(&secret(PASSPHRASE), &secret("short"))
        .await;
    assert!(matches!(short, Err(Error::PassphraseTooShort { .. })));
    assert_eq!(
        snapshot(dir.path()),
        before,
        "a refused change writes nothing"
    );

    vault
        .change_passphrase(&secret(PASSPHRASE), &secret("あたらしいあいことば"))
        .await?;
    vault.lock().await;

    assert!(!unlocks_with(dir.path(), PASSPHRASE).await);
    let vault = Vault::unlock(dir.path(), &secret("あたらしいあいことば")).await?;
    assert_eq!(client::get(&vault, created.id).await?, created);
    vault.lock().await;
    assert_eq!(
        std::fs::read(Layout::new(dir.path()).database())?,
        database_before,
        "the database is not rewritten"
    );
    Ok(())
}

#[tokio::test]
async fn a_new_recovery_key_replaces_the_old_one() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, old_key) = new_vault(dir.path()).await;
    assert_eq!(
        vault.recovery_file_state().await?,
        RecoveryFileState::Intact
    );
    let wrong = vault
        .new_recovery_key(&secret("まちがったあいことば"))
        .await;
    assert!(matches!(wrong, Err(Error::WrongPassphrase)), "{wrong:?}");

    let new_key = vault.new_recovery_key(&secret(PASSPHRASE)).await?;
    assert_eq!(
        vault.recovery_file_state().await?,
        RecoveryFileState::Intact
    );
    assert_eq!(
        vault.recovery_recipient().await?,
        Some(new_key.recipient().to_string()),
        "backups to the recovery key go to the new one"
    );
    vault.lock().await;

    let old = Vault::recover(dir.path(), &old_key, &secret("あたらしいあいことば")).await;
    assert!(matches!(old, Err(Error::WrongRecoveryKey)), "{old:?}");
    assert!(unlocks_with(dir.path(), PASSPHRASE).await);
    let typed_back = RecoveryKey::parse(&new_key.expose_text())?;
    Vault::recover(dir.path(), &typed_back, &secret("あたらしいあいことば"))
        .await?
        .lock()
        .await;
    assert!(unlocks_with(dir.path(), "あたらしいあいことば").await);
    Ok(())
}

#[tokio::test]
async fn the_database_and_the_recovery_file_are_enough_to_recover() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, recovery) = new_vault(dir.path()).await;
    let created = add_client(&vault, "佐藤 花子", "さとう はなこ").await?;
    vault.lock().await;
    let layout = Layout::new(dir.path());

    // Lost: the directory reads as damaged, unlocking says so, and recovery opens it.
    std::fs::remove_file(layout.passphrase_key())?;
    assert_eq!(Vault::status(dir.path()), VaultStatus::Damaged);
    let unlock = Vault::unlock(dir.path(), &secret(PASSPHRASE)).await;
    assert!(matches!(unlock, Err(Error::Damaged(_))), "{unlock:?}");
    let vault = Vault::recover(dir.path(), &recovery, &secret("あたらしいあいことば")).await?;
    assert_eq!(client::get(&vault, created.id).await?.name, "佐藤 花子");
    vault.lock().await;
    assert_eq!(Vault::status(dir.path()), VaultStatus::Locked);

    // Damaged: the same.
    let mut wrapped = std::fs::read(layout.passphrase_key())?;
    let last = wrapped.len() - 1;
    wrapped[last] ^= 0x01;
    std::fs::write(layout.passphrase_key(), &wrapped)?;
    let unlock = Vault::unlock(dir.path(), &secret("あたらしいあいことば")).await;
    assert!(matches!(unlock, Err(Error::Damaged(_))), "{unlock:?}");
    Vault::recover(dir.path(), &recovery, &secret("みっつめのあいことば"))
        .await?
        .lock()
        .await;
    assert!(unlocks_with(dir.path(), "みっつめのあいことば").await);

    // Without the recovery file there is nothing to recover with, and nothing is touched.
    std::fs::remove_file(layout.passphrase_key())?;
    std::fs::remove_file(layout.recovery_key())?;
    let before = snapshot(dir.path());
    let outcome = Vault::recover(dir.path(), &recovery, &secret("よっつめのあいことば")).await;
    assert!(matches!(outcome, Err(Error::Damaged(_))), "{outcome:?}");
    assert_eq!(snapshot(dir.path()), before);
    Ok(())
}

#[tokio::test]
async fn unlocking_tells_whether_the_recovery_file_is_intact() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let layout = Layout::new(dir.path());
    let original = std::fs::read(layout.recovery_key())?;
    assert_eq!(
        vault.recovery_file_state().await?,
        RecoveryFileState::Intact
    );

    let mut flipped = original.clone();
    flipped[original.len() / 2] ^= 0x40;
    std::fs::write(layout.recovery_key(), &flipped)?;
    assert_eq!(
        vault.recovery_file_state().await?,
        RecoveryFileState::Damaged
    );

    std::fs::remove_file(layout.recovery_key())?;
    assert_eq!(
        vault.recovery_file_state().await?,
        RecoveryFileState::Missing
    );

    // Another vault's recovery file is a whole age file, and still not this vault's.
    let other = tempfile::tempdir()?;
    new_vault(other.path()).await.0.lock().await;
    std::fs::copy(
        Layout::new(other.path()).recovery_key(),
        layout.recovery_key(),
    )?;
    assert_eq!(
        vault.recovery_file_state().await?,
        RecoveryFileState::Damaged
    );

    // A vault from before the check records the recovery file it finds, if it is one.
    sqlx::query("UPDATE vault_settings SET recovery_file_sha256 = NULL")
        .execute(vault.pool())
        .await?;
    std::fs::write(layout.recovery_key(), b"not an age file")?;
    assert_eq!(
        vault.recovery_file_state().await?,
        RecoveryFileState::Damaged
    );
    std::fs::write(layout.recovery_key(), &original)?;
    assert_eq!(
        vault.recovery_file_state().await?,
        RecoveryFileState::Intact
    );
    flipped = original.clone();
    flipped[original.len() - 1] ^= 0x01;
    std::fs::write(layout.recovery_key(), &flipped)?;
    assert_eq!(
        vault.recovery_file_state().await?,
        RecoveryFileState::Damaged,
        "recorded on first sight, then held to it"
    );

    // A new recovery key mends it.
    vault.new_recovery_key(&secret(PASSPHRASE)).await?;
    assert_eq!(
        vault.recovery_file_state().await?,
        RecoveryFileState::Intact
    );
    vault.lock().await;
    Ok(())
}

#[test]
fn the_scrypt_cost_is_kept_between_its_floor_and_its_ceiling() {
    assert_eq!(bounded_log_n(10), MIN_LOG_N, "a busy machine's calibration");
    assert_eq!(bounded_log_n(19), 19);
    assert_eq!(bounded_log_n(25), MAX_LOG_N, "a fast desktop's calibration");
}

#[tokio::test]
async fn the_product_wraps_the_passphrase_within_the_bounds() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = Vault::create(dir.path(), &secret(PASSPHRASE)).await?;
    vault.lock().await;
    let log_n = scrypt_log_n(&Layout::new(dir.path()).passphrase_key());
    assert!(
        log_n.is_some_and(|n| (MIN_LOG_N..=MAX_LOG_N).contains(&n)),
        "{log_n:?}"
    );
    assert!(unlocks_with(dir.path(), PASSPHRASE).await);
    Ok(())
}

#[tokio::test]
async fn a_passphrase_file_over_the_ceiling_is_its_own_error_and_recovery_still_opens() -> TestResult
{
    let dir = tempfile::tempdir()?;
    let (vault, recovery) = new_vault(dir.path()).await;
    vault.lock().await;
    let layout = Layout::new(dir.path());
    // The work factor is checked before any scrypt runs, so a file that asks for 2^21 is
    // refused at once: the header's MAC is never reached.
    let wrapped = String::from_utf8_lossy(&std::fs::read(layout.passphrase_key())?).into_owned();
    assert_eq!(scrypt_log_n(&layout.passphrase_key()), Some(10));
    let costly: Vec<u8> = std::fs::read(layout.passphrase_key())?;
    let at = wrapped
        .find(" 10\n")
        .ok_or("no work factor in the header")?;
    let mut costly = costly;
    costly.splice(at..at + 4, *b" 21\n");
    std::fs::write(layout.passphrase_key(), &costly)?;

    let before = snapshot(dir.path());
    let outcome = Vault::unlock(dir.path(), &secret(PASSPHRASE)).await;
    assert!(
        matches!(outcome, Err(Error::KeyFileTooCostly { log_n: 21 })),
        "{outcome:?}"
    );
    assert_eq!(
        outcome.err().map(|e| e.code()),
        Some(crate::ErrorCode::KeyFileTooCostly)
    );
    assert_eq!(snapshot(dir.path()), before);

    Vault::recover(dir.path(), &recovery, &secret("あたらしいあいことば"))
        .await?
        .lock()
        .await;
    assert!(unlocks_with(dir.path(), "あたらしいあいことば").await);
    Ok(())
}

/// What a setup killed between writing the recovery file and the passphrase file leaves.
async fn interrupted_setup(dir: &Path) -> TestResult {
    let (vault, _) = new_vault(dir).await;
    vault.lock().await;
    let layout = Layout::new(dir);
    std::fs::remove_file(layout.passphrase_key())?;
    std::fs::write(layout.setup_marker(), b"")?;
    Ok(())
}

#[tokio::test]
async fn an_interrupted_setup_is_recognised_and_discarded_and_setup_runs_again() -> TestResult {
    let dir = tempfile::tempdir()?;
    interrupted_setup(dir.path()).await?;
    assert_eq!(Vault::status(dir.path()), VaultStatus::SetupInterrupted);
    let unlock = Vault::unlock(dir.path(), &secret(PASSPHRASE)).await;
    assert!(matches!(unlock, Err(Error::SetupInterrupted)), "{unlock:?}");
    let setup = Vault::create_with_cost(dir.path(), &secret(PASSPHRASE), TEST_COST).await;
    assert!(matches!(setup, Err(Error::SetupInterrupted)), "{setup:?}");
    assert_eq!(
        setup.err().map(|e| e.code()),
        Some(crate::ErrorCode::SetupInterrupted)
    );

    Vault::discard_interrupted_setup(dir.path())?;
    assert_eq!(Vault::status(dir.path()), VaultStatus::Uninitialized);
    assert!(
        snapshot(dir.path()).is_empty(),
        "every file of the setup is gone"
    );
    let (vault, _) = Vault::create_with_cost(dir.path(), &secret(PASSPHRASE), TEST_COST).await?;
    vault.lock().await;
    assert_eq!(Vault::status(dir.path()), VaultStatus::Locked);
    assert!(!Layout::new(dir.path()).setup_marker().exists());
    Ok(())
}

#[tokio::test]
async fn a_stray_marker_beside_a_finished_vault_is_ignored_never_discarded() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    add_client(&vault, "山田 太郎", "やまだ たろう").await?;
    vault.lock().await;
    let layout = Layout::new(dir.path());
    std::fs::write(layout.setup_marker(), b"")?;
    assert_eq!(Vault::status(dir.path()), VaultStatus::Locked);
    assert!(matches!(
        Vault::discard_interrupted_setup(dir.path()),
        Err(Error::AlreadyExists)
    ));
    assert!(layout.database().exists());
    assert!(unlocks_with(dir.path(), PASSPHRASE).await);
    assert!(
        !layout.setup_marker().exists(),
        "the stale marker goes at unlock"
    );
    Ok(())
}

#[tokio::test]
async fn only_an_interrupted_setup_is_ever_discarded() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    add_client(&vault, "山田 太郎", "やまだ たろう").await?;
    vault.lock().await;
    let before = snapshot(dir.path());
    assert!(matches!(
        Vault::discard_interrupted_setup(dir.path()),
        Err(Error::AlreadyExists)
    ));
    std::fs::remove_file(Layout::new(dir.path()).passphrase_key())?;
    let damaged = snapshot(dir.path());
    assert!(matches!(
        Vault::discard_interrupted_setup(dir.path()),
        Err(Error::Damaged(_))
    ));
    assert_eq!(
        snapshot(dir.path()),
        damaged,
        "a damaged vault is left alone"
    );
    assert_eq!(before.len(), damaged.len() + 1);

    let empty = tempfile::tempdir()?;
    assert!(matches!(
        Vault::discard_interrupted_setup(empty.path()),
        Err(Error::NotFound)
    ));
    Ok(())
}

#[tokio::test]
async fn the_recovery_key_text_shown_is_the_one_that_recovers() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let issued = vault.new_recovery_key(&secret(PASSPHRASE)).await?;
    vault.lock().await;
    let shown = issued.expose_text().expose_secret().to_lowercase();
    let typed = RecoveryKey::parse(&secret(&shown))?;
    Vault::recover(dir.path(), &typed, &secret("あたらしいあいことば"))
        .await?
        .lock()
        .await;
    Ok(())
}

#[cfg(unix)]
#[tokio::test]
async fn unlocking_reports_a_vault_directory_others_can_open() -> TestResult {
    use std::os::unix::fs::PermissionsExt;
    let parent = tempfile::tempdir()?;
    let dir = parent.path().join("vault");
    let (vault, _) = new_vault(&dir).await;
    assert_eq!(
        std::fs::metadata(&dir)?.permissions().mode() & 0o777,
        0o700,
        "made private by setup"
    );
    assert_eq!(
        vault.health().await?,
        VaultHealth {
            recovery_file: RecoveryFileState::Intact,
            directory_open_to_others: false
        }
    );
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755))?;
    assert!(vault.health().await?.directory_open_to_others);
    vault.lock().await;
    Ok(())
}

/// A Japanese user name in the path (C:\Users\山田 太郎\AppData\Local\kizuki on Windows), with a
/// space and a deep folder, and names outside JIS X 0208 in the records: the database, its log
/// and the key files are found again, on Windows through its UTF-16 paths.
#[tokio::test]
async fn a_vault_under_a_japanese_user_name_and_a_deep_path_opens_again() -> TestResult {
    let parent = tempfile::tempdir()?;
    let mut dir = parent
        .path()
        .join("山田 太郎")
        .join("AppData")
        .join("Local");
    dir.push("キャリア相談の記録（二〇二六年度）");
    let dir = dir.join("kizuki");
    let (vault, _) = new_vault(&dir).await;
    let created = add_client(&vault, "髙橋 﨑子", "たかはし さきこ").await?;
    vault.lock().await;
    let vault = Vault::unlock(&dir, &secret(PASSPHRASE)).await?;
    assert_eq!(client::get(&vault, created.id).await?.name, "髙橋 﨑子");
    vault.lock().await;
    Ok(())
}
