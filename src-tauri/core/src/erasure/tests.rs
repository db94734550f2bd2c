//! Erasure against a real vault, proven by reading every page of the database and its log,
//! decrypted with the vault's key.

use std::path::Path;

use aes::cipher::{block_padding::NoPadding, BlockDecryptMut, KeyIvInit};

use super::*;
use crate::action_plan::{self, ActionItemInput, ActionStatus, ProgressInput, Smart};
use crate::client::ClientInput;
use crate::flag::{self, FlagInput, FlagKind};
use crate::interview::{self, InterviewDetails, NewInterview};
use crate::questionnaire::{self, QuestionnaireInput};
use crate::record::Field;
use crate::test_support::fixtures::{self, client_input, details, TestResult};
use crate::test_support::new_vault;
use crate::ErrorCode;

/// SQLCipher 4's defaults: 4096-byte pages, each ending in 80 reserved bytes (a 16-byte IV,
/// then a 64-byte HMAC).
const PAGE: usize = 4096;
const RESERVE: usize = 80;
/// The log's own header, and each frame's header before its page.
const WAL_HEADER: usize = 32;
const FRAME_HEADER: usize = 24;

/// One page, decrypted. Page 1 starts with the file's salt, in clear and not encrypted.
fn decrypt_page(key: &[u8; 32], number: u64, raw: &[u8]) -> Vec<u8> {
    let skip = if number == 1 { 16 } else { 0 };
    let end = PAGE - RESERVE;
    let mut page = raw[skip..end].to_vec();
    let decrypted = cbc::Decryptor::<aes::Aes256>::new(key.into(), raw[end..end + 16].into())
        .decrypt_padded_mut::<NoPadding>(&mut page)
        .map(<[u8]>::len);
    assert_eq!(
        decrypted.ok(),
        Some(end - skip),
        "page {number} did not decrypt"
    );
    [vec![0; skip], page].concat()
}

/// Every page of the database and every frame of its log, decrypted.
fn decrypted_pages(key: &[u8; 32], database: &Path) -> Vec<(String, Vec<u8>)> {
    let file = std::fs::read(database).unwrap_or_default();
    assert_eq!(file.len() % PAGE, 0);
    let mut pages = Vec::new();
    for (index, raw) in file.chunks(PAGE).enumerate() {
        let number = index as u64 + 1;
        let page = decrypt_page(key, number, raw);
        if number == 1 {
            // The decrypted header says 4096-byte pages with 80 reserved: the key is right.
            assert_eq!((&page[16..18], page[20]), (&[0x10, 0x00][..], 80));
        }
        pages.push((format!("database page {number}"), page));
    }
    let mut log_name = database.as_os_str().to_owned();
    log_name.push("-wal");
    let log = std::fs::read(log_name).unwrap_or_default();
    for (index, frame) in log
        .get(WAL_HEADER..)
        .unwrap_or_default()
        .chunks_exact(FRAME_HEADER + PAGE)
        .enumerate()
    {
        let number = u64::from(u32::from_be_bytes([frame[0], frame[1], frame[2], frame[3]]));
        pages.push((
            format!("log frame {index} (page {number})"),
            decrypt_page(key, number, &frame[FRAME_HEADER..]),
        ));
    }
    pages
}

/// Where any adjacent pair of the marker's characters appears. Pairs, not the whole marker:
/// the search index keeps text as three-character terms, each stored after the part it shares
/// with the term before it, so only the last two characters of a term are sure to be whole.
fn places_holding(pages: &[(String, Vec<u8>)], marker: &str) -> Vec<String> {
    let chars: Vec<char> = marker.chars().collect();
    let pairs: Vec<Vec<u8>> = chars
        .windows(2)
        .map(|pair| pair.iter().collect::<String>().into_bytes())
        .collect();
    pages
        .iter()
        .filter(|(_, page)| {
            pairs.iter().any(|pair| {
                page.windows(pair.len())
                    .any(|window| window == pair.as_slice())
            })
        })
        .map(|(place, _)| place.clone())
        .collect()
}

