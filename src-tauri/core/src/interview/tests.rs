//! Interviews against a real vault.

use super::*;
use crate::record::Field;
use crate::test_support::fixtures::{self, details, TestResult};
use crate::test_support::new_vault;
use crate::ErrorCode;
use chrono::Duration;

#[tokio::test]
async fn an_interview_round_trips_with_its_sheet() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let program_id = fixtures::program(&vault, company_id).await?;
    let client_id = fixtures::client(&vault, company_id).await?;
    let created = create(
        &vault,
        &NewInterview {
            client_id,
            details: InterviewDetails {
                kind: InterviewKind::FollowUp,
                place: Some(Place::Online),
                purpose: Some("前回のアクションプランの振り返り".into()),
                ..details(Some(program_id), "2026-12-01 14:00")
            },
            notes: None,
        },
    )
    .await?;
    assert_eq!(created.scheduled_at.as_deref(), Some("2026-12-01T14:00"));
    assert_eq!(created.held_at, None);
    assert_eq!(get(&vault, created.id).await?, created);
    let sheet = crate::sheet::sections(&vault, created.id).await?;
    let positions: Vec<u32> = sheet.iter().map(|s| s.position).collect();
    assert_eq!(positions, [1, 2, 3, 4, 5, 6, 7]);

    let notes = "3年後に目指す自分：チームリーダー\n強み：傾聴力";
    let saved = save_notes(&vault, created.id, notes).await?;
    assert_eq!(saved.notes, notes);
    assert!(
        history::list(&vault, created.id).await?.is_empty(),
        "not held yet"
    );
    let debug = format!("{saved:?}");
    assert!(!debug.contains("チームリーダー"), "{debug}");

    let held = mark_held(&vault, created.id, None).await?;
    assert_eq!(held.held_at.as_deref(), Some("2026-12-01T14:00"));
    let moved = mark_held(&vault, created.id, Some("2026-12-01T15:30")).await?;
    assert_eq!(moved.held_at.as_deref(), Some("2026-12-01T15:30"));
    let clicked_again = mark_held(&vault, created.id, None).await?;
    assert_eq!(clicked_again, moved, "a second click keeps the time");
    let listed = list(&vault, client_id).await?;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].notes_preview, "3年後に目指す自分：チームリーダー");
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn amendments_of_a_held_interview_keep_the_original() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let client_id = fixtures::client(&vault, company_id).await?;
    let id = fixtures::interview(&vault, client_id, None).await?;
    save_notes(&vault, id, "原文").await?;
    mark_held(&vault, id, Some("2026-11-21T10:00")).await?;
    // One burst of autosaves is one amendment that starts from the original.
    save_notes(&vault, id, "原文 追記").await?;
    save_notes(&vault, id, "原文 追記2").await?;
    let section = crate::sheet::sections(&vault, id).await?[2].id;
    crate::sheet::capture(&vault, section, "傾聴力がある").await?;
    let amendments = history::list(&vault, id).await?;
    assert_eq!(amendments.len(), 2);
    assert_eq!(amendments[0].sheet_section_id, None);
    assert_eq!(
        (amendments[0].before.as_str(), amendments[0].after.as_str()),
        ("原文", "原文 追記2")
    );
    assert_eq!(amendments[1].sheet_section_id, Some(section));
    assert_eq!(
        (amendments[1].before.as_str(), amendments[1].after.as_str()),
        ("", "傾聴力がある")
    );
    // A held interview cannot be made unheld, which would stop the history.
    let unheld = update(&vault, id, &details(None, "2026-11-21T10:00"))
        .await
        .err();
    assert_eq!(unheld.and_then(|e| e.field()), Some(Field::HeldAt));
    // Saving the same text again is not an amendment.
    save_notes(&vault, id, "原文 追記2").await?;
    assert_eq!(history::list(&vault, id).await?.len(), 2);
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn a_pause_in_editing_starts_a_new_amendment_that_keeps_the_last() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let client_id = fixtures::client(&vault, company_id).await?;
    let id = fixtures::interview(&vault, client_id, None).await?;
    save_notes(&vault, id, "原文").await?;
    mark_held(&vault, id, Some("2026-11-21T10:00")).await?;
    let start = Utc::now();
    let saves = [
        (start, "原文 一"),
        (start + Duration::minutes(9), "原文 一 二"),
        // Ten minutes after the last change: a new burst.
        (start + Duration::minutes(19), "原文 一 二 三"),
        (start + Duration::minutes(20), "原文 一 二 三 四"),
    ];
    for (now, notes) in saves {
        let mut tx = vault.write().await?;
        change_notes(&mut tx, id, notes, now).await?;
        tx.commit().await?;
    }
    let kept: Vec<_> = history::list(&vault, id)
        .await?
        .into_iter()
        .map(|amendment| (amendment.before, amendment.after, amendment.changed_at))
        .collect();
    assert_eq!(
        kept,
        [
            ("原文".into(), "原文 一 二".into(), saves[1].0),
            ("原文 一 二".into(), "原文 一 二 三 四".into(), saves[3].0),
        ]
    );
    // The sheet keeps its own history beside the notes'.
    let section = crate::sheet::sections(&vault, id).await?[0].id;
    crate::sheet::capture(&vault, section, "傾聴力がある").await?;
    let listed = history::list(&vault, id).await?;
    assert_eq!(listed.len(), 3);
    assert_eq!(listed[1].after, "原文 一 二 三 四");
    assert_eq!(
        (listed[2].before.as_str(), listed[2].after.as_str()),
        ("", "傾聴力がある")
    );
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn bad_interviews_are_refused() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let other = fixtures::company(&vault, "有限会社ほか").await?;
    let others_program = fixtures::program(&vault, other).await?;
    let client_id = fixtures::client(&vault, company_id).await?;
    let new = |details| NewInterview {
        client_id,
        details,
        notes: None,
    };
    let cases = [
        (
            new(InterviewDetails {
                scheduled_at: None,
                ..details(None, "")
            }),
            ErrorCode::Required,
        ),
        (new(details(None, "2026-02-30")), ErrorCode::InvalidDate),
        (
            new(details(None, "2026-11-21T25:00")),
            ErrorCode::InvalidDate,
        ),
        (
            new(InterviewDetails {
                duration_minutes: Some(0),
                ..details(None, "2026-11-21")
            }),
            ErrorCode::OutOfRange,
        ),
        (
            new(details(Some(others_program), "2026-11-21")),
            ErrorCode::OtherCompany,
        ),
        (
            NewInterview {
                client_id: ClientId(404),
                details: details(None, "2026-11-21"),
                notes: None,
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
    assert!(list(&vault, client_id).await?.is_empty());
    let too_long = "あ".repeat(MAX_NOTES_CHARS + 1);
    let id = fixtures::interview(&vault, client_id, None).await?;
    assert_eq!(
        save_notes(&vault, id, &too_long)
            .await
            .err()
            .map(|e| e.code()),
        Some(ErrorCode::TextTooLong)
    );
    assert_eq!(get(&vault, id).await?.notes, "");
    assert_eq!(
        list(&vault, ClientId(404)).await.err().map(|e| e.code()),
        Some(ErrorCode::NotFound)
    );
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn notes_given_with_a_held_interview_are_its_own_not_an_amendment() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let client_id = fixtures::client(&vault, company_id).await?;
    let created = create(
        &vault,
        &NewInterview {
            client_id,
            details: InterviewDetails {
                held_at: Some("2026-11-20T10:00".into()),
                ..details(None, "2026-11-20")
            },
            notes: Some("紙のメモから転記".into()),
        },
    )
    .await?;
    assert_eq!(created.notes, "紙のメモから転記");
    assert!(history::list(&vault, created.id).await?.is_empty());

    let scheduled = fixtures::interview(&vault, client_id, None).await?;
    let revised = revise(
        &vault,
        scheduled,
        &Revision {
            details: Some(InterviewDetails {
                theme: Some("異動希望".into()),
                ..details(None, "2026-11-21T10:00")
            }),
            notes: Some("当日のメモ".into()),
            mark_held: Some(Some("2026-11-21T10:05".into())),
        },
    )
    .await?;
    assert_eq!(revised.theme.as_deref(), Some("異動希望"));
    assert_eq!(revised.notes, "当日のメモ");
    assert_eq!(revised.held_at.as_deref(), Some("2026-11-21T10:05"));
    assert!(history::list(&vault, scheduled).await?.is_empty());

    // A bad part (an impossible time) leaves every part unwritten.
    let refused = revise(
        &vault,
        scheduled,
        &Revision {
            details: None,
            notes: Some("書き換え".into()),
            mark_held: Some(Some("2026-11-31".into())),
        },
    )
    .await
    .err();
    assert_eq!(refused.map(|e| e.code()), Some(ErrorCode::InvalidDate));
    // A part refused by what is stored (clearing the held time) lets none of the others in.
    let rolled_back = revise(
        &vault,
        scheduled,
        &Revision {
            details: Some(details(None, "2026-11-21T10:00")),
            notes: Some("書き換え".into()),
            mark_held: None,
        },
    )
    .await
    .err();
    assert_eq!(rolled_back.and_then(|e| e.field()), Some(Field::HeldAt));
    assert_eq!(get(&vault, scheduled).await?, revised);
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn the_next_interview_falls_due_by_date_or_by_the_programs_rule() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let program = crate::program::create(
        &vault,
        &crate::program::ProgramInput {
            follow_up_after_days: Some(90),
            ..fixtures::program_input(company_id, "2026年度 セルフ・キャリアドック")
        },
    )
    .await?;
    let client_id = fixtures::client(&vault, company_id).await?;
    let by_rule = fixtures::interview(&vault, client_id, Some(program.id)).await?;
    assert_eq!(get(&vault, by_rule).await?.follow_up_due_on, None);
    let held = mark_held(&vault, by_rule, Some("2026-11-21T10:00")).await?;
    assert_eq!(
        held.follow_up_due_on,
        NaiveDate::from_ymd_opt(2027, 2, 19),
        "90 days after the day it was held"
    );

    let by_date = create(
        &vault,
        &NewInterview {
            client_id,
            details: InterviewDetails {
                follow_up_due_on: Some("2027-01-10".into()),
                ..details(Some(program.id), "2026-11-28")
            },
            notes: None,
        },
    )
    .await?;
    let held = mark_held(&vault, by_date.id, None).await?;
    assert_eq!(held.follow_up_due_on, NaiveDate::from_ymd_opt(2027, 1, 10));

    let before = create(
        &vault,
        &NewInterview {
            client_id,
            details: InterviewDetails {
                follow_up_due_on: Some("2026-11-27".into()),
                ..details(None, "2026-11-28")
            },
            notes: None,
        },
    )
    .await
    .err();
    assert_eq!(before.and_then(|e| e.field()), Some(Field::FollowUpDueOn));
    // Held later than the date it set for the next one: refused, the time stays.
    let moved = mark_held(&vault, by_date.id, Some("2027-02-01"))
        .await
        .err();
    assert_eq!(
        moved.map(|e| e.code()),
        Some(ErrorCode::PeriodEndsBeforeStart)
    );
    assert_eq!(get(&vault, by_date.id).await?, held);
    vault.lock().await;
    Ok(())
}
