//! The dashboard against a real vault.

use super::*;
use crate::action_plan::{ActionItemInput, ActionStatus, Smart};
use crate::client::{ClientInput, ClientStatus};
use crate::flag::FlagInput;
use crate::interview::{InterviewDetails, InterviewKind, NewInterview};
use crate::test_support::fixtures::{self, client_input, details, TestResult};
use crate::test_support::new_vault;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_default()
}

async fn interview_at(
    vault: &Vault,
    client_id: ClientId,
    held_at: Option<&str>,
    scheduled_at: &str,
    due: Option<&str>,
) -> TestResult<InterviewId> {
    let new_interview = NewInterview {
        client_id,
        details: InterviewDetails {
            held_at: held_at.map(str::to_owned),
            follow_up_due_on: due.map(str::to_owned),
            ..details(None, scheduled_at)
        },
        notes: None,
    };
    Ok(interview::create(vault, &new_interview).await?.id)
}

async fn item(
    vault: &Vault,
    client_id: ClientId,
    what: &str,
    due_on: &str,
    status: ActionStatus,
) -> TestResult<ActionItemId> {
    let input = ActionItemInput {
        client_id,
        interview_id: None,
        what: what.to_owned(),
        how: None,
        due_on: Some(due_on.to_owned()),
        smart: Smart::default(),
        status,
    };
    Ok(action_plan::create(vault, &input).await?.id)
}

#[tokio::test]
async fn the_dashboard_shows_what_needs_the_consultant_and_nothing_else() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let add = |name: &'static str, kana: &'static str| {
        fixtures::named_client(&vault, company_id, name, kana)
    };
    let ito = add("伊藤", "いとう").await?;
    let kato = add("加藤", "かとう").await?;
    let sato = add("佐藤", "さとう").await?;
    let closed = add("田中", "たなか").await?;
    let watanabe = add("渡辺", "わたなべ").await?;
    let today = day("2026-12-01");

    // This week: today's and Saturday's; not next week's, not yesterday's.
    let todays = interview_at(&vault, ito, None, "2026-12-01T10:00", None).await?;
    let saturdays = interview_at(&vault, watanabe, None, "2026-12-07T18:30", None).await?;
    interview_at(&vault, sato, None, "2026-12-08", None).await?;
    // Follow-ups: Kato's is overdue; Sato's falls due soon but Sato already has one
    // scheduled; the closed client's is left out; Ito's falls due beyond the window.
    let katos = interview_at(
        &vault,
        kato,
        Some("2026-10-01"),
        "2026-10-01",
        Some("2026-11-30"),
    )
    .await?;
    interview_at(
        &vault,
        sato,
        Some("2026-11-01"),
        "2026-11-01",
        Some("2026-12-05"),
    )
    .await?;
    interview_at(
        &vault,
        closed,
        Some("2026-09-01"),
        "2026-09-01",
        Some("2026-10-01"),
    )
    .await?;
    interview_at(
        &vault,
        ito,
        Some("2026-11-20"),
        "2026-11-20",
        Some("2027-03-01"),
    )
    .await?;
    client::update(
        &vault,
        closed,
        &ClientInput {
            status: ClientStatus::Closed,
            ..client_input(company_id, "田中", "たなか")
        },
    )
    .await?;
    // Flags: the closed client's open one shows, a handled one does not.
    let raised = |client_id, handled_on: Option<&str>| FlagInput {
        client_id,
        interview_id: None,
        kind: FlagKind::MentalHealth,
        note: "睡眠不足".to_owned(),
        referred_to: None,
        raised_on: "2026-11-02".to_owned(),
        handled_on: handled_on.map(str::to_owned),
    };
    let open_flag = flag::create(&vault, &raised(closed, None)).await?.id;
    flag::create(&vault, &raised(ito, Some("2026-11-03"))).await?;
    // Items: only the open one past its date.
    let late = item(
        &vault,
        ito,
        "資格の勉強を始める",
        "2026-11-30",
        ActionStatus::InProgress,
    )
    .await?;
    item(&vault, ito, "上司と話す", "2026-11-15", ActionStatus::Done).await?;
    item(
        &vault,
        ito,
        "異動希望を出す",
        "2026-12-01",
        ActionStatus::NotStarted,
    )
    .await?;
    item(
        &vault,
        closed,
        "退職準備",
        "2026-10-01",
        ActionStatus::NotStarted,
    )
    .await?;

    let home = home(&vault, today).await?;
    assert_eq!(home.today, today);
    assert_eq!(
        home.interviews
            .iter()
            .map(|i| i.interview_id)
            .collect::<Vec<_>>(),
        [todays, saturdays]
    );
    assert_eq!(home.interviews[1].client_name, "渡辺");
    assert_eq!(home.interviews[1].at, "2026-12-07T18:30");
    assert_eq!(
        home.follow_ups,
        [FollowUpDue {
            client_id: kato,
            client_name: "加藤".to_owned(),
            interview_id: katos,
            due_on: day("2026-11-30"),
            overdue: true,
        }]
    );
    assert_eq!(
        home.open_flags
            .iter()
            .map(|f| (f.flag_id, f.client_id))
            .collect::<Vec<_>>(),
        [(open_flag, closed)]
    );
    assert_eq!(
        home.overdue_actions
            .iter()
            .map(|a| a.action_item_id)
            .collect::<Vec<_>>(),
        [late]
    );
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn only_an_interview_with_the_client_that_can_still_happen_plans_the_follow_up() -> TestResult
{
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let add = |name: &'static str, kana: &'static str| {
        fixtures::named_client(&vault, company_id, name, kana)
    };
    let with_boss = add("伊藤", "いとう").await?;
    let no_show = add("加藤", "かとう").await?;
    let planned = add("佐藤", "さとう").await?;
    for client_id in [with_boss, no_show, planned] {
        interview_at(
            &vault,
            client_id,
            Some("2026-10-01"),
            "2026-10-01",
            Some("2026-11-30"),
        )
        .await?;
    }
    // A boss consultation is about the client, not the client's next interview.
    interview::create(
        &vault,
        &NewInterview {
            client_id: with_boss,
            details: InterviewDetails {
                kind: InterviewKind::BossConsultation,
                held_at: Some("2026-11-10".into()),
                ..details(None, "2026-11-10")
            },
            notes: None,
        },
    )
    .await?;
    // Scheduled for a day now past and never held: nothing is planned.
    interview_at(&vault, no_show, None, "2026-11-28T10:00", None).await?;
    // Scheduled for a day to come: the follow-up is planned.
    interview_at(&vault, planned, None, "2026-12-03T10:00", None).await?;

    let home = home(&vault, day("2026-12-01")).await?;
    let due: Vec<ClientId> = home.follow_ups.iter().map(|f| f.client_id).collect();
    assert_eq!(due, [with_boss, no_show]);
    vault.lock().await;
    Ok(())
}