/// A client whose every field and record holds `marker` (and `kana` where only kana will do).
async fn client_holding(vault: &Vault, marker: &str, kana: &str) -> TestResult<ClientId> {
    // The company is not the client's: it stays, so it holds no marker.
    let company = format!("会社{}", kana.chars().next().unwrap_or_default());
    let company_id = fixtures::company(vault, &company).await?;
    let program_id = fixtures::program(vault, company_id).await?;
    let text = |field: &str| Some(format!("{field}{marker}"));
    let client = crate::client::create(
        vault,
        &ClientInput {
            employee_number: text("E"),
            department: text("部"),
            role: text("役"),
            job_content: text("仕事"),
            desired_career: text("希望"),
            tags: vec![format!("タグ{marker}")],
            program_ids: vec![program_id],
            ..client_input(company_id, &format!("氏名{marker}"), kana)
        },
    )
    .await?
    .id;
    let interview_id = interview::create(
        vault,
        &NewInterview {
            client_id: client,
            details: InterviewDetails {
                purpose: text("目的"),
                theme: text("テーマ"),
                ..details(Some(program_id), "2026-11-21T10:00")
            },
            notes: text("メモ"),
        },
    )
    .await?
    .id;
    for section in crate::sheet::sections(vault, interview_id).await? {
        crate::sheet::save_section(vault, section.id, &format!("欄{marker}")).await?;
    }
    interview::mark_held(vault, interview_id, None).await?;
    // Amendments keep what was replaced: both versions hold the marker.
    interview::save_notes(vault, interview_id, &format!("追記{marker}")).await?;
    questionnaire::save(
        vault,
        &QuestionnaireInput {
            client_id: client,
            program_id: Some(program_id),
            skills: format!("スキル{marker}"),
            qualifications: format!("資格{marker}"),
            income_and_role: format!("収入{marker}"),
            private_life: format!("私生活{marker}"),
        },
    )
    .await?;
    flag::create(
        vault,
        &FlagInput {
            client_id: client,
            interview_id: Some(interview_id),
            kind: FlagKind::MentalHealth,
            note: format!("フラグ{marker}"),
            referred_to: text("産業医"),
            raised_on: "2026-11-21".into(),
            handled_on: None,
        },
    )
    .await?;
    let item = action_plan::create(
        vault,
        &ActionItemInput {
            client_id: client,
            interview_id: Some(interview_id),
            what: format!("行動{marker}"),
            how: text("方法"),
            due_on: None,
            smart: Smart::default(),
            status: ActionStatus::NotStarted,
        },
    )
    .await?;
    action_plan::add_progress(
        vault,
        &ProgressInput {
            action_item_id: item.id,
            interview_id: Some(interview_id),
            noted_on: "2026-11-22".into(),
            note: format!("進捗{marker}"),
            status: None,
        },
    )
    .await?;
    // The report is drafted from the sheet (its first version holds the marker), then
    // rewritten: both versions are kept.
    let report = crate::report::create(vault, client, program_id).await?;
    crate::report::save_part(
        vault,
        report.id,
        crate::report::ReportPart::ProposedSupport,
        &format!("提案{marker}"),
    )
    .await?;
    let flag_id = flag::list(vault, client).await?[0].id;
    crate::consent::grant(
        vault,
        &crate::consent::ConsentInput {
            purpose: format!("目的{marker}"),
            obtained_note: Some(format!("取得{marker}")),
            flag_ids: vec![flag_id],
            expires_on: None,
            ..crate::consent::tests::hr_consent(client, program_id)
        },
    )
    .await?;
    Ok(client)
}

/// Rare characters no other text here holds, so a page holding a pair of them held the marker.
const ERASED: &str = "鼈鼇鼉鼐鼒";
const ERASED_KANA: &str = "ゑゐゑゐ";
const KEPT: &str = "龠龢龡龤龥";
const KEPT_KANA: &str = "ゕゖゕゖ";

