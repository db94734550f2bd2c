//! Supervision against a real vault and the real age format: pseudonymised unless a consent
//! names a supervisor, and the inbox that takes only a supervisor's comments addressed to it,
//! including a file the reference `age` encrypted.

use age::secrecy::SecretString;

use super::inbox::{self, ImportError};
use super::*;
use crate::consent::tests::hr_consent;
use crate::consent::SharePart;
use crate::ids::{ClientId, ProgramId};
use crate::interview::{InterviewDetails, NewInterview};
use crate::package::zip;
use crate::report::ReportPart;
use crate::test_support::fixtures::{self, details, TestResult};
use crate::test_support::new_vault;
use crate::ErrorCode;

struct Scene {
    client_id: ClientId,
    program_id: ProgramId,
    report_id: ReportId,
}

/// A report whose text names the client every way it can be named.
async fn scene(vault: &Vault) -> TestResult<Scene> {
    let company_id = fixtures::company(vault, "株式会社サンプル").await?;
    let program_id = fixtures::program(vault, company_id).await?;
    let client_id = client::create(
        vault,
        &client::ClientInput {
            employee_number: Some("E-4711".into()),
            department: Some("経理部".into()),
            role: Some("主任".into()),
            age_band: Some(client::AgeBand::Forties),
            program_ids: vec![program_id],
            ..fixtures::client_input(company_id, "阿部 真理", "あべ まり")
        },
    )
    .await?
    .id;
    crate::interview::create(
        vault,
        &NewInterview {
            client_id,
            details: InterviewDetails {
                held_at: Some("2026-06-10T10:00".into()),
                ..details(Some(program_id), "2026-06-10T10:00")
            },
            notes: None,
        },
    )
    .await?;
    let report_id = report::create(vault, client_id, program_id).await?.id;
    report::save_part(
        vault,
        report_id,
        ReportPart::CareerAwareness,
        "阿部真理さん（社員番号 E-4711）は経理部で株式会社サンプルの決算を担う。阿部さんは異動を迷う。あべまりと名乗る。",
    )
    .await?;
    Ok(Scene {
        client_id,
        program_id,
        report_id,
    })
}

fn request(scene: &Scene) -> SupervisionRequest {
    SupervisionRequest {
        report_id: scene.report_id,
        question: Some("阿部さんへの関わり方について助言がほしい".into()),
    }
}

#[tokio::test]
async fn without_consent_the_report_is_pseudonymised_and_names_no_one() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(&dir.path().join("vault")).await;
    let scene = scene(&vault).await?;
    let document = preview(&vault, &request(&scene)).await?;
    assert!(document.pseudonymised);
    // The preview shows where the pseudonym goes; each package gets its own.
    assert_eq!(document.client.label, "相談者（P-••••••）");
    assert_eq!(document.client.age_band, Some(client::AgeBand::Forties));
    assert_eq!(
        document.parts.career_awareness,
        "〇〇さん（社員番号 〇〇）は〇〇で〇〇の決算を担う。〇〇さんは異動を迷う。〇〇と名乗る。"
    );
    assert_eq!(
        document.question.as_deref(),
        Some("〇〇さんへの関わり方について助言がほしい")
    );
    let identity = age::x25519::Identity::generate();
    let exported = export_into(
        &vault,
        &request(&scene),
        Encryption::Recipients(vec![identity.to_public().to_string()]),
        false,
        dir.path(),
    )
    .await?;
    assert_eq!(exported.provision_record, None);
    let package = package::open(&std::fs::read(&exported.path)?, &[&identity])?;
    assert_eq!(package.manifest.kind, PackageKind::SupervisionReport);
    assert_eq!(package.manifest.consent, None);
    let sent: serde_json::Value = serde_json::from_slice(
        &package
            .files
            .iter()
            .find(|(name, _)| name == "supervision-report.json")
            .ok_or("no JSON in the package")?
            .1,
    )?;
    let pseudonym = sent["client"]["reference"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        pseudonym.starts_with("P-") && pseudonym.len() == 8,
        "{pseudonym}"
    );
    assert_eq!(sent["interviews"][0]["heldOn"], "2026-06");
    // A second package of the same report: another pseudonym, so the two cannot be joined.
    let again = export_into(
        &vault,
        &request(&scene),
        Encryption::Recipients(vec![identity.to_public().to_string()]),
        false,
        dir.path(),
    )
    .await?;
    let again = package::open(&std::fs::read(&again.path)?, &[&identity])?;
    let again_json = String::from_utf8_lossy(
        &again
            .files
            .iter()
            .find(|(name, _)| name == "supervision-report.json")
            .ok_or("no JSON in the package")?
            .1,
    )
    .into_owned();
    assert!(!again_json.contains(&pseudonym), "a pseudonym given twice");
    for (_, content) in &package.files {
        let content = String::from_utf8_lossy(content);
        assert!(
            !content.contains(&format!("KZ-{}", scene.client_id)),
            "the client's reference in the package"
        );
        for marker in [
            "2026-06-10",
            "阿部",
            "真理",
            "あべまり",
            "E-4711",
            "経理部",
            "株式会社サンプル",
            "主任",
        ] {
            assert!(!content.contains(marker), "{marker} in the package");
        }
    }
    let entries = crate::audit::list(&vault).await?;
    // Newest first: the log names each package by its number and the client by Kizuki's
    // reference, which stays in the vault.
    assert_eq!(entries[0].subject, format!("KZS-2 KZ-{}", scene.client_id));
    assert_eq!(entries[1].subject, format!("KZS-1 KZ-{}", scene.client_id));
    assert!(entries[0].detail.contains("pseudonymised=true"));
    assert!(crate::provision::list(&vault).await?.is_empty());
    vault.lock().await;
    Ok(())
}

