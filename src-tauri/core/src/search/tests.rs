//! Search against a real vault: the trigram index and its vocabulary for short words, kept
//! by triggers.

use super::*;
use crate::action_plan::{self, ActionItemInput, ActionStatus, ProgressInput, Smart};
use crate::interview::{self, InterviewDetails};
use crate::questionnaire::{self, QuestionnaireInput};
use crate::record::{Error, Field};
use crate::test_support::fixtures::{self, client_input, details, TestResult};
use crate::test_support::new_vault;
use crate::ErrorCode;

fn highlighted(hit: &SearchHit) -> Vec<&str> {
    hit.snippet
        .iter()
        .filter(|part| part.highlight)
        .map(|part| part.text.as_str())
        .collect()
}

fn kinds(results: &SearchResults) -> Vec<(String, HitKind)> {
    results
        .groups
        .iter()
        .flat_map(|group| {
            group
                .hits
                .iter()
                .map(|hit| (group.client_name.clone(), hit.kind))
        })
        .collect()
}

#[tokio::test]
async fn every_kind_of_record_is_found_by_long_and_short_words() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let yamada = crate::client::create(
        &vault,
        &crate::client::ClientInput {
            department: Some("営業部".into()),
            desired_career: Some("Career change to data science".into()),
            ..client_input(company_id, "山田 太郎", "やまだ たろう")
        },
    )
    .await?
    .id;
    let sato = crate::client::create(
        &vault,
        &client_input(company_id, "佐藤 花子", "さとう はなこ"),
    )
    .await?
    .id;
    let older = fixtures::held_interview(
        &vault,
        yamada,
        "2026-10-01",
        Some("上司との関係に悩んでいる。異動希望あり。"),
    )
    .await?;
    let newer = fixtures::held_interview(
        &vault,
        sato,
        "2026-11-20",
        Some("鬱々とした気分が続くと話した。上司には相談済み。"),
    )
    .await?;
    let section = crate::sheet::sections(&vault, newer).await?[5].id;
    crate::sheet::capture(&vault, section, "部署の人手が足りず残業が多い").await?;
    questionnaire::save(
        &vault,
        &QuestionnaireInput {
            client_id: yamada,
            program_id: None,
            skills: "データ分析の基礎".into(),
            qualifications: "統計検定2級".into(),
            income_and_role: String::new(),
            private_life: String::new(),
        },
    )
    .await?;
    let item = action_plan::create(
        &vault,
        &ActionItemInput {
            client_id: yamada,
            interview_id: Some(older),
            what: "異動希望の面談を人事に申し込む".into(),
            how: None,
            due_on: Some("2026-12-01".into()),
            smart: Smart::default(),
            status: ActionStatus::NotStarted,
        },
    )
    .await?;
    action_plan::add_progress(
        &vault,
        &ProgressInput {
            action_item_id: item.id,
            interview_id: None,
            noted_on: "2026-11-25".into(),
            note: "人事と日程調整中".into(),
            status: None,
        },
    )
    .await?;

    // Two characters: the trigrams they begin; newest client first.
    let found = search(&vault, "上司").await?;
    assert_eq!(
        kinds(&found),
        [
            ("佐藤 花子".to_owned(), HitKind::Interview),
            ("山田 太郎".to_owned(), HitKind::Interview)
        ]
    );
    assert_eq!(found.groups[0].hits[0].interview_id, Some(newer));
    assert_eq!(highlighted(&found.groups[0].hits[0]), ["上司"]);
    // One character.
    assert_eq!(kinds(&search(&vault, "鬱").await?).len(), 1);
    // Three or more: the trigram index, across kinds, grouped by client, newest first.
    let found = search(&vault, "異動希望").await?;
    assert_eq!(found.groups.len(), 1);
    assert_eq!(
        found.groups[0]
            .hits
            .iter()
            .map(|hit| hit.kind)
            .collect::<Vec<_>>(),
        [HitKind::ActionItem, HitKind::Interview]
    );
    assert_eq!(found.groups[0].hits[0].record_id, item.id.0);
    // Every word must appear: a long and a short one together.
    assert_eq!(kinds(&search(&vault, "上司 異動希望").await?).len(), 1);
    assert!(search(&vault, "上司 残業").await?.groups.is_empty());
    // Sheet sections, questionnaires, progress notes, client details; English ignores case.
    for (query, kind) in [
        ("残業", HitKind::SheetSection),
        ("統計検定", HitKind::Questionnaire),
        ("日程調整", HitKind::ProgressNote),
        ("DATA SCIENCE", HitKind::Client),
        ("営業部", HitKind::Client),
    ] {
        let found = search(&vault, query).await?;
        assert_eq!(
            found
                .groups
                .iter()
                .flat_map(|g| &g.hits)
                .map(|h| h.kind)
                .collect::<Vec<_>>(),
            [kind],
            "{query}"
        );
    }
    let english = search(&vault, "career").await?;
    assert_eq!(highlighted(&english.groups[0].hits[0]), ["Career"]);
    assert!(!english.truncated);
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn the_index_follows_every_change() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let client_id = fixtures::client(&vault, company_id).await?;
    let id =
        fixtures::held_interview(&vault, client_id, "2026-11-01", Some("転職を考えている")).await?;
    assert_eq!(search(&vault, "転職").await?.groups.len(), 1);
    interview::save_notes(&vault, id, "社内での異動を考えている").await?;
    assert!(search(&vault, "転職").await?.groups.is_empty());
    assert_eq!(search(&vault, "社内での異動").await?.groups.len(), 1);
    let section = crate::sheet::sections(&vault, id).await?[0].id;
    crate::sheet::save_section(&vault, section, "営業から企画へ").await?;
    assert_eq!(
        search(&vault, "企画").await?.groups[0].hits[0].kind,
        HitKind::SheetSection
    );
    crate::sheet::save_section(&vault, section, "").await?;
    assert!(search(&vault, "企画").await?.groups.is_empty());
    // A new date re-dates the interview's sheet too.
    crate::sheet::save_section(&vault, section, "企画職").await?;
    interview::update(
        &vault,
        id,
        &InterviewDetails {
            held_at: Some("2026-11-15".into()),
            ..details(None, "2026-11-15")
        },
    )
    .await?;
    let found = search(&vault, "企画職").await?;
    assert_eq!(found.groups[0].hits[0].at.as_deref(), Some("2026-11-15"));
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn queries_and_text_are_data_never_syntax() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let client_id = fixtures::client(&vault, company_id).await?;
    fixtures::held_interview(
        &vault,
        client_id,
        "2026-11-01",
        Some("達成率100%_の目標 \"OR\" NEAR"),
    )
    .await?;
    // Punctuation at a word's ends is trimmed, so "100%_" looks for 100.
    for query in ["100%_", "\"OR\"", "NEAR", "標 \"OR", "a_b"] {
        let found = search(&vault, query).await;
        assert!(found.is_ok(), "{query}: {:?}", found.err());
    }
    assert_eq!(search(&vault, "100%_").await?.groups.len(), 1);
    // % alone is punctuation: nothing to look for.
    for nothing in ["%", "、。「」", "   "] {
        let error = search(&vault, nothing).await.err();
        assert_eq!(
            error.as_ref().map(Error::code),
            Some(ErrorCode::QueryHasNoWords)
        );
        assert_eq!(error.and_then(|e| e.field()), Some(Field::Query));
    }
    vault.lock().await;
    Ok(())
}

