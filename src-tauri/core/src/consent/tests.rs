//! Consents against a real vault.

use super::*;
use crate::flag::{FlagInput, FlagKind};
use crate::record::Field;
use crate::test_support::fixtures::{self, TestResult};
use crate::test_support::new_vault;
use crate::ErrorCode;

pub(crate) fn hr_consent(client_id: ClientId, program_id: ProgramId) -> ConsentInput {
    ConsentInput {
        client_id,
        recipient_kind: RecipientKind::Hr,
        recipient_name: "人事部 山本様".into(),
        program_id: Some(program_id),
        parts: vec![
            SharePart::ActionPlan,
            SharePart::Summary,
            SharePart::Summary,
        ],
        flag_ids: Vec::new(),
        purpose: "配置と研修の検討のため".into(),
        granted_on: "2026-11-20".into(),
        obtained_by: ObtainedBy::Written,
        obtained_note: Some("署名済みの同意書を保管".into()),
        expires_on: Some("2027-03-31".into()),
    }
}

pub(crate) async fn flag(vault: &Vault, client_id: ClientId) -> TestResult<FlagId> {
    let input = FlagInput {
        client_id,
        interview_id: None,
        kind: FlagKind::Organisational,
        note: "長時間労働".into(),
        referred_to: None,
        raised_on: "2026-11-01".into(),
        handled_on: None,
    };
    Ok(flag::create(vault, &input).await?.id)
}

