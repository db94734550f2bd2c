//! Clients against a real vault.

use super::*;
use crate::test_support::new_vault;

fn new_client(name: &str, kana: &str) -> NewClient {
    NewClient {
        name: name.to_owned(),
        name_kana: kana.to_owned(),
        company: None,
        department: None,
    }
}

#[tokio::test]
async fn a_client_round_trips_with_trimmed_fields_and_normalised_reading(
) -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let created = create(
        &vault,
        &NewClient {
            name: "  山田 太郎 ".to_owned(),
            name_kana: "ﾔﾏﾀﾞ　ﾀﾛｳ".to_owned(),
            company: Some(" 株式会社サンプル ".to_owned()),
            department: Some("   ".to_owned()),
        },
    )
    .await?;
    assert_eq!(created.name, "山田 太郎");
    assert_eq!(created.name_kana, "ヤマダ タロウ");
    assert_eq!(created.company.as_deref(), Some("株式会社サンプル"));
    assert_eq!(created.department, None);
    assert_eq!(get(&vault, created.id).await?, created);
    let debug = format!("{created:?}");
    assert!(
        !debug.contains("山田") && !debug.contains("ヤマダ"),
        "Debug shows client content: {debug}"
    );
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn the_list_is_sorted_by_reading_whatever_the_script(
) -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    for (name, kana) in [
        ("渡辺 一郎", "わたなべ いちろう"),
        ("阿部 真理", "アベ マリ"),
        ("伊藤 健", "いとう けん"),
    ] {
        create(&vault, &new_client(name, kana)).await?;
    }
    let names: Vec<String> = list(&vault).await?.into_iter().map(|c| c.name).collect();
    assert_eq!(names, ["阿部 真理", "伊藤 健", "渡辺 一郎"]);
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn bad_input_gets_a_typed_error_and_stores_nothing() -> Result<(), Box<dyn std::error::Error>>
{
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let too_long = "長".repeat(MAX_FIELD_CHARS + 1);
    let cases = [
        (new_client(" \u{3000}", "やまだ"), ErrorCode::EmptyName),
        (new_client("山田", "  "), ErrorCode::EmptyKana),
        (new_client("山田", "山田"), ErrorCode::InvalidKana),
        (new_client("山田", "yamada"), ErrorCode::InvalidKana),
        (new_client(&too_long, "やまだ"), ErrorCode::TextTooLong),
    ];
    for (input, expected) in cases {
        let outcome = create(&vault, &input).await;
        assert_eq!(outcome.err().map(|e| e.code()), Some(expected));
    }
    assert!(list(&vault).await?.is_empty());
    assert!(matches!(
        get(&vault, 4242).await,
        Err(Error::NotFound(4242))
    ));
    vault.lock().await;
    Ok(())
}
