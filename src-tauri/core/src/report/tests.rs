//! Individual reports against a real vault.

use super::*;
use crate::action_plan::{self, ActionItemInput, ActionStatus, Smart};
use crate::interview::{InterviewDetails, InterviewKind, NewInterview};
use crate::record::Entity;
use crate::test_support::fixtures::{self, TestResult};
use crate::test_support::new_vault;
use crate::{search, sheet, ErrorCode};

/// An interview of the client in the program, held at `at`, its sheet's sections written
/// with `sections` (key, text).
async fn held_in_program(
    vault: &Vault,
    client_id: ClientId,
    program_id: ProgramId,
    at: &str,
    sections: &[(&str, &str)],
) -> TestResult<InterviewId> {
    let id = interview::create(
        vault,
        &NewInterview {
            client_id,
            details: InterviewDetails {
                held_at: Some(at.to_owned()),
                ..fixtures::details(Some(program_id), at)
            },
            notes: None,
        },
    )
    .await?
    .id;
    for section in sheet::sections(vault, id).await? {
        if let Some((_, text)) = sections
            .iter()
            .find(|(key, _)| section.key.as_deref() == Some(key))
        {
            sheet::save_section(vault, section.id, text).await?;
        }
    }
    Ok(id)
}

async fn decide(
    vault: &Vault,
    client_id: ClientId,
    interview_id: InterviewId,
    what: &str,
) -> TestResult {
    action_plan::create(
        vault,
        &ActionItemInput {
            client_id,
            interview_id: Some(interview_id),
            what: what.to_owned(),
            how: Some("上司と相談".to_owned()),
            due_on: Some("2026-12-25".to_owned()),
            smart: Smart::default(),
            status: ActionStatus::NotStarted,
        },
    )
    .await?;
    Ok(())
}

/// Moves every version's last save to long ago, as if the consultant had paused.
async fn end_burst(vault: &Vault) -> TestResult {
    let mut tx = vault.write().await?;
    sqlx::query("UPDATE report_versions SET saved_at = '2026-01-01T00:00:00Z'")
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

struct Setting {
    client_id: ClientId,
    program_id: ProgramId,
}

/// A new vault with a company, its program and a client of it.
async fn setting() -> TestResult<(tempfile::TempDir, Vault, Setting)> {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(&dir.path().join("vault")).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let program_id = fixtures::program(&vault, company_id).await?;
    let client_id = fixtures::client(&vault, company_id).await?;
    Ok((
        dir,
        vault,
        Setting {
            client_id,
            program_id,
        },
    ))
}

#[tokio::test]
async fn the_draft_gathers_the_programs_held_interviews_oldest_first() -> TestResult {
    let (
        _dir,
        vault,
        Setting {
            client_id,
            program_id,
        },
    ) = setting().await?;
    let follow_up = held_in_program(
        &vault,
        client_id,
        program_id,
        "2026-07-10T10:00",
        &[
            ("career_issues", "異動後の目標が見えてきた"),
            ("workplace", "残業が減った"),
        ],
    )
    .await?;
    let initial = held_in_program(
        &vault,
        client_id,
        program_id,
        "2026-05-01T10:00",
        &[
            ("career_issues", "将来像が描けない"),
            ("workplace", "残業が多い"),
            ("organisational_issues", "評価基準が不透明"),
            ("vision", "ビジョンは報告書に入らない"),
        ],
    )
    .await?;
    decide(&vault, client_id, initial, "社内公募の説明会に参加する").await?;
    decide(&vault, client_id, follow_up, "資格の勉強を週3時間").await?;
    // Outside the program, and not held: neither is drawn on.
    let outside = fixtures::held_interview(&vault, client_id, "2026-06-01T10:00", None).await?;
    decide(&vault, client_id, outside, "プログラム外の項目").await?;
    fixtures::interview(&vault, client_id, Some(program_id)).await?;

    let report = create(&vault, client_id, program_id).await?;
    assert_eq!(
        report.parts.career_awareness,
        "【2026-05-01】\n将来像が描けない\n\n【2026-07-10】\n異動後の目標が見えてきた"
    );
    assert_eq!(
        report.parts.workplace,
        "【2026-05-01】\n残業が多い\n\n【2026-07-10】\n残業が減った"
    );
    assert_eq!(
        report.parts.organisational,
        "【2026-05-01】\n評価基準が不透明"
    );
    assert_eq!(
        report.parts.proposed_support,
        "・社内公募の説明会に参加する：上司と相談（2026-12-25）\n\
         ・資格の勉強を週3時間：上司と相談（2026-12-25）"
    );

    let document = document(&vault, report.id).await?;
    assert_eq!(document.client_name, "高橋 美咲");
    assert_eq!(document.company_name, "株式会社サンプル");
    assert_eq!(
        document
            .interviews
            .iter()
            .map(|held| held.id)
            .collect::<Vec<_>>(),
        [initial, follow_up]
    );
    let versions = versions(&vault, report.id).await?;
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].origin, VersionOrigin::Drafted);
    assert_eq!(versions[0].parts, report.parts);
    Ok(())
}