#[tokio::test]
async fn a_consent_is_granted_listed_and_revoked_but_kept() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let program_id = fixtures::program(&vault, company_id).await?;
    let client_id = fixtures::client(&vault, company_id).await?;
    let flag_id = flag(&vault, client_id).await?;
    let granted = grant(
        &vault,
        &ConsentInput {
            flag_ids: vec![flag_id],
            ..hr_consent(client_id, program_id)
        },
    )
    .await?;
    assert_eq!(granted.parts, [SharePart::Summary, SharePart::ActionPlan]);
    assert_eq!(granted.flag_ids, [flag_id]);
    assert_eq!(granted.reference(), format!("KZC-{}", granted.id));
    let day = |text: &str| calendar::parse_date(text, Field::GrantedOn);
    assert_eq!(
        granted.state_on(day("2026-11-19")?),
        ConsentState::NotYetValid
    );
    assert_eq!(granted.state_on(day("2026-11-20")?), ConsentState::Active);
    assert_eq!(granted.state_on(day("2027-04-01")?), ConsentState::Expired);

    // A revocation is of a day that has come: a day ahead is refused as a slip.
    let tomorrow = (calendar::today() + chrono::Days::new(1)).to_string();
    let ahead = RevocationInput {
        revoked_on: tomorrow,
        note: None,
    };
    let refused = revoke(&vault, granted.id, &ahead).await.err();
    assert_eq!(
        refused.as_ref().map(|e| e.code()),
        Some(ErrorCode::DateInFuture)
    );
    assert_eq!(refused.and_then(|e| e.field()), Some(Field::RevokedOn));
    let revocation = RevocationInput {
        revoked_on: "2026-11-22".into(),
        note: Some("電話で撤回の申し出".into()),
    };
    let revoked = revoke(&vault, granted.id, &revocation).await?;
    assert_eq!(revoked.state, ConsentState::Revoked);
    assert_eq!(revoked.state_on(day("2026-11-21")?), ConsentState::Active);
    assert_eq!(revoked.state_on(day("2026-11-22")?), ConsentState::Revoked);
    // The first revocation stands.
    let again = revoke(&vault, granted.id, &revocation).await.err();
    assert_eq!(again.map(|e| e.code()), Some(ErrorCode::ConsentRevoked));
    assert_eq!(list(&vault, client_id).await?, [revoked]);

    let log = crate::audit::list(&vault).await?;
    let actions: Vec<_> = log.iter().map(|entry| entry.action).collect();
    assert_eq!(
        actions,
        [
            crate::audit::Action::ConsentRevoked,
            crate::audit::Action::ConsentGranted
        ]
    );
    // The log names the consent and the client by reference only.
    assert_eq!(log[1].subject, format!("KZC-{} KZ-{client_id}", granted.id));
    assert!(log.iter().all(|entry| !entry.detail.contains("山本")));
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn bad_consents_are_refused_and_nothing_is_recorded() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let program_id = fixtures::program(&vault, company_id).await?;
    let client_id = fixtures::client(&vault, company_id).await?;
    let other_company = fixtures::company(&vault, "別会社").await?;
    let other_program = fixtures::program(&vault, other_company).await?;
    let other_client = fixtures::client(&vault, other_company).await?;
    let others_flag = flag(&vault, other_client).await?;
    let base = hr_consent(client_id, program_id);
    let cases: Vec<(ConsentInput, ErrorCode, Option<Field>)> = vec![
        (
            ConsentInput {
                recipient_name: "  ".into(),
                ..base.clone()
            },
            ErrorCode::Required,
            Some(Field::RecipientName),
        ),
        (
            ConsentInput {
                program_id: None,
                ..base.clone()
            },
            ErrorCode::Required,
            Some(Field::Program),
        ),
        (
            ConsentInput {
                parts: Vec::new(),
                ..base.clone()
            },
            ErrorCode::Required,
            Some(Field::Parts),
        ),
        (
            ConsentInput {
                purpose: "\n".into(),
                ..base.clone()
            },
            ErrorCode::Required,
            Some(Field::Purpose),
        ),
        (
            ConsentInput {
                granted_on: "2026-02-30".into(),
                ..base.clone()
            },
            ErrorCode::InvalidDate,
            Some(Field::GrantedOn),
        ),
        (
            ConsentInput {
                expires_on: Some("2026-11-19".into()),
                ..base.clone()
            },
            ErrorCode::PeriodEndsBeforeStart,
            Some(Field::ExpiresOn),
        ),
        (
            ConsentInput {
                program_id: Some(other_program),
                ..base.clone()
            },
            ErrorCode::OtherCompany,
            None,
        ),
        (
            ConsentInput {
                flag_ids: vec![others_flag],
                ..base.clone()
            },
            ErrorCode::MissingParent,
            None,
        ),
    ];
    for (input, code, field) in cases {
        let refused = grant(&vault, &input).await.err();
        assert_eq!(refused.as_ref().map(|e| e.code()), Some(code));
        assert_eq!(refused.and_then(|e| e.field()), field);
        let sheet = sheet(&vault, &input, SheetLanguage::Ja).await.err();
        assert_eq!(sheet.map(|e| e.code()), Some(code));
    }
    assert!(list(&vault, client_id).await?.is_empty());
    assert!(crate::audit::list(&vault).await?.is_empty());
    // A revocation before the consent was given is refused, and the consent stays active.
    let granted = grant(&vault, &base).await?;
    let early = RevocationInput {
        revoked_on: "2026-11-01".into(),
        note: None,
    };
    let refused = revoke(&vault, granted.id, &early).await.err();
    assert_eq!(refused.and_then(|e| e.field()), Some(Field::RevokedOn));
    assert_eq!(get(&vault, granted.id).await?.revoked_on, None);
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn the_sheet_says_exactly_what_would_be_shared_in_either_language() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let program_id = fixtures::program(&vault, company_id).await?;
    let client_id = fixtures::client(&vault, company_id).await?;
    let flag_id = flag(&vault, client_id).await?;
    let input = ConsentInput {
        flag_ids: vec![flag_id],
        ..hr_consent(client_id, program_id)
    };
    let ja = sheet(&vault, &input, SheetLanguage::Ja).await?;
    let section = |sheet: &ConsentSheet, index: usize| sheet.sections[index].lines.join("\n");
    assert_eq!(ja.title, "情報提供についての説明・同意書");
    assert_eq!(section(&ja, 1), "人事担当者：人事部 山本様");
    assert_eq!(section(&ja, 2), "配置と研修の検討のため");
    assert_eq!(
        ja.sections[3].lines,
        [
            "キャリアコンサルタントが提供先向けに書く要約",
            "アクションプラン（何を・どのように・いつまでに、進み具合）",
            "組織としての対応が必要な事項（2026-11-01 に記録）：長時間労働"
        ]
    );
    // What is not covered is named too, and the interview notes never are shared.
    assert!(section(&ja, 4).contains("職場環境について"));
    assert!(section(&ja, 4).contains("面談中のメモ"));
    assert!(!section(&ja, 4).contains("アクションプラン"));
    assert_eq!(
        section(&ja, 6),
        "2026-11-20 から 2027-03-31 まで（撤回した場合はその日まで）"
    );
    assert!(section(&ja, 7).contains("守秘義務"));

    let en = sheet(&vault, &input, SheetLanguage::En).await?;
    assert_eq!(en.sections.len(), ja.sections.len());
    assert_eq!(section(&en, 1), "HR contact：人事部 山本様");
    assert!(section(&en, 7).contains("duty of confidentiality"));
    // Printing a sheet records nothing.
    assert!(list(&vault, client_id).await?.is_empty());
    vault.lock().await;
    Ok(())
}
