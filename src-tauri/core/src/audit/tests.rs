//! The audit chain against a real vault.

use super::*;
use crate::test_support::fixtures::TestResult;
use crate::test_support::new_vault;

async fn append(vault: &Vault, action: Action, subject: &str) -> TestResult {
    let mut tx = vault.write().await?;
    store::append(&mut tx, action, subject, "", Utc::now()).await?;
    tx.commit().await?;
    Ok(())
}

#[tokio::test]
async fn the_chain_holds_and_shows_an_edit_or_a_removal() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    assert_eq!(
        verify(&vault).await?,
        Verdict::Intact {
            entries: 0,
            head: store::GENESIS.to_owned()
        }
    );
    append(&vault, Action::ConsentGranted, "KZC-1 KZ-1").await?;
    append(&vault, Action::Export, "KZC-1 KZ-1").await?;
    append(&vault, Action::Erasure, "KZ-1").await?;
    let entries = list(&vault).await?;
    assert_eq!(
        verify(&vault).await?,
        Verdict::Intact {
            entries: 3,
            head: entries[0].hash.clone()
        }
    );
    assert_eq!(head(&vault).await?, entries[0].hash);

    // The table refuses edits and removals outright.
    let pool = vault.pool();
    let refused = sqlx::query("UPDATE audit_log SET subject = 'KZ-2' WHERE id = 2")
        .execute(pool)
        .await;
    assert!(refused.is_err());
    assert!(sqlx::query("DELETE FROM audit_log WHERE id = 3")
        .execute(pool)
        .await
        .is_err());

    // Around that refusal (the triggers dropped), an edit breaks the chain where it was made.
    sqlx::raw_sql(
        "DROP TRIGGER audit_log_is_append_only_update;
         DROP TRIGGER audit_log_is_append_only_delete;
         UPDATE audit_log SET subject = 'KZ-2' WHERE id = 2;",
    )
    .execute(pool)
    .await?;
    assert_eq!(verify(&vault).await?, Verdict::Broken { at_entry: 2 });
    sqlx::query("UPDATE audit_log SET subject = 'KZC-1 KZ-1' WHERE id = 2")
        .execute(pool)
        .await?;
    assert!(matches!(verify(&vault).await?, Verdict::Intact { .. }));
    // Removing an entry, even the first, shows too.
    sqlx::query("DELETE FROM audit_log WHERE id = 1")
        .execute(pool)
        .await?;
    assert_eq!(verify(&vault).await?, Verdict::Broken { at_entry: 1 });
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn removing_the_newest_entries_shows_against_the_records_and_a_head_kept_elsewhere(
) -> TestResult {
    use crate::test_support::fixtures;
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let program_id = fixtures::program(&vault, company_id).await?;
    let client_id = fixtures::client(&vault, company_id).await?;
    append(&vault, Action::Erasure, "KZ-99").await?;
    let witnessed = head(&vault).await?;
    let consent = crate::consent::grant(
        &vault,
        &crate::consent::tests::hr_consent(client_id, program_id),
    )
    .await?;
    let latest = head(&vault).await?;
    assert!(matches!(
        verify_against(&vault, &[witnessed.clone(), latest.clone()]).await?,
        Verdict::Intact { entries: 2, .. }
    ));
    // The newest entry removed: the chain that is left holds, but the consent lacks its entry
    // and the head a recipient kept is no longer in it.
    sqlx::raw_sql(
        "DROP TRIGGER audit_log_is_append_only_delete;
         DELETE FROM audit_log WHERE id = 2;",
    )
    .execute(vault.pool())
    .await?;
    assert_eq!(
        verify_against(&vault, &[witnessed, latest.clone()]).await?,
        Verdict::Incomplete {
            missing: vec![format!("KZC-{}", consent.id), latest]
        }
    );
    vault.lock().await;
    Ok(())
}
