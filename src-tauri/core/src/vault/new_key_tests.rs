//! A new database key against a real vault: old key files (as a backup holds them) and old
//! secrets open nothing afterwards; a wrong passphrase changes nothing; and a rekey killed at
//! any moment leaves a vault that opens and holds everything (the rekeying process is this test
//! binary, started again with `KIZUKI_REKEY_CHILD` set).

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use rand::{Rng, SeedableRng};

use super::key::KdfCost;
use super::{Error, RecoveryKey, Vault};
use crate::test_support::{fixtures, new_vault, secret, this_test_again, PASSPHRASE};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const MARKER_COMPANY: &str = "株式会社鍵替えマーカー";

async fn rekeyed(vault: Vault, new_passphrase: Option<&str>) -> (Vault, RecoveryKey) {
    let new_passphrase = new_passphrase.map(secret);
    match vault
        .rekey_with_cost(
            &secret(PASSPHRASE),
            new_passphrase.as_ref(),
            KdfCost::Fixed(10),
        )
        .await
    {
        Ok(done) => done,
        Err(failure) => panic!("the rekey failed: {:?}", failure.error),
    }
}

async fn holds_the_marker(vault: &Vault) -> Result<bool, Box<dyn std::error::Error>> {
    Ok(crate::company::list(vault)
        .await?
        .iter()
        .any(|summary| summary.company.name == MARKER_COMPANY))
}

/// A copy of the vault's directory with `file` put back as it was.
fn copy_with(dir: &Path, file: &str, old: &[u8]) -> Result<tempfile::TempDir, std::io::Error> {
    let copy = tempfile::tempdir()?;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            std::fs::copy(entry.path(), copy.path().join(entry.file_name()))?;
        }
    }
    std::fs::write(copy.path().join(file), old)?;
    Ok(copy)
}

