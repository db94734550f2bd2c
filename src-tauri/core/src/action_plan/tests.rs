//! Action plans against a real vault.

use super::*;
use crate::record::Field;
use crate::test_support::fixtures::{self, TestResult};
use crate::test_support::new_vault;
use crate::ErrorCode;

fn decided(client_id: ClientId, interview_id: Option<InterviewId>) -> ActionItemInput {
    ActionItemInput {
        client_id,
        interview_id,
        what: "社内公募の説明会に参加する".to_owned(),
        how: Some("人事のポータルで日程を確認".to_owned()),
        due_on: Some("2026-12-15".to_owned()),
        smart: Smart {
            specific: true,
            measurable: true,
            achievable: true,
            related: true,
            time_bound: true,
        },
        status: ActionStatus::NotStarted,
    }
}

#[tokio::test]
async fn an_item_keeps_its_smart_check_and_its_progress() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let client_id = fixtures::client(&vault, company_id).await?;
    let initial = fixtures::interview(&vault, client_id, None).await?;
    let item = create(&vault, &decided(client_id, Some(initial))).await?;
    assert!(item.smart_missing.is_empty());
    assert_eq!(item.status, ActionStatus::NotStarted);

    let vague = create(
        &vault,
        &ActionItemInput {
            what: "もっと頑張る".into(),
            how: None,
            due_on: None,
            smart: Smart {
                related: true,
                ..Smart::default()
            },
            ..decided(client_id, None)
        },
    )
    .await?;
    assert_eq!(
        vague.smart_missing,
        [
            SmartCriterion::Specific,
            SmartCriterion::Measurable,
            SmartCriterion::Achievable,
            SmartCriterion::TimeBound
        ]
    );

    let follow_up = fixtures::interview(&vault, client_id, None).await?;
    let reviewed = add_progress(
        &vault,
        &ProgressInput {
            action_item_id: item.id,
            interview_id: Some(follow_up),
            noted_on: "2026-12-10".into(),
            note: "説明会に参加し、2部署に関心を持った".into(),
            status: Some(ActionStatus::Done),
        },
    )
    .await?;
    assert_eq!(reviewed.status, ActionStatus::Done);
    assert_eq!(reviewed.progress.len(), 1);
    assert_eq!(reviewed.progress[0].interview_id, Some(follow_up));
    assert_eq!(reviewed.progress[0].status, Some(ActionStatus::Done));
    // A note that keeps the status records no move.
    let noted = add_progress(
        &vault,
        &ProgressInput {
            action_item_id: item.id,
            interview_id: None,
            noted_on: "2026-12-11".into(),
            note: "面談後に上司へ報告".into(),
            status: Some(ActionStatus::Done),
        },
    )
    .await?;
    assert_eq!(noted.progress[1].status, None);

    // Open items first, the rest after.
    let listed = list(&vault, client_id).await?;
    assert_eq!(
        listed.iter().map(|item| item.id).collect::<Vec<_>>(),
        [vague.id, item.id]
    );
    assert_eq!(listed[1], get(&vault, item.id).await?);
    let debug = format!("{:?}", listed[1]);
    assert!(!debug.contains("説明会"), "{debug}");
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn bad_items_and_notes_are_refused_and_change_nothing() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let client_id = fixtures::client(&vault, company_id).await?;
    let someone_else = fixtures::client(&vault, company_id).await?;
    // fixtures::interview is on 2026-11-21.
    let interview_id = fixtures::interview(&vault, client_id, None).await?;
    let their_interview = fixtures::interview(&vault, someone_else, None).await?;
    let cases = [
        (
            ActionItemInput {
                what: " \n ".into(),
                ..decided(client_id, None)
            },
            ErrorCode::Required,
            Some(Field::What),
        ),
        (
            ActionItemInput {
                due_on: Some("2026-11-20".into()),
                ..decided(client_id, Some(interview_id))
            },
            ErrorCode::PeriodEndsBeforeStart,
            Some(Field::DueOn),
        ),
        (
            ActionItemInput {
                due_on: Some("来月".into()),
                ..decided(client_id, None)
            },
            ErrorCode::InvalidDate,
            Some(Field::DueOn),
        ),
        (
            decided(client_id, Some(their_interview)),
            ErrorCode::MissingParent,
            None,
        ),
        (decided(ClientId(999), None), ErrorCode::NotFound, None),
    ];
    for (input, code, field) in cases {
        let error = create(&vault, &input).await.err();
        assert_eq!(error.as_ref().map(Error::code), Some(code));
        assert_eq!(error.and_then(|e| e.field()), field);
    }
    assert!(list(&vault, client_id).await?.is_empty());

    let item = create(&vault, &decided(client_id, Some(interview_id))).await?;
    let note = |note: &str, noted_on: &str, interview_id| ProgressInput {
        action_item_id: item.id,
        interview_id,
        noted_on: noted_on.into(),
        note: note.into(),
        status: Some(ActionStatus::InProgress),
    };
    for (input, code) in [
        (note("  ", "2026-12-01", None), ErrorCode::Required),
        (note("進めている", "", None), ErrorCode::Required),
        (
            note("進めている", "2026-12-01", Some(their_interview)),
            ErrorCode::MissingParent,
        ),
    ] {
        let error = add_progress(&vault, &input).await.err();
        assert_eq!(error.map(|e| e.code()), Some(code));
    }
    assert_eq!(get(&vault, item.id).await?, item);
    vault.lock().await;
    Ok(())
}
