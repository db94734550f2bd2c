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

/// The guarded tables' triggers, which whoever holds the key can drop.
const GUARDS: [&str; 10] = [
    "consents_are_never_edited",
    "consents_leave_only_with_their_client",
    "consent_parts_are_fixed_at_grant",
    "consent_flags_are_fixed_at_grant",
    "consent_parts_are_never_edited",
    "consent_parts_leave_only_with_their_consent",
    "consent_flags_are_never_edited",
    "consent_flags_leave_only_with_their_consent",
    "provision_records_are_kept_as_made",
    "provision_records_are_kept_their_time",
];

/// A consent with a summary exported under it, and a second consent revoked.
struct Logged {
    client: crate::ids::ClientId,
    company: crate::ids::CompanyId,
    program: crate::ids::ProgramId,
    shared: crate::ids::ConsentId,
    revoked: crate::ids::ConsentId,
    provision: i64,
    package: Vec<u8>,
    hr: age::x25519::Identity,
}

async fn logged(vault: &Vault, dir: &std::path::Path) -> TestResult<Logged> {
    use crate::consent::tests::hr_consent;
    use crate::test_support::fixtures;
    let company_id = fixtures::company(vault, "株式会社サンプル").await?;
    let program_id = fixtures::program(vault, company_id).await?;
    let client_id = fixtures::client(vault, company_id).await?;
    let shared = crate::consent::grant(vault, &hr_consent(client_id, program_id)).await?;
    crate::export::save_summary(vault, shared.id, "要約").await?;
    let revoked = crate::consent::grant(vault, &hr_consent(client_id, program_id)).await?;
    crate::consent::revoke(
        vault,
        revoked.id,
        &crate::consent::RevocationInput {
            revoked_on: "2026-11-25".into(),
            note: Some("本人の申し出".into()),
        },
    )
    .await?;
    let hr = age::x25519::Identity::generate();
    let exported = export(vault, shared.id, &hr, &dir.join("summary.age")).await?;
    Ok(Logged {
        client: client_id,
        company: company_id,
        program: program_id,
        shared: shared.id,
        revoked: revoked.id,
        provision: exported.provision_record.ok_or("no provision record")?,
        package: std::fs::read(&exported.path)?,
        hr,
    })
}

async fn export(
    vault: &Vault,
    consent: crate::ids::ConsentId,
    hr: &age::x25519::Identity,
    path: &std::path::Path,
) -> TestResult<crate::export::Exported> {
    Ok(crate::export::export_summary(
        vault,
        &crate::export::SummaryRequest {
            consent_id: consent,
            parts: vec![crate::consent::SharePart::Summary],
            flag_ids: Vec::new(),
            summary: None,
        },
        &crate::export::Target {
            encryption: crate::package::Encryption::Recipients(vec![hr.to_public().to_string()]),
            armored: false,
            path: path.to_owned(),
        },
    )
    .await?)
}