#[tokio::test]
async fn a_program_without_held_interviews_drafts_an_empty_report() -> TestResult {
    let (
        _dir,
        vault,
        Setting {
            client_id,
            program_id,
        },
    ) = setting().await?;
    let report = create(&vault, client_id, program_id).await?;
    assert_eq!(report.parts, ReportParts::default());
    assert_eq!(list(&vault, client_id).await?.len(), 1);
    Ok(())
}

#[tokio::test]
async fn one_report_per_client_and_program_of_their_own_company() -> TestResult {
    let (
        _dir,
        vault,
        Setting {
            client_id,
            program_id,
        },
    ) = setting().await?;
    create(&vault, client_id, program_id).await?;
    let twice = create(&vault, client_id, program_id).await.err();
    assert!(matches!(twice, Some(Error::ReportExists)));
    assert_eq!(
        twice.map(|error| error.code()),
        Some(ErrorCode::ReportExists)
    );

    let other_company = fixtures::company(&vault, "他社").await?;
    let other_program = fixtures::program(&vault, other_company).await?;
    let refused = create(&vault, client_id, other_program).await.err();
    assert!(matches!(refused, Some(Error::OtherCompany)));
    let missing = create(&vault, ClientId(999), program_id).await.err();
    assert!(matches!(
        missing,
        Some(Error::NotFound(Entity::Client, 999))
    ));
    assert_eq!(list(&vault, client_id).await?.len(), 1);
    Ok(())
}

#[tokio::test]
async fn a_burst_of_editing_is_one_version_and_a_pause_starts_the_next() -> TestResult {
    let (
        _dir,
        vault,
        Setting {
            client_id,
            program_id,
        },
    ) = setting().await?;
    let report = create(&vault, client_id, program_id).await?;
    save_part(&vault, report.id, ReportPart::Workplace, "職場の").await?;
    let saved = save_part(
        &vault,
        report.id,
        ReportPart::Workplace,
        "職場の雰囲気は良い",
    )
    .await?;
    assert_eq!(saved.parts.workplace, "職場の雰囲気は良い");
    let history = versions(&vault, report.id).await?;
    assert_eq!(
        history.iter().map(|v| v.origin).collect::<Vec<_>>(),
        [VersionOrigin::Edited, VersionOrigin::Drafted]
    );
    assert_eq!(history[0].parts.workplace, "職場の雰囲気は良い");

    // The burst ended long ago: the next save is a version of its own.
    end_burst(&vault).await?;
    save_part(&vault, report.id, ReportPart::ProposedSupport, "面談を継続").await?;
    let history = versions(&vault, report.id).await?;
    assert_eq!(history.len(), 3);
    assert_eq!(history[0].parts.proposed_support, "面談を継続");
    assert_eq!(history[1].parts.proposed_support, "");

    // Saving what is already there keeps no version.
    save_part(&vault, report.id, ReportPart::ProposedSupport, "面談を継続").await?;
    assert_eq!(versions(&vault, report.id).await?.len(), 3);
    Ok(())
}

