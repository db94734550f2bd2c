//! Backup and restore against real vaults and the real age format.

use std::path::Path;

use super::*;
use crate::client::ClientFilter;
use crate::test_support::fixtures::{self, TestResult};
use crate::test_support::{new_vault, secret, PASSPHRASE};

fn with_passphrase() -> Encryption {
    Encryption::Passphrase(secret("ばっくあっぷのあいことば"))
}

/// Every client, every interview's notes, every consent and the search index, as one value.
async fn contents(vault: &Vault) -> TestResult<String> {
    let mut seen = Vec::new();
    for client in crate::client::list(vault, &ClientFilter::default()).await? {
        seen.push(format!("{}:{}", client.id, client.name));
        for interview in crate::interview::list(vault, client.id).await? {
            seen.push(crate::interview::get(vault, interview.id).await?.notes);
        }
        seen.extend(
            crate::consent::list(vault, client.id)
                .await?
                .into_iter()
                .map(|consent| consent.purpose),
        );
    }
    let found = crate::search::search(vault, "上司").await?;
    seen.push(format!("search:{}", found.groups.len()));
    Ok(seen.join("\n"))
}

fn leftovers(dir: &Path) -> TestResult<Vec<String>> {
    Ok(fs::read_dir(dir)?
        .map(|entry| entry.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<Result<Vec<_>, _>>()?)
}

#[tokio::test]
async fn a_backup_restores_into_a_new_directory_as_it_was() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(&dir.path().join("vault")).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let client_id = fixtures::client(&vault, company_id).await?;
    fixtures::held_interview(
        &vault,
        client_id,
        "2026-11-10T10:00",
        Some("上司との関係に悩む"),
    )
    .await?;
    let before = contents(&vault).await?;
    let file = dir.path().join("backup.age");
    let backed_up = backup(&vault, &with_passphrase(), false, &file).await?;
    assert_eq!(backed_up.sha256, package::sha256(&fs::read(&file)?));
    // Written after the backup: not in it.
    fixtures::named_client(&vault, company_id, "後藤 次郎", "ごとう じろう").await?;
    let log = crate::audit::list(&vault).await?;
    assert_eq!(log[0].action, audit::Action::Backup);
    vault.lock().await;

    let target = dir.path().join("restored");
    let restored = restore(
        &fs::read(&file)?,
        BackupKey::Passphrase(&secret("ばっくあっぷのあいことば")),
        &secret(PASSPHRASE),
        &target,
    )
    .await?;
    assert_eq!(restored.data_dir, target.display().to_string());
    let reopened = Vault::unlock(&target, &secret(PASSPHRASE)).await?;
    assert_eq!(contents(&reopened).await?, before);
    let restored_log = crate::audit::list(&reopened).await?;
    assert_eq!(restored_log[0].action, audit::Action::Restore);
    assert!(matches!(
        crate::audit::verify(&reopened).await?,
        crate::audit::Verdict::Intact { .. }
    ));
    reopened.lock().await;
    assert_eq!(
        leftovers(dir.path())?.len(),
        3,
        "the vault, the backup and the restored vault only"
    );
    Ok(())
}