#[tokio::test]
async fn consents_and_provision_records_refuse_edits_and_show_one_made_around_that() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(&dir.path().join("vault")).await;
    let scene = logged(&vault, dir.path()).await?;
    assert!(matches!(verify(&vault).await?, Verdict::Intact { .. }));
    let (shared, revoked, provision) = (scene.shared.0, scene.revoked.0, scene.provision);
    let pool = vault.pool();

    // The tables refuse what would change what a consent covered or what was given.
    for edit in [
        format!("UPDATE consents SET purpose = '人事評価のため' WHERE id = {shared}"),
        format!("UPDATE consents SET expires_on = '2030-03-31' WHERE id = {shared}"),
        format!(
            "UPDATE consents SET revoked_on = NULL, revocation_note = NULL WHERE id = {revoked}"
        ),
        format!("UPDATE consents SET revoked_on = '2026-11-30' WHERE id = {revoked}"),
        format!("DELETE FROM consents WHERE id = {shared}"),
        format!("INSERT INTO consent_parts (consent_id, part) VALUES ({shared}, 'themes')"),
        format!("DELETE FROM consent_parts WHERE consent_id = {shared}"),
        format!("UPDATE consent_parts SET part = 'themes' WHERE consent_id = {shared}"),
        format!("UPDATE provision_records SET recipient_name = '営業部長' WHERE id = {provision}"),
        format!("UPDATE provision_records SET package_sha256 = 'ab' WHERE id = {provision}"),
        format!("UPDATE provision_records SET person = 'KZ-1' WHERE id = {provision}"),
        format!("DELETE FROM provision_records WHERE id = {provision}"),
    ] {
        assert!(
            sqlx::query(&edit).execute(pool).await.is_err(),
            "refused: {edit}"
        );
    }
    // Whoever holds the key drops the guards and edits around them: each edit shows against
    // the digest its record's entry carries, and putting it back shows the record whole again.
    for guard in GUARDS {
        sqlx::query(&format!("DROP TRIGGER {guard}"))
            .execute(pool)
            .await?;
    }
    let edits = [
        (
            format!("UPDATE consents SET purpose = '人事評価のため' WHERE id = {shared}"),
            format!("UPDATE consents SET purpose = '配置と研修の検討のため' WHERE id = {shared}"),
            format!("KZC-{shared}"),
        ),
        (
            format!("UPDATE consents SET expires_on = '2030-03-31' WHERE id = {shared}"),
            format!("UPDATE consents SET expires_on = '2027-03-31' WHERE id = {shared}"),
            format!("KZC-{shared}"),
        ),
        (
            format!("INSERT INTO consent_parts (consent_id, part) VALUES ({shared}, 'themes')"),
            format!("DELETE FROM consent_parts WHERE consent_id = {shared} AND part = 'themes'"),
            format!("KZC-{shared}"),
        ),
        (
            format!("UPDATE consents SET revoked_on = NULL, revocation_note = NULL WHERE id = {revoked}"),
            format!("UPDATE consents SET revoked_on = '2026-11-25', revocation_note = '本人の申し出' WHERE id = {revoked}"),
            format!("KZC-{revoked}"),
        ),
        (
            format!("UPDATE consents SET revoked_on = '2026-11-30' WHERE id = {revoked}"),
            format!("UPDATE consents SET revoked_on = '2026-11-25' WHERE id = {revoked}"),
            format!("KZC-{revoked}"),
        ),
        (
            format!("UPDATE provision_records SET recipient_name = '営業部長' WHERE id = {provision}"),
            format!("UPDATE provision_records SET recipient_name = '人事部 山本様' WHERE id = {provision}"),
            format!("KZP-{provision}"),
        ),
        (
            format!("UPDATE provision_records SET items = 'summary' || char(10) || 'themes' WHERE id = {provision}"),
            format!("UPDATE provision_records SET items = 'summary' WHERE id = {provision}"),
            format!("KZP-{provision}"),
        ),
        (
            format!("UPDATE provision_records SET person = '佐藤 花子' WHERE id = {provision}"),
            format!("UPDATE provision_records SET person = '高橋 美咲' WHERE id = {provision}"),
            format!("KZP-{provision}"),
        ),
        (
            format!("UPDATE provision_records SET sealed_for = 'passphrase' WHERE id = {provision}"),
            format!(
                "UPDATE provision_records SET sealed_for = 'keys' || char(10) || '{}' WHERE id = {provision}",
                scene.hr.to_public()
            ),
            format!("KZP-{provision}"),
        ),
    ];
    for (edit, undo, record) in edits {
        sqlx::query(&edit).execute(pool).await?;
        assert_eq!(
            verify(&vault).await?,
            Verdict::Altered {
                records: vec![record]
            },
            "{edit}"
        );
        sqlx::query(&undo).execute(pool).await?;
        assert!(
            matches!(verify(&vault).await?, Verdict::Intact { .. }),
            "{undo}"
        );
    }
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn a_package_carries_its_own_entry_so_the_recipient_anchors_the_log() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(&dir.path().join("vault")).await;
    let scene = logged(&vault, dir.path()).await?;
    let files = crate::package::zip::read(&age::decrypt(&scene.hr, &scene.package)?)?;
    let manifest: crate::package::Manifest = serde_json::from_slice(&files[0].1)?;
    let log = list(&vault).await?;
    // The package's head is its own entry, the newest: nothing it records is left out.
    assert_eq!(manifest.audit_head, log[0].hash);
    assert!(log[0]
        .subject
        .starts_with(&format!("KZP-{} ", scene.provision)));
    // The entry carries what the recipient can recompute from the manifest's file list.
    let listed: Vec<String> = manifest
        .files
        .iter()
        .flat_map(|file| {
            [
                file.name.clone(),
                file.bytes.to_string(),
                file.sha256.clone(),
            ]
        })
        .collect();
    let content = store::digest(&listed.iter().map(|f| Some(f.as_str())).collect::<Vec<_>>());
    assert!(log[0].detail.contains(&format!("content={content}")));
    let fingerprint = &crate::package::sha256(scene.hr.to_public().to_string().as_bytes())[..16];
    assert!(log[0]
        .detail
        .contains(&format!("sealed=keys:{fingerprint}")));
    assert!(matches!(
        verify_against(&vault, std::slice::from_ref(&manifest.audit_head)).await?,
        Verdict::Intact { .. }
    ));
    // The owner removes the export's entry and its record together, consistently: the vault
    // alone no longer shows it, the recipient's copy does.
    for guard in GUARDS {
        sqlx::query(&format!("DROP TRIGGER {guard}"))
            .execute(vault.pool())
            .await?;
    }
    sqlx::raw_sql(&format!(
        "DROP TRIGGER audit_log_is_append_only_delete;
         DELETE FROM audit_log WHERE id = {};
         DELETE FROM provision_records WHERE id = {};",
        log[0].id, scene.provision
    ))
    .execute(vault.pool())
    .await?;
    assert!(matches!(verify(&vault).await?, Verdict::Intact { .. }));
    assert_eq!(
        verify_against(&vault, std::slice::from_ref(&manifest.audit_head)).await?,
        Verdict::Incomplete {
            missing: vec![manifest.audit_head.clone()]
        }
    );
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn a_record_removed_around_its_guards_is_missed_by_the_log() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(&dir.path().join("vault")).await;
    let scene = logged(&vault, dir.path()).await?;
    let pool = vault.pool();
    for guard in GUARDS {
        sqlx::query(&format!("DROP TRIGGER {guard}"))
            .execute(pool)
            .await?;
    }
    let (revoked, provision) = (scene.revoked.0, scene.provision);
    for (remove, put_back, reference) in [
        (
            format!(
                "CREATE TABLE removed AS SELECT * FROM provision_records WHERE id = {provision};
                 DELETE FROM provision_records WHERE id = {provision};"
            ),
            "INSERT INTO provision_records SELECT * FROM removed; DROP TABLE removed;".to_owned(),
            format!("KZP-{provision}"),
        ),
        (
            format!(
                "CREATE TABLE removed AS SELECT * FROM consents WHERE id = {revoked};
                 CREATE TABLE removed_parts AS SELECT * FROM consent_parts WHERE consent_id = {revoked};
                 DELETE FROM consents WHERE id = {revoked};"
            ),
            "INSERT INTO consents SELECT * FROM removed;
             INSERT INTO consent_parts SELECT * FROM removed_parts;
             DROP TABLE removed; DROP TABLE removed_parts;"
                .to_owned(),
            format!("KZC-{revoked}"),
        ),
    ] {
        sqlx::raw_sql(&remove).execute(pool).await?;
        assert_eq!(
            verify(&vault).await?,
            Verdict::Incomplete {
                missing: vec![reference]
            },
            "{remove}"
        );
        sqlx::raw_sql(&put_back).execute(pool).await?;
        assert!(matches!(verify(&vault).await?, Verdict::Intact { .. }));
    }
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn after_an_erasure_reused_ids_are_told_apart_from_the_erased_ones() -> TestResult {
    use crate::test_support::fixtures;
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(&dir.path().join("vault")).await;
    let scene = logged(&vault, dir.path()).await?;
    crate::erasure::erase_client(
        &vault,
        &crate::erasure::ErasureRequest {
            client_id: scene.client,
            confirmation: "高橋 美咲".into(),
        },
    )
    .await?;
    // The consents left with the client, the record names them by reference: all as logged.
    assert!(matches!(verify(&vault).await?, Verdict::Intact { .. }));
    let records = crate::provision::list(&vault).await?;
    assert_eq!(records[0].person, format!("KZ-{}", scene.client.0));

    // The next client and consent take the erased ones' numbers.
    let client = fixtures::client(&vault, scene.company).await?;
    let consent = crate::consent::grant(
        &vault,
        &crate::consent::tests::hr_consent(client, scene.program),
    )
    .await?;
    assert_eq!((client, consent.id), (scene.client, scene.shared));
    crate::export::save_summary(&vault, consent.id, "要約").await?;
    export(
        &vault,
        consent.id,
        &scene.hr,
        &dir.path().join("second.age"),
    )
    .await?;
    assert!(matches!(verify(&vault).await?, Verdict::Intact { .. }));

    // The newest entries cut (the new grant and its export): the erased consent's grant of the
    // same number does not stand in for the one cut.
    let log = list(&vault).await?;
    let grant = log
        .iter()
        .find(|entry| entry.action == Action::ConsentGranted)
        .ok_or("no grant")?;
    sqlx::raw_sql(&format!(
        "DROP TRIGGER audit_log_is_append_only_delete;
         DELETE FROM audit_log WHERE id >= {};",
        grant.id
    ))
    .execute(vault.pool())
    .await?;
    let Verdict::Incomplete { missing } = verify(&vault).await? else {
        panic!("the cut is not seen");
    };
    assert!(
        missing.contains(&format!("KZC-{}", consent.id.0)),
        "{missing:?}"
    );
    vault.lock().await;
    Ok(())
}