#[tokio::test]
async fn restoring_a_version_keeps_what_it_replaces() -> TestResult {
    let (
        _dir,
        vault,
        Setting {
            client_id,
            program_id,
        },
    ) = setting().await?;
    let report = create(&vault, client_id, program_id).await?;
    save_part(
        &vault,
        report.id,
        ReportPart::CareerAwareness,
        "書き直した課題",
    )
    .await?;
    let drafted = versions(&vault, report.id).await?.remove(1);
    let restored = restore(&vault, report.id, drafted.id).await?;
    assert_eq!(restored.parts, drafted.parts);
    let history = versions(&vault, report.id).await?;
    assert_eq!(
        history.iter().map(|v| v.origin).collect::<Vec<_>>(),
        [
            VersionOrigin::Restored,
            VersionOrigin::Edited,
            VersionOrigin::Drafted
        ]
    );
    assert_eq!(history[1].parts.career_awareness, "書き直した課題");
    // An edit right after a restore is a version of its own, not part of the restoring.
    save_part(&vault, report.id, ReportPart::CareerAwareness, "さらに").await?;
    assert_eq!(versions(&vault, report.id).await?.len(), 4);

    // Another report's version is not this report's.
    let company_id = fixtures::company(&vault, "別会社").await?;
    let other_program = fixtures::program(&vault, company_id).await?;
    let other_client = fixtures::named_client(&vault, company_id, "佐藤 健", "さとう けん").await?;
    let other = create(&vault, other_client, other_program).await?;
    let refused = restore(&vault, other.id, drafted.id).await.err();
    assert!(matches!(
        refused,
        Some(Error::NotFound(Entity::ReportVersion, _))
    ));
    Ok(())
}

#[tokio::test]
async fn a_part_too_long_is_refused_and_nothing_changes() -> TestResult {
    let (
        _dir,
        vault,
        Setting {
            client_id,
            program_id,
        },
    ) = setting().await?;
    let report = create(&vault, client_id, program_id).await?;
    save_part(&vault, report.id, ReportPart::ProposedSupport, "元の提案").await?;
    let long = "あ".repeat(MAX_PART_CHARS + 1);
    let refused = save_part(&vault, report.id, ReportPart::ProposedSupport, &long)
        .await
        .err();
    assert!(matches!(
        refused,
        Some(Error::TooLong(Field::ProposedSupport))
    ));
    assert_eq!(
        get(&vault, report.id).await?.parts.proposed_support,
        "元の提案"
    );
    assert_eq!(versions(&vault, report.id).await?.len(), 2);
    let missing = save_part(&vault, ReportId(999), ReportPart::Workplace, "x")
        .await
        .err();
    assert!(matches!(
        missing,
        Some(Error::NotFound(Entity::Report, 999))
    ));
    Ok(())
}

#[tokio::test]
async fn search_finds_a_report_by_its_current_text_only() -> TestResult {
    let (
        _dir,
        vault,
        Setting {
            client_id,
            program_id,
        },
    ) = setting().await?;
    let report = create(&vault, client_id, program_id).await?;
    save_part(
        &vault,
        report.id,
        ReportPart::Organisational,
        "評価面談の形骸化",
    )
    .await?;
    let found = search::search(&vault, "形骸化").await?;
    assert_eq!(found.groups.len(), 1);
    assert_eq!(found.groups[0].hits[0].kind, search::HitKind::Report);
    assert_eq!(found.groups[0].hits[0].record_id, report.id.0);

    // Rewritten: the old words are history, not found; the new ones are.
    end_burst(&vault).await?;
    save_part(
        &vault,
        report.id,
        ReportPart::Organisational,
        "制度の周知不足",
    )
    .await?;
    assert!(search::search(&vault, "形骸化").await?.groups.is_empty());
    assert_eq!(search::search(&vault, "周知").await?.groups.len(), 1);
    Ok(())
}