const SUPERVISION_PARTS: [SharePart; 4] = [
    SharePart::CareerAwareness,
    SharePart::Workplace,
    SharePart::OrganisationalIssues,
    SharePart::ProposedSupport,
];

#[tokio::test]
async fn a_consent_to_a_supervisor_names_the_client_and_keeps_the_provision_record() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(&dir.path().join("vault")).await;
    let scene = scene(&vault).await?;
    // A consent to HR does not name the client to a supervisor.
    consent::grant(&vault, &hr_consent(scene.client_id, scene.program_id)).await?;
    let to_supervisor = |parts: Vec<SharePart>| consent::ConsentInput {
        recipient_kind: RecipientKind::Supervisor,
        recipient_name: "SV 田中様".into(),
        program_id: None,
        parts,
        ..hr_consent(scene.client_id, scene.program_id)
    };
    // A part no supervision report carries is refused: the client would read a promise that
    // means nothing. Nothing is recorded.
    let refused = consent::grant(&vault, &to_supervisor(vec![SharePart::Themes])).await;
    assert_eq!(
        refused.err().map(|error| error.code()),
        Some(ErrorCode::PartNotForRecipient)
    );
    assert_eq!(consent::list(&vault, scene.client_id).await?.len(), 1);
    assert!(preview(&vault, &request(&scene)).await?.pseudonymised);
    // Nor does one for another program name them.
    let company_id = program::get(&vault, scene.program_id).await?.company_id;
    let other_program = program::create(
        &vault,
        &fixtures::program_input(company_id, "2025年度 セルフ・キャリアドック"),
    )
    .await?
    .id;
    consent::grant(
        &vault,
        &consent::ConsentInput {
            program_id: Some(other_program),
            ..to_supervisor(SUPERVISION_PARTS.to_vec())
        },
    )
    .await?;
    assert!(preview(&vault, &request(&scene)).await?.pseudonymised);
    let granted = consent::grant(&vault, &to_supervisor(SUPERVISION_PARTS.to_vec())).await?;
    let document = preview(&vault, &request(&scene)).await?;
    assert!(!document.pseudonymised);
    assert_eq!(document.client.label, "阿部 真理");
    assert_eq!(document.client.department.as_deref(), Some("経理部"));
    assert!(document.parts.career_awareness.starts_with("阿部真理さん"));
    assert!(document.left_out.is_empty());
    assert_eq!(document.consent, Some(granted.reference()));
    assert_eq!(document.recipient.as_deref(), Some("SV 田中様"));
    let path = dir.path().join("sv.age");
    let exported = export(
        &vault,
        &request(&scene),
        &Target {
            encryption: Encryption::Passphrase(SecretString::from("a long passphrase for sv")),
            armored: true,
            path: path.clone(),
        },
    )
    .await?;
    let records = crate::provision::list(&vault).await?;
    assert_eq!(records.len(), 1);
    assert_eq!(Some(records[0].id), exported.provision_record);
    assert_eq!(records[0].recipient_name, "SV 田中様");
    assert_eq!(records[0].items.len(), 4);
    assert!(matches!(
        crate::audit::verify(&vault).await?,
        crate::audit::Verdict::Intact { .. }
    ));
    vault.lock().await;
    Ok(())
}

