//! Summary exports against a real vault, the real age format and the reference `age` tool.

use std::path::Path;

use age::secrecy::SecretString;

use super::*;
use crate::action_plan::{ActionItemInput, ActionStatus, Smart};
use crate::consent::tests::hr_consent;
use crate::consent::{ConsentInput, RevocationInput};
use crate::flag::{FlagInput, FlagKind};
use crate::ids::{ClientId, ProgramId};
use crate::interview::{InterviewDetails, NewInterview};
use crate::package::{zip, Manifest};
use crate::test_support::fixtures::{self, details, TestResult};
use crate::test_support::new_vault;
use crate::ErrorCode;

/// A client whose every part holds its own marker, with a consent covering the summary, the
/// action plan, the workplace and one of two flags.
struct Scene {
    client_id: ClientId,
    program_id: ProgramId,
    consent_id: ConsentId,
    shared_flag: FlagId,
    private_flag: FlagId,
}

async fn scene(vault: &Vault) -> TestResult<Scene> {
    let company_id = fixtures::company(vault, "株式会社サンプル").await?;
    let program_id: ProgramId = fixtures::program(vault, company_id).await?;
    let client_id = fixtures::client(vault, company_id).await?;
    let interview = crate::interview::create(
        vault,
        &NewInterview {
            client_id,
            details: InterviewDetails {
                held_at: Some("2026-11-10T10:00".into()),
                theme: Some("テーマ甲甲".into()),
                ..details(Some(program_id), "2026-11-10T10:00")
            },
            notes: Some("メモ乙乙".into()),
        },
    )
    .await?;
    for section in crate::sheet::sections(vault, interview.id).await? {
        let marker = match section.key.as_deref() {
            Some("strengths") => "強み丙丙",
            Some("workplace") => "職場丁丁",
            Some("organisational_issues") => "組織戊戊",
            _ => "その他己己",
        };
        crate::sheet::capture(vault, section.id, marker).await?;
    }
    crate::action_plan::create(
        vault,
        &ActionItemInput {
            client_id,
            interview_id: Some(interview.id),
            what: "行動庚庚".into(),
            how: Some("方法".into()),
            due_on: Some("2027-01-31".into()),
            smart: Smart::default(),
            status: ActionStatus::InProgress,
        },
    )
    .await?;
    let flag = |kind, note: &str| FlagInput {
        client_id,
        interview_id: Some(interview.id),
        kind,
        note: note.into(),
        referred_to: None,
        raised_on: "2026-11-10".into(),
        handled_on: None,
    };
    let shared_flag = crate::flag::create(vault, &flag(FlagKind::Organisational, "旗辛辛"))
        .await?
        .id;
    let private_flag = crate::flag::create(vault, &flag(FlagKind::MentalHealth, "旗壬壬"))
        .await?
        .id;
    let consent = crate::consent::grant(
        vault,
        &ConsentInput {
            parts: vec![
                SharePart::Summary,
                SharePart::ActionPlan,
                SharePart::Workplace,
            ],
            flag_ids: vec![shared_flag],
            expires_on: None,
            ..hr_consent(client_id, program_id)
        },
    )
    .await?;
    save_summary(vault, consent.id, "要約癸癸\n\n次の段落").await?;
    Ok(Scene {
        client_id,
        program_id,
        consent_id: consent.id,
        shared_flag,
        private_flag,
    })
}

fn request(scene: &Scene, parts: &[SharePart], flags: &[FlagId]) -> SummaryRequest {
    SummaryRequest {
        consent_id: scene.consent_id,
        parts: parts.to_vec(),
        flag_ids: flags.to_vec(),
        summary: None,
    }
}

fn to_key(identity: &age::x25519::Identity, path: &Path) -> Target {
    Target {
        encryption: Encryption::Recipients(vec![identity.to_public().to_string()]),
        armored: false,
        path: path.to_owned(),
    }
}

const SHARED: [&str; 4] = ["要約癸癸", "行動庚庚", "職場丁丁", "旗辛辛"];
const NOT_SHARED: [&str; 6] = [
    "テーマ甲甲",
    "メモ乙乙",
    "強み丙丙",
    "組織戊戊",
    "その他己己",
    "旗壬壬",
];