#[tokio::test]
async fn a_bad_backup_or_target_restores_nothing_and_leaves_nothing() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(&dir.path().join("vault")).await;
    let file = dir.path().join("backup.age");
    backup(&vault, &with_passphrase(), true, &file).await?;
    // A backup is never written over a file.
    let again = backup(&vault, &with_passphrase(), false, &file).await.err();
    assert_eq!(again.map(|e| e.code()), Some(crate::ErrorCode::FileExists));
    vault.lock().await;
    let sealed = fs::read(&file)?;
    let target = dir.path().join("restored");
    let key = secret("ばっくあっぷのあいことば");
    let attempt = |bytes: Vec<u8>, backup_key: SecretString, passphrase: SecretString| {
        let target = target.clone();
        async move {
            restore(
                &bytes,
                BackupKey::Passphrase(&backup_key),
                &passphrase,
                &target,
            )
            .await
            .err()
            .map(|error| error.code())
        }
    };
    use crate::ErrorCode;
    assert_eq!(
        attempt(
            sealed.clone(),
            secret("ちがうあいことば"),
            secret(PASSPHRASE)
        )
        .await,
        Some(ErrorCode::WrongBackupKey)
    );
    let mut tampered = sealed.clone();
    let middle = tampered.len() / 2;
    tampered[middle] ^= 0x01;
    assert_eq!(
        attempt(tampered, key.clone(), secret(PASSPHRASE)).await,
        Some(ErrorCode::NotABackup)
    );
    assert_eq!(
        attempt(
            sealed[..sealed.len() / 3].to_vec(),
            key.clone(),
            secret(PASSPHRASE)
        )
        .await,
        Some(ErrorCode::NotABackup)
    );
    assert_eq!(
        attempt(b"not age at all".to_vec(), key.clone(), secret(PASSPHRASE)).await,
        Some(ErrorCode::NotABackup)
    );
    // The right backup key, but not the vault's passphrase of that day: checked, not placed.
    assert_eq!(
        attempt(sealed.clone(), key.clone(), secret("べつのぱすふれーず")).await,
        Some(ErrorCode::WrongPassphrase)
    );
    assert!(!target.exists());
    // A directory that holds anything is never replaced.
    fs::create_dir(&target)?;
    fs::write(target.join("memo.txt"), "前からある")?;
    assert_eq!(
        attempt(sealed.clone(), key.clone(), secret(PASSPHRASE)).await,
        Some(ErrorCode::TargetNotEmpty)
    );
    assert_eq!(leftovers(&target)?, ["memo.txt"]);
    assert_eq!(
        leftovers(dir.path())?.len(),
        3,
        "the vault, the backup and the untouched directory only: {:?}",
        leftovers(dir.path())?
    );
    Ok(())
}

#[tokio::test]
async fn a_backup_into_a_folder_reports_its_progress_to_the_end() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(&dir.path().join("vault")).await;
    let downloads = dir.path().join("downloads");
    fs::create_dir(&downloads)?;
    let reports = std::sync::Mutex::new(Vec::new());
    let record = |progress: Progress| {
        if let Ok(mut reports) = reports.lock() {
            reports.push(progress);
        }
    };
    let first = backup_into(&vault, &with_passphrase(), false, &downloads, &record).await?;
    let second = backup_into(&vault, &with_passphrase(), false, &downloads, &record).await?;
    let stem = format!("{BACKUP_FILE_PREFIX}-{}", crate::calendar::today());
    assert!(
        first.path.ends_with(&format!("{stem}.age")),
        "{}",
        first.path
    );
    assert!(
        second.path.ends_with(&format!("{stem} (2).age")),
        "{}",
        second.path
    );
    let reports = reports.into_inner().map_err(|_| "poisoned")?;
    // Each backup reports from its copy to its end, never going back.
    let backups: Vec<&[Progress]> = reports
        .split_inclusive(|progress| progress.done == progress.total)
        .collect();
    assert_eq!(backups.len(), 2, "{reports:?}");
    for reported in backups {
        assert!(reported.len() >= 2, "{reported:?}");
        assert!(reported.windows(2).all(|pair| pair[0].done <= pair[1].done));
        assert!(reported
            .iter()
            .all(|progress| progress.total == reported[0].total));
    }
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn a_backup_to_the_recovery_key_restores_with_it_alone_and_a_new_passphrase() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, recovery_key) = new_vault(&dir.path().join("vault")).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    fixtures::client(&vault, company_id).await?;
    let before = contents(&vault).await?;
    let recipient = recovery_recipient(&vault)
        .await?
        .ok_or("no recovery recipient kept")?;
    let file = dir.path().join("backup.age");
    backup(
        &vault,
        &Encryption::Recipients(vec![recipient]),
        false,
        &file,
    )
    .await?;
    vault.lock().await;
    // The passphrase is forgotten: the recovery key opens the backup and sets a new one.
    let target = dir.path().join("restored");
    let new_passphrase = secret("あたらしいあいことば");
    restore_with_recovery_key(&fs::read(&file)?, &recovery_key, &new_passphrase, &target).await?;
    let reopened = Vault::unlock(&target, &new_passphrase).await?;
    assert_eq!(contents(&reopened).await?, before);
    reopened.lock().await;
    // Another vault's recovery key opens nothing, and leaves nothing.
    let (other, other_key) = new_vault(&dir.path().join("other")).await;
    other.lock().await;
    let elsewhere = dir.path().join("elsewhere");
    let refused =
        restore_with_recovery_key(&fs::read(&file)?, &other_key, &new_passphrase, &elsewhere)
            .await
            .err();
    assert_eq!(
        refused.map(|e| e.code()),
        Some(crate::ErrorCode::WrongBackupKey)
    );
    assert!(!elsewhere.exists());
    Ok(())
}