/// The attacker is the supervisor: they read every file of the package for the text of parts
/// the consent does not cover.
#[tokio::test]
async fn a_named_report_carries_only_the_parts_its_consent_covers() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(&dir.path().join("vault")).await;
    let scene = scene(&vault).await?;
    for (part, text) in [
        (ReportPart::Workplace, "職場の記述マーカー甲"),
        (ReportPart::Organisational, "組織の記述マーカー乙"),
        (ReportPart::ProposedSupport, "支援の提案マーカー丙"),
    ] {
        report::save_part(&vault, scene.report_id, part, text).await?;
    }
    consent::grant(
        &vault,
        &consent::ConsentInput {
            recipient_kind: RecipientKind::Supervisor,
            recipient_name: "SV 田中様".into(),
            program_id: Some(scene.program_id),
            parts: vec![SharePart::Workplace, SharePart::OrganisationalIssues],
            ..hr_consent(scene.client_id, scene.program_id)
        },
    )
    .await?;
    let document = preview(&vault, &request(&scene)).await?;
    assert!(!document.pseudonymised);
    assert_eq!(
        document.left_out,
        [ReportPart::CareerAwareness, ReportPart::ProposedSupport]
    );
    assert_eq!(document.parts.workplace, "職場の記述マーカー甲");
    assert_eq!(document.parts.career_awareness, "");
    assert_eq!(document.parts.proposed_support, "");
    let supervisor = age::x25519::Identity::generate();
    let exported = export_into(
        &vault,
        &request(&scene),
        Encryption::Recipients(vec![supervisor.to_public().to_string()]),
        false,
        dir.path(),
    )
    .await?;
    let package = package::open(&std::fs::read(&exported.path)?, &[&supervisor])?;
    let mut carried = String::new();
    for (_, content) in &package.files {
        carried.push_str(&String::from_utf8_lossy(content));
    }
    for kept_back in ["支援の提案マーカー丙", "決算を担う", "異動を迷う"] {
        assert!(!carried.contains(kept_back), "{kept_back} was sent");
    }
    for sent in [
        "職場の記述マーカー甲",
        "組織の記述マーカー乙",
        "同意の範囲外",
    ] {
        assert!(carried.contains(sent), "{sent} is missing");
    }
    let records = crate::provision::list(&vault).await?;
    assert_eq!(
        records[0].items,
        ["report:workplace", "report:organisational"]
    );
    vault.lock().await;
    Ok(())
}

fn comments(regarding: &str) -> SupervisionComments {
    SupervisionComments {
        format: COMMENTS_FORMAT.into(),
        version: package::FORMAT_VERSION,
        supervisor: "SV 田中".into(),
        regarding: regarding.into(),
        written_on: "2026-11-24".into(),
        comments: "傾聴の姿勢は十分。次回は目標の具体化を。コメント甲".into(),
    }
}

fn sealed_to(recipient: &str, regarding: &str) -> TestResult<Vec<u8>> {
    Ok(comments_package(
        &comments(regarding),
        &Encryption::Recipients(vec![recipient.to_owned()]),
        false,
        Utc::now(),
    )?)
}