#[tokio::test]
async fn a_summary_package_holds_what_the_consent_covers_and_nothing_else() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(&dir.path().join("vault")).await;
    let scene = scene(&vault).await?;
    let parts = [
        SharePart::Summary,
        SharePart::ActionPlan,
        SharePart::Workplace,
    ];
    let request = request(&scene, &parts, &[scene.shared_flag]);
    let preview = preview_summary(&vault, &request).await?;
    assert!(preview.uncovered_parts.is_empty() && preview.uncovered_flags.is_empty());

    let hr = age::x25519::Identity::generate();
    let path = dir.path().join("summary.age");
    let exported = export_summary(&vault, &request, &to_key(&hr, &path)).await?;
    let sealed = std::fs::read(&path)?;
    assert_eq!(exported.sha256, crate::package::sha256(&sealed));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path)?.permissions().mode() & 0o777,
            0o600
        );
    }
    let files = zip::read(&age::decrypt(&hr, &sealed)?)?;
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["manifest.json", "summary.html", "summary.json"]);
    let manifest: Manifest = serde_json::from_slice(&files[0].1)?;
    assert_eq!(
        manifest.consent.map(|c| c.reference),
        Some(format!("KZC-{}", scene.consent_id))
    );
    let html = String::from_utf8(files[1].1.clone())?;
    let json = String::from_utf8(files[2].1.clone())?;
    // The JSON is the preview's document, exactly.
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&json)?,
        serde_json::to_value(&preview.document)?
    );
    for marker in SHARED {
        assert!(
            html.contains(marker) && json.contains(marker),
            "{marker} shared"
        );
    }
    for marker in NOT_SHARED {
        assert!(
            !html.contains(marker) && !json.contains(marker),
            "{marker} not shared"
        );
    }
    for remote in ["<script", "http:", "https:", "src=", "url("] {
        assert!(!html.contains(remote), "{remote}");
    }

    let records = crate::provision::list(&vault).await?;
    assert_eq!(records.len(), 1);
    assert_eq!(Some(records[0].id), exported.provision_record);
    assert_eq!(
        records[0].items,
        [
            "summary",
            "action_plan",
            "workplace",
            &format!("flag:{}", scene.shared_flag)
        ]
    );
    assert_eq!(records[0].package_sha256, exported.sha256);
    assert_eq!(records[0].client_id, Some(scene.client_id));
    let log = crate::audit::list(&vault).await?;
    assert_eq!(log[0].action, crate::audit::Action::Export);
    assert!(!log[0].detail.contains("癸"));
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn an_export_the_consent_does_not_cover_is_refused_and_writes_nothing() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(&dir.path().join("vault")).await;
    let scene = scene(&vault).await?;
    let hr = age::x25519::Identity::generate();
    let path = dir.path().join("summary.age");
    let refused = |error: Option<Error>| match error {
        Some(Error::NotCovered {
            state,
            parts,
            flags,
        }) => Some((state, parts, flags)),
        _ => None,
    };
    // A part and a flag outside the consent are named.
    let wider = request(
        &scene,
        &[SharePart::Summary, SharePart::Strengths],
        &[scene.private_flag],
    );
    let error = export_summary(&vault, &wider, &to_key(&hr, &path))
        .await
        .err();
    assert_eq!(
        error.as_ref().map(Error::code),
        Some(ErrorCode::NotConsented)
    );
    assert_eq!(
        refused(error),
        Some((
            ConsentState::Active,
            vec![SharePart::Strengths],
            vec![scene.private_flag]
        ))
    );
    // Bad targets are refused before anything is read.
    let covered = request(&scene, &[SharePart::Summary], &[]);
    let bad_key = Target {
        encryption: Encryption::Recipients(vec!["age1notakey".into()]),
        armored: false,
        path: path.clone(),
    };
    let error = export_summary(&vault, &covered, &bad_key).await.err();
    assert_eq!(error.map(|e| e.code()), Some(ErrorCode::InvalidRecipient));
    let short = Target {
        encryption: Encryption::Passphrase(SecretString::from("みじかい".to_owned())),
        armored: false,
        path: path.clone(),
    };
    let error = export_summary(&vault, &covered, &short).await.err();
    assert_eq!(
        error.map(|e| e.code()),
        Some(ErrorCode::PackagePassphraseTooShort)
    );
    // An existing file is never overwritten.
    let existing = dir.path().join("existing.age");
    std::fs::write(&existing, "前からあるファイル")?;
    let error = export_summary(&vault, &covered, &to_key(&hr, &existing))
        .await
        .err();
    assert_eq!(error.map(|e| e.code()), Some(ErrorCode::FileExists));
    assert_eq!(std::fs::read_to_string(&existing)?, "前からあるファイル");
    // A revoked consent covers nothing.
    crate::consent::revoke(
        &vault,
        scene.consent_id,
        &RevocationInput {
            revoked_on: "2026-11-21".into(),
            note: None,
        },
    )
    .await?;
    let error = export_summary(&vault, &covered, &to_key(&hr, &path))
        .await
        .err();
    assert_eq!(
        refused(error),
        Some((ConsentState::Revoked, vec![SharePart::Summary], vec![]))
    );

    assert!(!path.exists());
    let left: Vec<_> = std::fs::read_dir(dir.path())?
        .map(|entry| entry.map(|e| e.file_name()))
        .collect::<Result<_, _>>()?;
    assert_eq!(
        left.len(),
        2,
        "only the vault and the existing file: {left:?}"
    );
    assert!(crate::provision::list(&vault).await?.is_empty());
    assert!(crate::audit::list(&vault)
        .await?
        .iter()
        .all(|entry| entry.action != crate::audit::Action::Export));
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn an_expired_consent_or_an_unwritten_summary_is_refused() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(&dir.path().join("vault")).await;
    let scene = scene(&vault).await?;
    let expired = crate::consent::grant(
        &vault,
        &ConsentInput {
            granted_on: "2025-04-01".into(),
            expires_on: Some("2026-03-31".into()),
            ..hr_consent(scene.client_id, scene.program_id)
        },
    )
    .await?;
    let hr = age::x25519::Identity::generate();
    let path = dir.path().join("summary.age");
    let plan = SummaryRequest {
        consent_id: expired.id,
        parts: vec![SharePart::ActionPlan],
        flag_ids: Vec::new(),
        summary: None,
    };
    let error = export_summary(&vault, &plan, &to_key(&hr, &path))
        .await
        .err();
    assert!(matches!(
        error,
        Some(Error::NotCovered {
            state: ConsentState::Expired,
            ..
        })
    ));
    // The summary part needs a summary written for that recipient.
    let summary = SummaryRequest {
        parts: vec![SharePart::Summary],
        ..plan
    };
    let error = export_summary(&vault, &summary, &to_key(&hr, &path))
        .await
        .err();
    assert_eq!(error.and_then(|e| e.field()), Some(Field::Summary));
    assert!(!path.exists());
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn the_reference_age_and_unzip_open_an_armored_passphrase_free_package() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(&dir.path().join("vault")).await;
    let scene = scene(&vault).await?;
    let identity = dir.path().join("hr.key");
    let status = std::process::Command::new("age-keygen")
        .args(["-o", &identity.to_string_lossy()])
        .output()?;
    assert!(
        status.status.success(),
        "age-keygen is needed (scripts/test.sh installs it)"
    );
    let public = std::process::Command::new("age-keygen")
        .args(["-y", &identity.to_string_lossy()])
        .output()?;
    let public = String::from_utf8(public.stdout)?.trim().to_owned();
    let path = dir.path().join("summary.age");
    let target = Target {
        encryption: Encryption::Recipients(vec![public]),
        armored: true,
        path: path.clone(),
    };
    export_summary(
        &vault,
        &request(&scene, &[SharePart::Summary], &[]),
        &target,
    )
    .await?;
    let zip_path = dir.path().join("summary.zip");
    let decrypted = std::process::Command::new("age")
        .args([
            "-d",
            "-i",
            &identity.to_string_lossy(),
            "-o",
            &zip_path.to_string_lossy(),
            &path.to_string_lossy(),
        ])
        .output()?;
    assert!(
        decrypted.status.success(),
        "{}",
        String::from_utf8_lossy(&decrypted.stderr)
    );
    let html = std::process::Command::new("unzip")
        .args(["-p", &zip_path.to_string_lossy(), "summary.html"])
        .output()?;
    assert!(
        html.status.success(),
        "unzip is needed (scripts/test.sh installs it)"
    );
    let html = String::from_utf8(html.stdout)?;
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("要約癸癸"));
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn into_a_folder_the_name_holds_references_only_and_never_replaces_a_file() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(&dir.path().join("vault")).await;
    let scene = scene(&vault).await?;
    let downloads = dir.path().join("downloads");
    std::fs::create_dir(&downloads)?;
    let hr = age::x25519::Identity::generate();
    let mut names = Vec::new();
    for _ in 0..2 {
        let exported = export_summary_into(
            &vault,
            &request(&scene, &[SharePart::Summary], &[]),
            Encryption::Recipients(vec![hr.to_public().to_string()]),
            false,
            &downloads,
        )
        .await?;
        names.push(
            Path::new(&exported.path)
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default(),
        );
    }
    let stem = format!(
        "人事向けサマリー-KZ-{}-KZC-{}",
        scene.client_id, scene.consent_id
    );
    assert_eq!(names, [format!("{stem}.age"), format!("{stem} (2).age")]);
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn a_flag_changed_since_the_consent_is_no_longer_covered() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(&dir.path().join("vault")).await;
    let scene = scene(&vault).await?;
    let with_flag = request(&scene, &[SharePart::Summary], &[scene.shared_flag]);
    assert!(preview_summary(&vault, &with_flag)
        .await?
        .uncovered_flags
        .is_empty());
    let flag = crate::flag::list(&vault, scene.client_id)
        .await?
        .into_iter()
        .find(|flag| flag.id == scene.shared_flag)
        .ok_or("no flag")?;
    crate::flag::update(
        &vault,
        flag.id,
        &FlagInput {
            client_id: scene.client_id,
            interview_id: flag.interview_id,
            kind: FlagKind::MentalHealth,
            note: flag.note.clone(),
            referred_to: flag.referred_to.clone(),
            raised_on: flag.raised_on.to_string(),
            handled_on: None,
        },
    )
    .await?;
    let preview = preview_summary(&vault, &with_flag).await?;
    assert_eq!(preview.uncovered_flags, [scene.shared_flag]);
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn a_summary_given_with_the_export_is_saved_only_if_the_export_goes_ahead() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(&dir.path().join("vault")).await;
    let scene = scene(&vault).await?;
    let hr = age::x25519::Identity::generate();
    let given = |parts: &[SharePart]| SummaryRequest {
        summary: Some("差し替えた要約".into()),
        ..request(&scene, parts, &[])
    };
    let refused = export_summary(
        &vault,
        &given(&[SharePart::Summary, SharePart::Strengths]),
        &to_key(&hr, &dir.path().join("refused.age")),
    )
    .await;
    assert!(refused.is_err());
    assert_eq!(
        summary(&vault, scene.consent_id).await?.text,
        "要約癸癸\n\n次の段落"
    );
    // The preview shows the summary given, and saves nothing either.
    let preview = preview_summary(&vault, &given(&[SharePart::Summary])).await?;
    assert_eq!(preview.document.summary.as_deref(), Some("差し替えた要約"));
    assert_eq!(
        summary(&vault, scene.consent_id).await?.text,
        "要約癸癸\n\n次の段落"
    );
    export_summary(
        &vault,
        &given(&[SharePart::Summary]),
        &to_key(&hr, &dir.path().join("summary.age")),
    )
    .await?;
    assert_eq!(
        summary(&vault, scene.consent_id).await?.text,
        "差し替えた要約"
    );
    vault.lock().await;
    Ok(())
}