#[tokio::test]
async fn after_a_rekey_no_old_key_file_or_secret_opens_the_database() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, old_recovery_key) = new_vault(dir.path()).await;
    fixtures::company(&vault, MARKER_COMPANY).await?;
    let old_passphrase_file = std::fs::read(vault.layout.passphrase_key())?;
    let old_recovery_file = std::fs::read(vault.layout.recovery_key())?;
    let old_database = std::fs::read(vault.layout.database())?;

    let (vault, recovery_key) = rekeyed(vault, None).await;
    assert!(holds_the_marker(&vault).await?);
    assert!(vault.integrity_check().await?);
    // The log of the vault it produced says so, and its chain still holds.
    let log = crate::audit::list(&vault).await?;
    assert_eq!(
        log.first().map(|entry| entry.action),
        Some(crate::audit::Action::Rekey)
    );
    assert!(matches!(
        crate::audit::verify(&vault).await?,
        crate::audit::Verdict::Intact { .. }
    ));
    assert_eq!(
        vault.recovery_file_state().await?,
        super::RecoveryFileState::Intact
    );
    vault.lock().await;
    assert!(!dir.path().join("rekey-staging").exists());
    assert_ne!(std::fs::read(dir.path().join("kizuki.db"))?, old_database);

    // The passphrase is kept, under the new key.
    let vault = Vault::unlock(dir.path(), &secret(PASSPHRASE)).await?;
    assert!(holds_the_marker(&vault).await?);
    vault.lock().await;

    // The attacker holds a backup's key files and the old secrets: neither opens today's data.
    let with_old_passphrase_file =
        copy_with(dir.path(), "key.passphrase.age", &old_passphrase_file)?;
    let opened = Vault::unlock(with_old_passphrase_file.path(), &secret(PASSPHRASE)).await;
    assert!(matches!(opened, Err(Error::Damaged(_))), "{opened:?}");
    let with_old_recovery_file = copy_with(dir.path(), "key.recovery.age", &old_recovery_file)?;
    let recovered = Vault::recover(
        with_old_recovery_file.path(),
        &old_recovery_key,
        &secret("あたらしいあいことば"),
    )
    .await;
    assert!(recovered.is_err(), "{recovered:?}");
    // The old recovery key does not open the new recovery file either; the new one does.
    let refused = Vault::recover(
        dir.path(),
        &old_recovery_key,
        &secret("あたらしいあいことば"),
    )
    .await;
    assert!(
        matches!(refused, Err(Error::WrongRecoveryKey)),
        "{refused:?}"
    );
    let vault = Vault::recover(dir.path(), &recovery_key, &secret("あたらしいあいことば")).await?;
    assert!(holds_the_marker(&vault).await?);
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn a_rekey_can_set_a_new_passphrase_and_the_old_one_then_opens_nothing() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    fixtures::company(&vault, MARKER_COMPANY).await?;
    let (vault, _) = rekeyed(vault, Some("まったくべつのあいことば")).await;
    vault.lock().await;
    let old = Vault::unlock(dir.path(), &secret(PASSPHRASE)).await;
    assert!(matches!(old, Err(Error::WrongPassphrase)), "{old:?}");
    let vault = Vault::unlock(dir.path(), &secret("まったくべつのあいことば")).await?;
    assert!(holds_the_marker(&vault).await?);
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn a_wrong_passphrase_or_a_short_new_one_changes_nothing_and_keeps_the_vault_open(
) -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    fixtures::company(&vault, MARKER_COMPANY).await?;
    let files = |dir: &Path| -> std::io::Result<Vec<Vec<u8>>> {
        ["key.passphrase.age", "key.recovery.age"]
            .iter()
            .map(|name| std::fs::read(dir.join(name)))
            .collect()
    };
    let before = files(dir.path())?;
    let failure = match vault
        .rekey_with_cost(&secret("まちがったあいことば"), None, KdfCost::Fixed(10))
        .await
    {
        Ok(_) => panic!("a wrong passphrase rekeyed the vault"),
        Err(failure) => failure,
    };
    assert!(matches!(failure.error, Error::WrongPassphrase));
    let vault = failure.vault.ok_or("the vault was not handed back")?;
    let failure = match vault
        .rekey_with_cost(
            &secret(PASSPHRASE),
            Some(&secret("短い")),
            KdfCost::Fixed(10),
        )
        .await
    {
        Ok(_) => panic!("a short passphrase was taken"),
        Err(failure) => failure,
    };
    assert!(matches!(failure.error, Error::PassphraseTooShort { .. }));
    let vault = failure.vault.ok_or("the vault was not handed back")?;
    assert!(holds_the_marker(&vault).await?);
    assert_eq!(files(dir.path())?, before);
    assert!(!dir.path().join("rekey-staging").exists());
    vault.lock().await;
    Ok(())
}

/// A rekey stopped after its staging folder was marked ready, in each state the renames can
/// leave: nothing moved (the old key stays), or the database moved (the rest follows, and the
/// recovery file whose key no one saw is not kept, so the app asks for a new one).
#[tokio::test]
async fn a_rekey_stopped_between_its_renames_is_settled_at_the_next_unlock() -> TestResult {
    for database_moved in [false, true] {
        let dir = tempfile::tempdir()?;
        let (vault, _) = new_vault(dir.path()).await;
        fixtures::company(&vault, MARKER_COMPANY).await?;
        let old_passphrase_file = std::fs::read(vault.layout.passphrase_key())?;
        vault
            .stage_new_key(&secret(PASSPHRASE), None, KdfCost::Fixed(10))
            .await?;
        vault.lock().await;
        let staging = dir.path().join("rekey-staging");
        assert!(staging.join("ready").exists());
        if database_moved {
            std::fs::rename(staging.join("kizuki.db"), dir.path().join("kizuki.db"))?;
        }
        let vault = Vault::unlock(dir.path(), &secret(PASSPHRASE)).await?;
        assert!(holds_the_marker(&vault).await?, "moved: {database_moved}");
        assert!(vault.integrity_check().await?);
        assert!(!staging.exists());
        let passphrase_file_kept =
            std::fs::read(vault.layout.passphrase_key())? == old_passphrase_file;
        let recovery = vault.recovery_file_state().await?;
        vault.lock().await;
        if database_moved {
            assert!(
                !passphrase_file_kept,
                "the new passphrase file follows the database"
            );
            assert_eq!(recovery, super::RecoveryFileState::Missing);
        } else {
            assert!(passphrase_file_kept, "nothing moved: the old key stays");
            assert_eq!(recovery, super::RecoveryFileState::Intact);
        }
    }
    Ok(())
}

