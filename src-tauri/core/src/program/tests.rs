//! Programs against a real vault.

use super::*;
use crate::test_support::fixtures::{self, program_input, TestResult};
use crate::test_support::new_vault;
use crate::ErrorCode;

fn contact(recipients: &[&str]) -> ContactInput {
    ContactInput {
        name: "佐藤 人事".to_owned(),
        role: Some("人事部 課長".to_owned()),
        recipients: recipients.iter().map(|r| (*r).to_owned()).collect(),
    }
}

#[tokio::test]
async fn a_program_round_trips_with_contacts_and_its_own_template() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let recipient = age::x25519::Identity::generate().to_public().to_string();
    let input = ProgramInput {
        contacts: vec![contact(&[&recipient, ""])],
        ..program_input(company_id, "2026年度 セルフ・キャリアドック")
    };
    let created = create(&vault, &input).await?;
    assert_eq!(created.anonymity_k, DEFAULT_ANONYMITY_K);
    assert_eq!(created.contacts.len(), 1);
    assert_eq!(created.contacts[0].recipients, [recipient]);
    assert_eq!(get(&vault, created.id).await?, created);
    let template = crate::sheet::template(&vault, Some(created.id)).await?;
    let keys: Vec<_> = template.iter().filter_map(|s| s.key.clone()).collect();
    assert_eq!(keys, crate::sheet::DEFAULT_SECTION_KEYS);

    let edited = update(
        &vault,
        created.id,
        &ProgramInput {
            anonymity_k: Some(10),
            contacts: vec![],
            ..input
        },
    )
    .await?;
    assert_eq!((edited.anonymity_k, edited.contacts.len()), (10, 0));
    let listed = list(&vault, Some(company_id)).await?;
    assert_eq!(listed.len(), 1);
    assert!(list(&vault, Some(CompanyId(99))).await?.is_empty());
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn bad_programs_are_refused_and_nothing_is_half_saved() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let valid = || program_input(company_id, "2026年度");
    let cases = [
        (
            ProgramInput {
                name: " ".into(),
                ..valid()
            },
            ErrorCode::Required,
        ),
        (
            ProgramInput {
                starts_on: "2026-13-01".into(),
                ..valid()
            },
            ErrorCode::InvalidDate,
        ),
        (
            ProgramInput {
                ends_on: "2026-03-31".into(),
                ..valid()
            },
            ErrorCode::PeriodEndsBeforeStart,
        ),
        (
            ProgramInput {
                anonymity_k: Some(1),
                ..valid()
            },
            ErrorCode::OutOfRange,
        ),
        (
            ProgramInput {
                contacts: vec![contact(&["age1typo"])],
                ..valid()
            },
            ErrorCode::InvalidRecipient,
        ),
        (
            ProgramInput {
                contacts: vec![ContactInput {
                    name: "".into(),
                    ..contact(&[])
                }],
                ..valid()
            },
            ErrorCode::Required,
        ),
        (
            ProgramInput {
                company_id: CompanyId(77),
                ..valid()
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
    assert!(list(&vault, None).await?.is_empty());
    create(&vault, &valid()).await?;
    let twice = create(&vault, &valid()).await;
    assert_eq!(twice.err().map(|e| e.code()), Some(ErrorCode::Duplicate));
    vault.lock().await;
    Ok(())
}
