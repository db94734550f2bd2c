//! Retention against a real vault.

use super::*;
use crate::test_support::fixtures::{self, TestResult};
use crate::test_support::new_vault;
use crate::ErrorCode;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_default()
}

async fn client_last_seen(
    vault: &Vault,
    company_id: crate::ids::CompanyId,
    name: &str,
    held_at: Option<&str>,
) -> TestResult<ClientId> {
    let client_id = fixtures::named_client(vault, company_id, name, "あ").await?;
    if let Some(held_at) = held_at {
        fixtures::held_interview(vault, client_id, held_at, None).await?;
    }
    Ok(client_id)
}

#[tokio::test]
async fn clients_past_the_period_are_listed_until_kept_for_a_reason() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let old = client_last_seen(&vault, company_id, "古川", Some("2020-01-10")).await?;
    let recent = client_last_seen(&vault, company_id, "新井", Some("2024-01-01")).await?;
    client_last_seen(&vault, company_id, "未面談", None).await?;
    assert_eq!(years(&vault).await?, 5);

    let listed = due(&vault, day("2026-12-01")).await?;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].client_id, old);
    assert_eq!(listed[0].client_name, "古川");
    assert_eq!(listed[0].last_interview_on, Some(day("2020-01-10")));
    assert_eq!(listed[0].past_since, day("2025-01-10"));
    assert_eq!(listed[0].kept, None);

    keep(
        &vault,
        &KeepInput {
            client_id: old,
            reason: "係争中のため記録を保持".into(),
            decided_on: "2026-11-01".into(),
        },
    )
    .await?;
    assert!(due(&vault, day("2026-12-01")).await?.is_empty());
    let again = due(&vault, day("2027-11-02")).await?;
    assert_eq!(again.len(), 1);
    assert_eq!(
        again[0].kept.as_ref().map(|kept| kept.reason.as_str()),
        Some("係争中のため記録を保持")
    );

    // A shorter period lists the more recent client too.
    set_years(&vault, 3).await?;
    let shorter = due(&vault, day("2027-02-01")).await?;
    assert_eq!(
        shorter.iter().map(|r| r.client_id).collect::<Vec<_>>(),
        [recent]
    );
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn bad_periods_and_decisions_change_nothing() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let client_id = client_last_seen(&vault, company_id, "古川", Some("2020-01-10")).await?;
    for years in [0, 51] {
        let error = set_years(&vault, years).await.err();
        assert_eq!(error.and_then(|e| e.field()), Some(Field::RetentionYears));
    }
    assert_eq!(years(&vault).await?, 5);
    let decision = |reason: &str, decided_on: &str| KeepInput {
        client_id,
        reason: reason.to_owned(),
        decided_on: decided_on.to_owned(),
    };
    for (input, code, field) in [
        (
            decision(" \n", "2026-11-01"),
            ErrorCode::Required,
            Field::Reason,
        ),
        (
            decision("理由", "2026-13-01"),
            ErrorCode::InvalidDate,
            Field::DecidedOn,
        ),
    ] {
        let error = keep(&vault, &input).await.err();
        assert_eq!(error.as_ref().map(Error::code), Some(code));
        assert_eq!(error.and_then(|e| e.field()), Some(field));
    }
    assert_eq!(due(&vault, day("2026-12-01")).await?.len(), 1);
    vault.lock().await;
    Ok(())
}
