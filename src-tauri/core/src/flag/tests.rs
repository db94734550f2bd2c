//! Flags against a real vault.

use super::*;
use crate::client::ClientFilter;
use crate::test_support::fixtures::{self, TestResult};
use crate::test_support::new_vault;
use crate::ErrorCode;

fn raised(client_id: ClientId, kind: FlagKind) -> FlagInput {
    FlagInput {
        client_id,
        interview_id: None,
        kind,
        note: "睡眠が取れていないとの訴え".to_owned(),
        referred_to: Some("産業医".to_owned()),
        raised_on: "2026-11-21".to_owned(),
        handled_on: None,
    }
}

#[tokio::test]
async fn an_open_flag_shows_in_the_client_list_until_handled() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let client_id = fixtures::client(&vault, company_id).await?;
    let interview_id = fixtures::interview(&vault, client_id, None).await?;
    let flag = create(
        &vault,
        &FlagInput {
            interview_id: Some(interview_id),
            ..raised(client_id, FlagKind::MentalHealth)
        },
    )
    .await?;
    let open = |vault| async move {
        client::list(vault, &ClientFilter::default())
            .await
            .map(|clients| clients[0].open_flag_count)
    };
    assert_eq!(open(&vault).await?, 1);
    let handled = update(
        &vault,
        flag.id,
        &FlagInput {
            handled_on: Some("2026-11-25".into()),
            interview_id: Some(interview_id),
            ..raised(client_id, FlagKind::MentalHealth)
        },
    )
    .await?;
    assert_eq!(
        handled.handled_on.map(|d| d.to_string()).as_deref(),
        Some("2026-11-25")
    );
    assert_eq!(open(&vault).await?, 0);
    assert_eq!(list(&vault, client_id).await?, [handled]);
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn bad_flags_are_refused() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let client_id = fixtures::client(&vault, company_id).await?;
    let someone_else = fixtures::client(&vault, company_id).await?;
    let their_interview = fixtures::interview(&vault, someone_else, None).await?;
    let base = || raised(client_id, FlagKind::LifeSafety);
    let cases = [
        (
            FlagInput {
                raised_on: "昨日".into(),
                ..base()
            },
            ErrorCode::InvalidDate,
        ),
        (
            FlagInput {
                handled_on: Some("2026-11-20".into()),
                ..base()
            },
            ErrorCode::PeriodEndsBeforeStart,
        ),
        (
            FlagInput {
                interview_id: Some(their_interview),
                ..base()
            },
            ErrorCode::MissingParent,
        ),
        (
            FlagInput {
                client_id: ClientId(555),
                ..base()
            },
            ErrorCode::NotFound,
        ),
    ];
    for (input, code) in cases {
        assert_eq!(
            create(&vault, &input).await.err().map(|e| e.code()),
            Some(code)
        );
    }
    let handled_first = FlagInput {
        handled_on: Some("2026-11-20".into()),
        ..base()
    };
    assert_eq!(
        create(&vault, &handled_first)
            .await
            .err()
            .and_then(|e| e.field()),
        Some(Field::HandledOn)
    );
    assert!(list(&vault, client_id).await?.is_empty());
    vault.lock().await;
    Ok(())
}