#[tokio::test]
async fn the_inbox_takes_comments_addressed_to_it_once_and_keeps_them_read_only() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(&dir.path().join("vault")).await;
    let scene = scene(&vault).await?;
    let mine = inbox::recipient(&vault).await?;
    assert!(mine.starts_with("age1"));
    assert_eq!(inbox::recipient(&vault).await?, mine, "one identity, kept");
    // The supervisor answers regarding the reference the package carried.
    let supervisor = age::x25519::Identity::generate();
    let exported = export_into(
        &vault,
        &request(&scene),
        Encryption::Recipients(vec![supervisor.to_public().to_string()]),
        false,
        dir.path(),
    )
    .await?;
    let package = package::open(&std::fs::read(&exported.path)?, &[&supervisor])?;
    let sent: serde_json::Value = serde_json::from_slice(
        &package
            .files
            .iter()
            .find(|(name, _)| name == "supervision-report.json")
            .ok_or("no JSON in the package")?
            .1,
    )?;
    let regarding = sent["regarding"].as_str().ok_or("no reference")?.to_owned();
    assert!(regarding.starts_with(REFERENCE_PREFIX), "{regarding}");
    // Its number with a made-up token links to no one.
    let (number, _) = regarding.rsplit_once('-').ok_or("no token")?;
    let forged = comments_package(
        &SupervisionComments {
            comments: "推測した参照".into(),
            ..comments(&format!("{number}-AAAAAAAAAA"))
        },
        &Encryption::Recipients(vec![mine.clone()]),
        false,
        Utc::now(),
    )?;
    assert_eq!(inbox::import(&vault, &forged).await?.client_id, None);
    let sealed = sealed_to(&mine, &regarding)?;
    let item = inbox::import(&vault, &sealed).await?;
    assert_eq!(item.client_id, Some(scene.client_id));
    assert!(item.comments.ends_with("コメント甲"));
    // The same comments, encrypted again or armored: still the same comments.
    for again in [sealed.clone(), sealed_to(&mine, &regarding)?] {
        let error = inbox::import(&vault, &again).await.err();
        assert_eq!(error.map(|e| e.code()), Some(ErrorCode::AlreadyImported));
    }
    // A client's bare reference links to no one: anyone with the inbox key could write it.
    let bare = comments_package(
        &SupervisionComments {
            comments: "別のコメント".into(),
            ..comments(&format!("KZ-{}", scene.client_id))
        },
        &Encryption::Recipients(vec![mine.clone()]),
        true,
        Utc::now(),
    )?;
    assert_eq!(inbox::import(&vault, &bare).await?.client_id, None);

    // Every refusal leaves the inbox as it was.
    let someone_else = age::x25519::Identity::generate().to_public().to_string();
    let mut truncated = sealed_to(&mine, "KZ-999")?;
    truncated.truncate(truncated.len() - 20);
    let summary_like = {
        let archive =
            package::assemble(PackageKind::HrSummary, None, String::new(), &[], Utc::now());
        package::seal(&archive, &Encryption::Recipients(vec![mine.clone()]), false)?
    };
    for (bytes, code) in [
        (
            sealed_to(&someone_else, &regarding)?,
            ErrorCode::PackageNotForYou,
        ),
        (truncated, ErrorCode::PackageDamaged),
        (b"just some text".to_vec(), ErrorCode::NotAPackage),
        (summary_like, ErrorCode::NotSupervisionComments),
        (
            vec![0; package::MAX_PACKAGE_BYTES + 1],
            ErrorCode::PackageTooLarge,
        ),
    ] {
        let error = inbox::import(&vault, &bytes).await.err();
        assert_eq!(error.as_ref().map(ImportError::code), Some(code));
    }
    assert_eq!(inbox::list(&vault).await?.len(), 3);
    let edited = sqlx::query("UPDATE inbox_items SET comments = 'x'")
        .execute(vault.pool())
        .await;
    assert!(edited.is_err(), "inbox items are read-only");
    let imports: Vec<_> = crate::audit::list(&vault)
        .await?
        .into_iter()
        .filter(|entry| entry.action == crate::audit::Action::Import)
        .collect();
    assert_eq!(imports.len(), 3);

    // Comments about a client go with the client's erasure; the others stay.
    crate::erasure::erase_client(
        &vault,
        &crate::erasure::ErasureRequest {
            client_id: scene.client_id,
            confirmation: "阿部 真理".into(),
        },
    )
    .await?;
    let left: Vec<String> = inbox::list(&vault)
        .await?
        .into_iter()
        .map(|item| item.comments)
        .collect();
    assert_eq!(left, ["別のコメント", "推測した参照"]);
    vault.lock().await;
    Ok(())
}