#[tokio::test]
async fn the_app_restores_from_downloads_into_its_own_directory_and_keeps_the_language(
) -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, recovery_key) = new_vault(&dir.path().join("vault")).await;
    fixtures::company(&vault, "株式会社バックアップ").await?;
    let downloads = dir.path().join("Downloads");
    std::fs::create_dir(&downloads)?;
    let recipient = recovery_recipient(&vault)
        .await?
        .ok_or("no recovery recipient")?;
    backup_into(
        &vault,
        &Encryption::Recipients(vec![recipient]),
        false,
        &downloads,
        &|_| {},
    )
    .await?;
    vault.lock().await;
    // A package beside the backup is not offered.
    std::fs::write(downloads.join("人事向けサマリー-KZ-1-KZC-1.age"), b"age")?;
    let names = candidates(&downloads)?;
    assert_eq!(names.len(), 1);
    assert!(names[0].starts_with(BACKUP_FILE_PREFIX));
    // The setup screen saved a language; the directory holds nothing else.
    let data_dir = dir.path().join("app");
    crate::preferences::save(
        &data_dir,
        &crate::preferences::Preferences {
            language: crate::preferences::Language::En,
            ..crate::preferences::Preferences::default()
        },
    )?;
    let with = RestoreWith::RecoveryKey {
        recovery_key: recovery_key.expose_text(),
        new_passphrase: secret("あたらしいあいことば"),
    };
    // A directory holding anything but the language is refused before anything moves.
    std::fs::write(data_dir.join("notes.txt"), b"x")?;
    let crowded = restore_into_app(&downloads, &names[0], &with, &data_dir).await;
    assert_eq!(
        crowded.err().map(|e| e.code()),
        Some(crate::ErrorCode::TargetNotEmpty)
    );
    assert!(data_dir.join("preferences.json").exists());
    std::fs::remove_file(data_dir.join("notes.txt"))?;
    // A name that is not a plain file name in Downloads is refused, and nothing moves.
    let outside = restore_into_app(&downloads, "../vault/kizuki.db", &with, &data_dir).await;
    assert!(outside.is_err());
    assert_eq!(
        crate::preferences::load(&data_dir).language,
        crate::preferences::Language::En
    );
    restore_into_app(&downloads, &names[0], &with, &data_dir).await?;
    assert_eq!(
        crate::preferences::load(&data_dir).language,
        crate::preferences::Language::En
    );
    let restored = Vault::unlock(&data_dir, &secret("あたらしいあいことば")).await?;
    assert_eq!(crate::company::list(&restored).await?.len(), 1);
    restored.lock().await;
    // A second restore finds a vault there and refuses, keeping it.
    let again = restore_into_app(&downloads, &names[0], &with, &data_dir).await;
    assert_eq!(
        again.err().map(|e| e.code()),
        Some(crate::ErrorCode::TargetNotEmpty)
    );
    Vault::unlock(&data_dir, &secret("あたらしいあいことば"))
        .await?
        .lock()
        .await;
    Ok(())
}