#[tokio::test]
async fn a_pdf_file_is_named_by_references_and_never_overwrites_one() -> TestResult {
    let (
        dir,
        vault,
        Setting {
            client_id,
            program_id,
        },
    ) = setting().await?;
    let report = create(&vault, client_id, program_id).await?;
    let downloads = dir.path().join("downloads");
    std::fs::create_dir(&downloads)?;
    let first = claim_pdf_file(&vault, report.id, &downloads).await?;
    std::fs::write(&first, b"%PDF-1.5 earlier")?;
    let second = claim_pdf_file(&vault, report.id, &downloads).await?;
    let stem = format!("個別報告書-KZ-{}-{}", client_id.0, report.id.0);
    assert_eq!(first, downloads.join(format!("{stem}.pdf")));
    assert_eq!(second, downloads.join(format!("{stem} (2).pdf")));
    assert_eq!(std::fs::read(&first)?, b"%PDF-1.5 earlier");
    assert_eq!(std::fs::metadata(&second)?.len(), 0);
    // Only a folder that is there: a relative path, a file or a missing folder claims nothing.
    for chosen in [
        std::path::PathBuf::from("downloads"),
        first.clone(),
        dir.path().join("gone"),
    ] {
        assert!(
            matches!(
                claim_pdf_file(&vault, report.id, &chosen).await,
                Err(Error::FolderNotFound)
            ),
            "{chosen:?}"
        );
    }
    assert!(!dir.path().join("gone").exists());
    Ok(())
}

#[tokio::test]
async fn only_interviews_with_the_client_and_open_items_are_drafted() -> TestResult {
    let (
        _dir,
        vault,
        Setting {
            client_id,
            program_id,
        },
    ) = setting().await?;
    let with_client = held_in_program(
        &vault,
        client_id,
        program_id,
        "2026-05-01T10:00",
        &[("workplace", "本人の話")],
    )
    .await?;
    // The consultant's supervision and a talk with the boss are about the client, not theirs.
    for kind in [InterviewKind::Supervision, InterviewKind::BossConsultation] {
        let id = held_in_program(
            &vault,
            client_id,
            program_id,
            "2026-06-01T10:00",
            &[("workplace", "本人以外の話")],
        )
        .await?;
        let stored = interview::get(&vault, id).await?;
        interview::update(
            &vault,
            id,
            &InterviewDetails {
                kind,
                program_id: Some(program_id),
                scheduled_at: stored.scheduled_at.clone(),
                held_at: stored.held_at.clone(),
                duration_minutes: None,
                place: None,
                purpose: None,
                theme: None,
                follow_up_due_on: None,
            },
        )
        .await?;
    }
    decide(&vault, client_id, with_client, "続けている行動").await?;
    for (what, status) in [
        ("終えた行動", ActionStatus::Done),
        ("やめた行動", ActionStatus::Dropped),
    ] {
        action_plan::create(
            &vault,
            &ActionItemInput {
                client_id,
                interview_id: Some(with_client),
                what: what.to_owned(),
                how: None,
                due_on: None,
                smart: Smart::default(),
                status,
            },
        )
        .await?;
    }
    let report = create(&vault, client_id, program_id).await?;
    assert_eq!(report.parts.workplace, "【2026-05-01】\n本人の話");
    assert_eq!(
        report.parts.proposed_support,
        "・続けている行動：上司と相談（2026-12-25）"
    );
    let listed: Vec<InterviewId> = document(&vault, report.id)
        .await?
        .interviews
        .iter()
        .map(|held| held.id)
        .collect();
    assert_eq!(listed, [with_client]);
    Ok(())
}

#[tokio::test]
async fn a_client_with_a_report_stays_with_their_company() -> TestResult {
    let (
        _dir,
        vault,
        Setting {
            client_id,
            program_id,
        },
    ) = setting().await?;
    create(&vault, client_id, program_id).await?;
    let other = fixtures::company(&vault, "転職先").await?;
    let moved = crate::client::update(
        &vault,
        client_id,
        &fixtures::client_input(other, "高橋 美咲", "たかはし みさき"),
    )
    .await
    .err();
    assert!(matches!(moved, Some(Error::HasProgramRecords)));
    Ok(())
}
