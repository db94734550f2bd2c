//! Crash safety: a process writes interviews in a loop and is killed with SIGKILL at random
//! moments, over and over; after each kill the vault must unlock, pass SQLite's integrity
//! check, and hold every write whose call had returned. The writer is this test binary itself,
//! started again with `KIZUKI_CRASH_WRITER` set.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use rand::{Rng, SeedableRng};

use super::Vault;
use crate::ids::{ClientId, InterviewId};
use crate::interview;
use crate::test_support::{fixtures, new_vault, secret, this_test_again, PASSPHRASE};

const WRITER_VARIABLE: &str = "KIZUKI_CRASH_WRITER";
const KILLS: usize = 100;
const TEST_NAME: &str =
    "vault::crash_tests::every_write_that_returned_survives_a_kill_at_any_moment";

type TestResult = Result<(), Box<dyn std::error::Error>>;

#[test]
fn every_write_that_returned_survives_a_kill_at_any_moment() -> TestResult {
    let runtime = tokio::runtime::Runtime::new()?;
    if let Some(dir) = std::env::var_os(WRITER_VARIABLE) {
        return runtime.block_on(write_until_killed(Path::new(&dir)));
    }
    let dir = tempfile::tempdir()?;
    let client = runtime.block_on(async {
        let (vault, _) = new_vault(dir.path()).await;
        let company = fixtures::company(&vault, "株式会社サンプル").await?;
        let client = fixtures::client(&vault, company).await?;
        vault.lock().await;
        Ok::<_, Box<dyn std::error::Error>>(client)
    })?;
    let seed: u64 = rand::random();
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    // Every write acknowledged so far, by interview: the notes its last returned save holds.
    let mut acknowledged: BTreeMap<i64, String> = BTreeMap::new();
    for kill in 0..KILLS {
        let mut writer = this_test_again(TEST_NAME, &[])?
            .env(WRITER_VARIABLE, dir.path())
            .env("KIZUKI_CRASH_CLIENT", client.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        // Anywhere: while it unlocks, migrates, or writes.
        std::thread::sleep(Duration::from_millis(rng.gen_range(5..250)));
        writer.kill()?;
        writer.wait()?;
        let mut output = String::new();
        if let Some(mut stdout) = writer.stdout.take() {
            stdout.read_to_string(&mut output)?;
        }
        for line in output.lines() {
            // `saved <id> <notes>`, printed only after the save returned.
            let mut parts = line.splitn(3, ' ');
            if let (Some("saved"), Some(id), Some(notes)) =
                (parts.next(), parts.next(), parts.next())
            {
                acknowledged.insert(id.parse()?, notes.to_owned());
            }
        }
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
            for (id, notes) in &acknowledged {
                let found = interview::get(&vault, InterviewId(*id)).await?;
                // A save may have landed without its report: the kill came between the two.
                // What was reported must be there, or a later save of the same interview.
                assert!(
                    same_or_later(&found.notes, notes),
                    "kill {kill} (seed {seed}): interview {id} lost a save that returned: \
                     {notes:?} was reported, {:?} is there",
                    found.notes
                );
            }
            vault.lock().await;
            Ok::<_, Box<dyn std::error::Error>>(())
        })?;
    }
    assert!(
        acknowledged.len() >= 10,
        "the writer must get far enough to be killed mid-write (seed {seed}): {}",
        acknowledged.len()
    );
    Ok(())
}

/// The writer's notes are `base`, then `base 追記0`, `base 追記1` …, in that order.
fn same_or_later(found: &str, reported: &str) -> bool {
    let split = |notes: &str| -> (String, i64) {
        match notes.rsplit_once(" 追記") {
            Some((base, edit)) => (base.to_owned(), edit.parse().unwrap_or(i64::MAX)),
            None => (notes.to_owned(), -1),
        }
    };
    let (found_base, found_edit) = split(found);
    let (reported_base, reported_edit) = split(reported);
    found_base == reported_base && found_edit >= reported_edit
}

/// The writer: new interviews and saves of their notes, each reported once it returned.
async fn write_until_killed(dir: &Path) -> TestResult {
    use std::io::Write;
    let client: ClientId = std::env::var("KIZUKI_CRASH_CLIENT")?.parse()?;
    let vault = Vault::unlock(dir, &secret(PASSPHRASE)).await?;
    let mut stdout = std::io::stdout();
    for round in 0u64.. {
        let notes = format!("面談メモ {round}: 上司との関係、異動の希望。");
        let created = fixtures::interview_with_notes(&vault, client, &notes).await?;
        writeln!(stdout, "saved {} {notes}", created.id)?;
        for edit in 0..3 {
            let edited = format!("{notes} 追記{edit}");
            interview::save_notes(&vault, created.id, &edited).await?;
            writeln!(stdout, "saved {} {edited}", created.id)?;
        }
    }
    Ok(())
}
