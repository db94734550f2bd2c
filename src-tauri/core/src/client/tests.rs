//! Clients against a real vault.

use super::*;
use crate::record::Entity;
use crate::test_support::fixtures::{self, client_input, TestResult};
use crate::test_support::new_vault;
use crate::ErrorCode;

#[tokio::test]
async fn a_client_round_trips_with_every_field() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let program_id = fixtures::program(&vault, company_id).await?;
    let input = ClientInput {
        name: "  山田 太郎 ".to_owned(),
        name_kana: "ﾔﾏﾀﾞ　ﾀﾛｳ".to_owned(),
        employee_number: Some(" A-1024 ".to_owned()),
        department: Some("営業部".to_owned()),
        role: Some("   ".to_owned()),
        age_band: Some(AgeBand::Thirties),
        years_at_company: Some(8),
        job_content: Some("法人営業".to_owned()),
        desired_career: Some("マネジメント".to_owned()),
        tags: vec![
            "異動希望".to_owned(),
            " ".to_owned(),
            "異動希望".to_owned(),
            "育休明け".to_owned(),
        ],
        program_ids: vec![program_id],
        ..client_input(company_id, "", "")
    };
    let created = create(&vault, &input).await?;
    assert_eq!(created.name, "山田 太郎");
    assert_eq!(created.name_kana, "ヤマダ タロウ");
    assert_eq!(created.employee_number.as_deref(), Some("A-1024"));
    assert_eq!(created.role, None);
    assert_eq!(created.tags, ["異動希望", "育休明け"]);
    assert_eq!(created.program_ids, [program_id]);
    assert_eq!(get(&vault, created.id).await?, created);
    let debug = format!("{created:?}");
    assert!(
        !debug.contains("山田") && !debug.contains("ヤマダ"),
        "{debug}"
    );

    let closed = update(
        &vault,
        created.id,
        &ClientInput {
            status: ClientStatus::Closed,
            tags: vec![],
            program_ids: vec![],
            ..input
        },
    )
    .await?;
    assert_eq!(closed.status, ClientStatus::Closed);
    assert!(closed.tags.is_empty() && closed.program_ids.is_empty());
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn the_list_sorts_by_reading_and_filters() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let sample = fixtures::company(&vault, "株式会社サンプル").await?;
    let other = fixtures::company(&vault, "有限会社ほか").await?;
    let program_id = fixtures::program(&vault, sample).await?;
    for (company_id, name, kana, department, tag, enrolled) in [
        (
            sample,
            "渡辺 一郎",
            "わたなべ いちろう",
            "営業部",
            "管理職",
            true,
        ),
        (sample, "阿部 真理", "アベ マリ", "開発部", "若手", false),
        (other, "伊藤 健", "いとう けん", "営業部", "若手", false),
    ] {
        let input = ClientInput {
            department: Some(department.to_owned()),
            tags: vec![tag.to_owned()],
            program_ids: if enrolled { vec![program_id] } else { vec![] },
            ..client_input(company_id, name, kana)
        };
        create(&vault, &input).await?;
    }
    let names = |clients: Vec<ClientSummary>| -> Vec<String> {
        clients.into_iter().map(|c| c.name).collect()
    };
    let all = list(&vault, &ClientFilter::default()).await?;
    assert_eq!(names(all.clone()), ["阿部 真理", "伊藤 健", "渡辺 一郎"]);
    assert_eq!(all[1].company_name.as_deref(), Some("有限会社ほか"));

    let by = |filter: ClientFilter| {
        let vault = &vault;
        async move { list(vault, &filter).await.map(names) }
    };
    assert_eq!(
        by(ClientFilter {
            company_id: Some(sample),
            ..Default::default()
        })
        .await?,
        ["阿部 真理", "渡辺 一郎"]
    );
    assert_eq!(
        by(ClientFilter {
            program_id: Some(program_id),
            ..Default::default()
        })
        .await?,
        ["渡辺 一郎"]
    );
    assert_eq!(
        by(ClientFilter {
            department: Some("営業部".into()),
            ..Default::default()
        })
        .await?,
        ["伊藤 健", "渡辺 一郎"]
    );
    assert_eq!(
        by(ClientFilter {
            tag: Some("若手".into()),
            ..Default::default()
        })
        .await?,
        ["阿部 真理", "伊藤 健"]
    );
    assert!(by(ClientFilter {
        status: Some(ClientStatus::Closed),
        ..Default::default()
    })
    .await?
    .is_empty());
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn bad_input_gets_a_typed_error_and_stores_nothing() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let other = fixtures::company(&vault, "有限会社ほか").await?;
    let others_program = fixtures::program(&vault, other).await?;
    let too_long = "長".repeat(201);
    let valid = || client_input(company_id, "山田", "やまだ");
    let cases = [
        (
            client_input(company_id, " \u{3000}", "やまだ"),
            ErrorCode::Required,
            Some(Field::Name),
        ),
        (
            client_input(company_id, "山田", "  "),
            ErrorCode::Required,
            Some(Field::NameKana),
        ),
        (
            client_input(company_id, "山田", "山田"),
            ErrorCode::InvalidKana,
            Some(Field::NameKana),
        ),
        (
            client_input(company_id, "山田", "yamada"),
            ErrorCode::InvalidKana,
            Some(Field::NameKana),
        ),
        (
            client_input(company_id, &too_long, "やまだ"),
            ErrorCode::TextTooLong,
            Some(Field::Name),
        ),
        (
            ClientInput {
                company_id: None,
                ..valid()
            },
            ErrorCode::Required,
            Some(Field::Company),
        ),
        (
            ClientInput {
                company_id: Some(CompanyId(999)),
                ..valid()
            },
            ErrorCode::NotFound,
            None,
        ),
        (
            ClientInput {
                years_at_company: Some(71),
                ..valid()
            },
            ErrorCode::OutOfRange,
            Some(Field::YearsAtCompany),
        ),
        (
            ClientInput {
                program_ids: vec![others_program],
                ..valid()
            },
            ErrorCode::OtherCompany,
            None,
        ),
        (
            ClientInput {
                tags: vec!["異動\u{1f}希望".to_owned()],
                ..valid()
            },
            ErrorCode::ControlCharacter,
            Some(Field::Tags),
        ),
        (
            client_input(company_id, "山田\n太郎", "やまだ"),
            ErrorCode::ControlCharacter,
            Some(Field::Name),
        ),
    ];
    for (input, code, field) in cases {
        let error = create(&vault, &input).await.err();
        assert_eq!(error.as_ref().map(Error::code), Some(code));
        assert_eq!(error.and_then(|e| e.field()), field);
    }
    assert!(list(&vault, &ClientFilter::default()).await?.is_empty());
    assert!(matches!(
        get(&vault, ClientId(4242)).await,
        Err(Error::NotFound(Entity::Client, 4242))
    ));
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn an_employee_number_is_unique_within_its_company_only() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let sample = fixtures::company(&vault, "株式会社サンプル").await?;
    let other = fixtures::company(&vault, "有限会社ほか").await?;
    let numbered = |company_id, name: &str| ClientInput {
        employee_number: Some("0042".to_owned()),
        ..client_input(company_id, name, "やまだ")
    };
    let first = create(&vault, &numbered(sample, "山田 一")).await?;
    let duplicate = create(&vault, &numbered(sample, "山田 二")).await;
    assert_eq!(
        duplicate.err().map(|e| e.code()),
        Some(ErrorCode::DuplicateEmployeeNumber)
    );
    let full_width = ClientInput {
        employee_number: Some("００４２".to_owned()),
        ..client_input(sample, "山田 五", "やまだ")
    };
    let duplicate = create(&vault, &full_width).await;
    assert_eq!(
        duplicate.err().map(|e| e.code()),
        Some(ErrorCode::DuplicateEmployeeNumber)
    );
    create(&vault, &numbered(other, "山田 三")).await?;
    // An edit that collides is refused and leaves the stored client as it was.
    let second = create(&vault, &client_input(sample, "山田 四", "やまだ")).await?;
    let edit = update(&vault, second.id, &numbered(sample, "山田 四")).await;
    assert_eq!(
        edit.err().map(|e| e.code()),
        Some(ErrorCode::DuplicateEmployeeNumber)
    );
    assert_eq!(get(&vault, second.id).await?, second);
    assert_eq!(
        get(&vault, first.id).await?.employee_number.as_deref(),
        Some("0042")
    );
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn a_client_with_program_records_stays_with_their_company() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let sample = fixtures::company(&vault, "株式会社サンプル").await?;
    let other = fixtures::company(&vault, "有限会社ほか").await?;
    let program_id = fixtures::program(&vault, sample).await?;
    let input = client_input(sample, "山田", "やまだ");
    let moves_freely = create(&vault, &input).await?;
    fixtures::interview(&vault, moves_freely.id, None).await?;
    let moved = update(
        &vault,
        moves_freely.id,
        &ClientInput {
            company_id: Some(other),
            ..input.clone()
        },
    )
    .await?;
    assert_eq!(moved.company_id, Some(other));

    let interviewed = create(&vault, &client_input(sample, "佐藤", "さとう")).await?;
    fixtures::interview(&vault, interviewed.id, Some(program_id)).await?;
    let error = update(
        &vault,
        interviewed.id,
        &ClientInput {
            company_id: Some(other),
            ..client_input(sample, "佐藤", "さとう")
        },
    )
    .await
    .err();
    assert_eq!(
        error.as_ref().map(Error::code),
        Some(ErrorCode::ClientHasProgramRecords)
    );
    assert_eq!(error.and_then(|e| e.field()), Some(Field::Company));
    assert_eq!(get(&vault, interviewed.id).await?, interviewed);
    vault.lock().await;
    Ok(())
}