#[tokio::test]
async fn an_erased_client_is_on_no_page_of_the_database_or_its_log() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let erased = client_holding(&vault, ERASED, ERASED_KANA).await?;
    let kept = client_holding(&vault, KEPT, KEPT_KANA).await?;
    // A summary given to HR before the erasure: its provision record must outlive the client,
    // naming them only by reference.
    let consent_id = crate::consent::list(&vault, erased).await?[0].id;
    let packages = tempfile::tempdir()?;
    crate::export::export_summary(
        &vault,
        &crate::export::SummaryRequest {
            consent_id,
            parts: vec![crate::consent::SharePart::ActionPlan],
            flag_ids: Vec::new(),
            summary: None,
        },
        &crate::export::Target {
            encryption: crate::package::Encryption::Recipients(vec![
                age::x25519::Identity::generate().to_public().to_string(),
            ]),
            armored: false,
            path: packages.path().join("summary.age"),
        },
    )
    .await?;
    let (key, database) = vault.key_and_database();
    assert!(
        !places_holding(&decrypted_pages(&key, &database), ERASED).is_empty(),
        "the reader must see the marker before the erasure"
    );

    let outcome = erase_client(
        &vault,
        &ErasureRequest {
            client_id: erased,
            // Typed through an IME: full-width space around it.
            confirmation: format!("\u{3000}氏名{ERASED} "),
        },
    )
    .await?;
    assert!(outcome.log_emptied);
    let pages = decrypted_pages(&key, &database);
    assert_eq!(places_holding(&pages, ERASED), Vec::<String>::new());
    assert_eq!(places_holding(&pages, ERASED_KANA), Vec::<String>::new());
    assert!(
        !places_holding(&pages, KEPT).is_empty(),
        "the other client is still there"
    );
    assert_eq!(
        crate::client::get(&vault, erased)
            .await
            .err()
            .map(|e| e.code()),
        Some(ErrorCode::NotFound)
    );
    assert!(crate::search::search(&vault, "鼉鼐")
        .await?
        .groups
        .is_empty());
    assert_eq!(
        crate::search::search(&vault, "龡龤").await?.groups[0].client_id,
        kept
    );
    let orphans: i64 = sqlx::query_scalar(
        "SELECT (SELECT count(*) FROM interviews) + (SELECT count(*) FROM flags)
              + (SELECT count(*) FROM action_items) + (SELECT count(*) FROM questionnaires)
              + (SELECT count(*) FROM reports) + (SELECT count(*) FROM report_versions)",
    )
    .fetch_one(vault.pool())
    .await?;
    // One interview, flag, action item, questionnaire and report, and the report's two versions.
    assert_eq!(orphans, 7, "only the kept client's records remain");
    let consents: i64 = sqlx::query_scalar(
        "SELECT (SELECT count(*) FROM consents) + (SELECT count(*) FROM consent_flags)",
    )
    .fetch_one(vault.pool())
    .await?;
    assert_eq!(
        consents, 2,
        "only the kept client's consent and its flag remain"
    );
    let provided = crate::provision::list(&vault).await?;
    assert_eq!(provided.len(), 1);
    assert_eq!(
        (provided[0].person.clone(), provided[0].client_id),
        (format!("KZ-{erased}"), None)
    );
    // The erasure is in the audit log, by reference.
    let logged = crate::audit::list(&vault).await?;
    assert_eq!(logged[0].action, crate::audit::Action::Erasure);
    assert_eq!(logged[0].subject, format!("KZ-{erased}"));
    vault.lock().await;
    Ok(())
}

/// The page reader finds what the index leaves behind when FTS5 does not remove it at once:
/// proof that the check above would fail if the erasure left the index's terms.
#[tokio::test]
async fn without_the_index_secure_delete_the_reader_finds_the_residue() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    sqlx::query("INSERT INTO search_text (search_text, rank) VALUES ('secure-delete', 0)")
        .execute(vault.pool())
        .await?;
    let erased = client_holding(&vault, ERASED, ERASED_KANA).await?;
    client_holding(&vault, KEPT, KEPT_KANA).await?;
    erase_client(
        &vault,
        &ErasureRequest {
            client_id: erased,
            confirmation: format!("氏名{ERASED}"),
        },
    )
    .await?;
    let (key, database) = vault.key_and_database();
    assert!(!places_holding(&decrypted_pages(&key, &database), ERASED).is_empty());
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn a_wrong_confirmation_erases_nothing() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let client = client_holding(&vault, ERASED, ERASED_KANA).await?;
    let before = crate::client::get(&vault, client).await?;
    for typed in ["", "氏名", "削除", &format!("氏名{KEPT}")] {
        let error = erase_client(
            &vault,
            &ErasureRequest {
                client_id: client,
                confirmation: typed.to_owned(),
            },
        )
        .await
        .err();
        assert_eq!(
            error.as_ref().map(Error::code),
            Some(ErrorCode::ErasureNotConfirmed)
        );
        assert_eq!(error.and_then(|e| e.field()), Some(Field::Confirmation));
    }
    assert_eq!(crate::client::get(&vault, client).await?, before);
    assert_eq!(interview::list(&vault, client).await?.len(), 1);
    let erasures = crate::audit::list(&vault).await?;
    assert!(erasures
        .iter()
        .all(|entry| entry.action != crate::audit::Action::Erasure));
    vault.lock().await;
    Ok(())
}
