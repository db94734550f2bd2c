//! Sessions against a real vault.

use super::*;
use crate::client::NewClient;
use crate::test_support::new_vault;

async fn some_client(vault: &Vault) -> ClientId {
    let new_client = NewClient {
        name: "高橋 美咲".to_owned(),
        name_kana: "たかはし みさき".to_owned(),
        company: None,
        department: None,
    };
    match client::create(vault, &new_client).await {
        Ok(client) => client.id,
        Err(error) => panic!("creating a client failed: {error}"),
    }
}

fn new_session(client_id: ClientId, held_on: &str, notes: &str) -> NewSession {
    NewSession {
        client_id,
        held_on: held_on.to_owned(),
        notes: notes.to_owned(),
    }
}

#[tokio::test]
async fn a_session_round_trips_and_its_notes_save() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let client_id = some_client(&vault).await;
    let created = create(&vault, &new_session(client_id, "2026-11-21", "")).await?;
    assert_eq!(
        created.held_on,
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default()
    );
    assert_eq!(get(&vault, created.id).await?, created);

    let debug = format!("{created:?}");
    assert!(
        debug.contains(&created.id.to_string()) && !debug.contains("notes"),
        "{debug}"
    );

    let notes = "3年後に目指す自分：チームリーダー\n強み：傾聴力";
    let saved = save_notes(&vault, created.id, notes).await?;
    assert_eq!(saved.notes, notes);
    assert!(saved.updated_at >= created.updated_at);
    assert_eq!(get(&vault, created.id).await?.notes, notes);
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn the_list_is_newest_first_with_a_preview() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let client_id = some_client(&vault).await;
    create(
        &vault,
        &new_session(client_id, "2026-04-10", "初回面談\n詳細"),
    )
    .await?;
    create(
        &vault,
        &new_session(client_id, "2026-10-02", "フォローアップ"),
    )
    .await?;
    let sessions = list(&vault, client_id).await?;
    let rows: Vec<(String, &str)> = sessions
        .iter()
        .map(|s| (s.held_on.to_string(), s.notes_preview.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            ("2026-10-02".to_owned(), "フォローアップ"),
            ("2026-04-10".to_owned(), "初回面談")
        ]
    );
    let listed = client::list(&vault).await?;
    assert_eq!(
        listed[0].last_session_on,
        NaiveDate::from_ymd_opt(2026, 10, 2)
    );
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn bad_input_gets_a_typed_error_and_stores_nothing() -> Result<(), Box<dyn std::error::Error>>
{
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let client_id = some_client(&vault).await;
    let too_long = "あ".repeat(MAX_NOTES_CHARS + 1);
    let cases = [
        (
            new_session(client_id, "2026-13-01", ""),
            ErrorCode::InvalidDate,
        ),
        (new_session(client_id, "昨日", ""), ErrorCode::InvalidDate),
        (
            new_session(client_id + 1000, "2026-11-21", ""),
            ErrorCode::ClientNotFound,
        ),
        (
            new_session(client_id, "2026-11-21", &too_long),
            ErrorCode::TextTooLong,
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(
            create(&vault, &input).await.err().map(|e| e.code()),
            Some(expected)
        );
    }
    assert!(list(&vault, client_id).await?.is_empty());
    assert_eq!(
        list(&vault, 9999).await.err().map(|e| e.code()),
        Some(ErrorCode::ClientNotFound)
    );

    let session = create(&vault, &new_session(client_id, "2026-11-21", "元のメモ")).await?;
    assert_eq!(
        save_notes(&vault, session.id, &too_long)
            .await
            .err()
            .map(|e| e.code()),
        Some(ErrorCode::TextTooLong)
    );
    assert_eq!(
        get(&vault, session.id).await?.notes,
        "元のメモ",
        "a refused save loses nothing"
    );
    assert_eq!(
        save_notes(&vault, 777, "x").await.err().map(|e| e.code()),
        Some(ErrorCode::SessionNotFound)
    );
    vault.lock().await;
    Ok(())
}