/// A supervisor without Kizuki: the package's ZIP made by hand, encrypted by the reference
/// `age` to the consultant's inbox recipient.
#[tokio::test]
async fn a_package_the_reference_age_encrypted_imports() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(&dir.path().join("vault")).await;
    let mine = inbox::recipient(&vault).await?;
    let json = serde_json::to_vec(&comments("KZS-77"))?;
    let manifest = serde_json::json!({
        "format": "kizuki-package",
        "version": 1,
        "kind": "supervision_comments",
        "createdAt": "2026-11-24T09:00:00Z",
        "producer": "by hand",
        "consent": null,
        "auditHead": "",
        "files": [{
            "name": "comments.json",
            "mediaType": "application/json",
            "bytes": json.len(),
            "sha256": package::sha256(&json),
        }],
    });
    let manifest = serde_json::to_vec(&manifest)?;
    let archive = zip::write(
        &[("manifest.json", &manifest), ("comments.json", &json)],
        Utc::now().naive_utc(),
    );
    let plain = dir.path().join("comments.zip");
    std::fs::write(&plain, &archive)?;
    let sealed = dir.path().join("comments.age");
    let status = std::process::Command::new("age")
        .args(["-r", &mine, "-o"])
        .arg(&sealed)
        .arg(&plain)
        .output()?;
    assert!(
        status.status.success(),
        "age is needed (scripts/test.sh installs it): {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let item = inbox::import(&vault, &std::fs::read(&sealed)?).await?;
    assert_eq!(item.regarding, "KZS-77");
    assert_eq!(item.client_id, None);
    assert_eq!(item.supervisor, "SV 田中");
    vault.lock().await;
    Ok(())
}

/// A package sealed by hand, as anyone who knows the inbox key could write one: `comments`
/// go in unchecked.
fn forged_comments(recipient: &str, comments: &SupervisionComments) -> TestResult<Vec<u8>> {
    let archive = package::assemble(
        PackageKind::SupervisionComments,
        None,
        String::new(),
        &package::Document::page_and_json(
            "comments",
            String::new(),
            serde_json::to_vec_pretty(comments)?,
        ),
        Utc::now(),
    );
    Ok(package::seal(
        &archive,
        &Encryption::Recipients(vec![recipient.to_owned()]),
        false,
    )?)
}

#[tokio::test]
async fn the_inbox_refuses_a_name_or_comments_that_display_as_something_else() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(&dir.path().join("vault")).await;
    let mine = inbox::recipient(&vault).await?;
    let reordered_name = SupervisionComments {
        // Shown right to left from the override on: 「SV 中田」 for 「SV 田中」's reader.
        supervisor: "SV \u{202E}田中".into(),
        ..comments("KZ-1")
    };
    let reordered_text = SupervisionComments {
        comments: "問題なし\u{2067}。ただし要確認\u{2069}".into(),
        ..comments("KZ-1")
    };
    for forged in [reordered_name, reordered_text] {
        let sealed = forged_comments(&mine, &forged)?;
        let refused = inbox::import(&vault, &sealed).await;
        assert!(
            matches!(refused, Err(ImportError::NotComments)),
            "{:?}",
            refused.err()
        );
    }
    assert!(inbox::list(&vault).await?.is_empty());
    assert!(crate::audit::list(&vault).await?.is_empty());
    // The same text without the marks goes in.
    assert!(
        inbox::import(&vault, &forged_comments(&mine, &comments("KZ-1"))?)
            .await
            .is_ok()
    );
    vault.lock().await;
    Ok(())
}