#[test]
fn a_snippet_centres_on_the_first_match_and_marks_every_match() {
    let body = format!(
        "{}上司と話した。上司は{}",
        "前".repeat(60),
        "後".repeat(100)
    );
    let parts = snippet(&body, &["上司".to_owned()]);
    assert_eq!(parts.first().map(|p| p.text.as_str()), Some("…"));
    assert_eq!(parts.last().map(|p| p.text.as_str()), Some("…"));
    let marked: Vec<&str> = parts
        .iter()
        .filter(|p| p.highlight)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(marked, ["上司", "上司"]);
    let shown: usize = parts
        .iter()
        .filter(|p| p.text != "…")
        .map(|p| p.text.chars().count())
        .sum();
    assert_eq!(shown, SNIPPET_CONTEXT_CHARS * 3);
}

#[tokio::test]
async fn kizukis_reference_finds_the_client() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let client_id = fixtures::client(&vault, company_id).await?;
    let found = search(&vault, &crate::ics::reference(client_id)).await?;
    assert_eq!(found.groups.len(), 1);
    assert_eq!(found.groups[0].client_id, client_id);
    assert_eq!(found.groups[0].hits[0].kind, HitKind::Client);
    assert!(search(&vault, "KZ-999").await?.groups.is_empty());
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn a_short_word_is_found_at_the_very_end_of_a_text_and_in_any_case() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let client_id = fixtures::client(&vault, company_id).await?;
    // Nothing follows the last word: it begins no trigram of its own text.
    fixtures::held_interview(&vault, client_id, "2026-11-01", Some("悩みの種は上司")).await?;
    fixtures::held_interview(&vault, client_id, "2026-11-02", Some("気分は鬱")).await?;
    fixtures::held_interview(&vault, client_id, "2026-11-03", Some("Uses SQL daily")).await?;
    for (query, notes) in [
        ("上司", 1),
        ("鬱", 1),
        ("Sq", 1),
        ("sq", 1),
        ("種", 1),
        ("司鬱", 0),
    ] {
        let found = search(&vault, query).await?;
        let hits: usize = found.groups.iter().map(|group| group.hits.len()).sum();
        assert_eq!(hits, notes, "{query}");
    }
    // The snippet shows the text as written, without the index's line breaks.
    let found = search(&vault, "上司").await?;
    let text: String = found.groups[0].hits[0]
        .snippet
        .iter()
        .map(|part| part.text.as_str())
        .collect();
    assert_eq!(text, "悩みの種は上司");
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn latin_and_kana_are_found_in_either_width() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let client_id = fixtures::client(&vault, company_id).await?;
    fixtures::held_interview(&vault, client_id, "2026-11-01", Some("ＳＥとして入社")).await?;
    fixtures::held_interview(&vault, client_id, "2026-11-02", Some("PMを目指す")).await?;
    fixtures::held_interview(&vault, client_id, "2026-11-03", Some("ｷｬﾘｱ相談")).await?;
    for (query, held_on) in [
        ("SE", "2026-11-01"),
        ("se", "2026-11-01"),
        ("ＳＥ", "2026-11-01"),
        ("ＰＭ", "2026-11-02"),
        ("ＰＭを目指す", "2026-11-02"),
        ("ｷｬﾘｱ", "2026-11-03"),
    ] {
        let found = search(&vault, query).await?;
        let dates: Vec<&str> = found.groups[0]
            .hits
            .iter()
            .filter_map(|hit| hit.at.as_deref())
            .collect();
        assert_eq!(dates, [held_on], "{query}");
        assert!(!highlighted(&found.groups[0].hits[0]).is_empty(), "{query}");
    }
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn a_word_before_countless_characters_is_found_by_reading_the_text() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let client_id = fixtures::client(&vault, company_id).await?;
    // 「の」 before four hundred different characters: more trigrams than one query may list.
    let common: String = (0x4E00..0x4E00 + 400)
        .filter_map(char::from_u32)
        .flat_map(|c| ['の', c, '、'])
        .collect();
    fixtures::held_interview(&vault, client_id, "2026-11-01", Some(&common)).await?;
    fixtures::held_interview(&vault, client_id, "2026-11-02", Some("上司の異動について")).await?;
    fixtures::held_interview(&vault, client_id, "2026-11-03", Some("関係ない記録")).await?;
    let dates = |found: &SearchResults| -> Vec<String> {
        found
            .groups
            .iter()
            .flat_map(|group| group.hits.iter().filter_map(|hit| hit.at.clone()))
            .collect()
    };
    assert_eq!(
        dates(&search(&vault, "の").await?),
        ["2026-11-02", "2026-11-01"],
        "newest first"
    );
    // With a word the index finds: both must hold.
    assert_eq!(
        dates(&search(&vault, "の 異動について").await?),
        ["2026-11-02"]
    );
    assert!(search(&vault, "の 関係ない").await?.groups.is_empty());
    vault.lock().await;
    Ok(())
}