const CHILD_VARIABLE: &str = "KIZUKI_REKEY_CHILD";
const KILLS: usize = 16;
const TEST_NAME: &str =
    "vault::new_key_tests::a_rekey_killed_at_any_moment_leaves_a_vault_that_opens_whole";

#[test]
fn a_rekey_killed_at_any_moment_leaves_a_vault_that_opens_whole() -> TestResult {
    let runtime = tokio::runtime::Runtime::new()?;
    if let Some(dir) = std::env::var_os(CHILD_VARIABLE) {
        return runtime.block_on(rekey_until_killed(Path::new(&dir)));
    }
    let dir = tempfile::tempdir()?;
    runtime.block_on(async {
        let (vault, _) = new_vault(dir.path()).await;
        fixtures::company(&vault, MARKER_COMPANY).await?;
        vault.lock().await;
        Ok::<_, Box<dyn std::error::Error>>(())
    })?;
    let seed: u64 = rand::random();
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let mut rekeys_seen = 0;
    for kill in 0..KILLS {
        let mut child = this_test_again(TEST_NAME, &[])?
            .env(CHILD_VARIABLE, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let mut stdout = std::io::BufReader::new(child.stdout.take().ok_or("no stdout")?);
        if kill % 4 == 0 {
            // Every fourth time, only once a rekey has finished, however slow the machine: the
            // next is then under way, and the kill lands in its renames as often as anywhere.
            let mut line = String::new();
            std::io::BufRead::read_line(&mut stdout, &mut line)?;
            rekeys_seen += usize::from(line.trim() == "rekeyed");
            std::thread::sleep(Duration::from_millis(rng.gen_range(0..40)));
        } else {
            // Anywhere: while it unlocks, copies, writes key files, or renames them.
            std::thread::sleep(Duration::from_millis(rng.gen_range(20..600)));
        }
        child.kill()?;
        child.wait()?;
        let mut output = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut output)?;
        rekeys_seen += output.lines().filter(|line| *line == "rekeyed").count();
        runtime.block_on(async {
            let vault = Vault::unlock(dir.path(), &secret(PASSPHRASE))
                .await
                .map_err(|error| {
                    format!("kill {kill} (seed {seed}): the vault does not unlock: {error}")
                })?;
            assert!(
                vault.integrity_check().await?,
                "kill {kill} (seed {seed}): integrity check failed"
            );
            assert!(
                holds_the_marker(&vault).await?,
                "kill {kill} (seed {seed}): the marker is gone"
            );
            // Never a recovery file that looks kept but opens nothing: missing asks for a new key.
            assert_ne!(
                vault.recovery_file_state().await?,
                super::RecoveryFileState::Damaged,
                "kill {kill} (seed {seed})"
            );
            vault.lock().await;
            Ok::<_, Box<dyn std::error::Error>>(())
        })?;
        assert!(
            !dir.path().join("rekey-staging").exists(),
            "kill {kill} (seed {seed}): the unlock left the staging folder"
        );
    }
    assert!(
        rekeys_seen >= 3,
        "the child must get far enough to finish rekeys between kills (seed {seed}): {rekeys_seen}"
    );
    Ok(())
}

/// The child: unlocks and rekeys, over and over, saying each time one finished.
async fn rekey_until_killed(dir: &Path) -> TestResult {
    use std::io::Write;
    let mut stdout = std::io::stdout();
    let mut vault = Vault::unlock(dir, &secret(PASSPHRASE)).await?;
    loop {
        vault = rekeyed(vault, None).await.0;
        writeln!(stdout, "rekeyed")?;
        stdout.flush()?;
    }
}
