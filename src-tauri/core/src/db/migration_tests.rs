//! Migrations that change what rows mean, run over rows written before them.

use std::borrow::Cow;

use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::{Executor, SqlitePool};

use super::{CONNECTION_PRAGMAS, MIGRATOR};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// A plain database migrated up to, but not including, `version`.
async fn database_before(path: &std::path::Path, version: i64) -> sqlx::Result<SqlitePool> {
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .after_connect(|connection, _| {
            Box::pin(async move { connection.execute(CONNECTION_PRAGMAS).await.map(|_| ()) })
        })
        .connect_with(
            SqliteConnectOptions::new()
                .filename(path)
                .create_if_missing(true),
        )
        .await?;
    let earlier = Migrator {
        migrations: Cow::Owned(
            MIGRATOR
                .iter()
                .filter(|migration| migration.version < version)
                .cloned()
                .collect(),
        ),
        ..Migrator::DEFAULT
    };
    earlier.run(&pool).await?;
    Ok(pool)
}

#[tokio::test]
async fn the_latest_amendment_of_a_text_comes_to_follow_the_text() -> TestResult {
    let dir = tempfile::tempdir()?;
    let pool = database_before(&dir.path().join("vault.sqlite"), 20261126000000).await?;
    pool.execute(
        "INSERT INTO clients (id, name, name_kana, kana_sort_key, created_at, updated_at)
             VALUES (1, '山田', 'やまだ', 'やまだ', '2026-01-01', '2026-01-01');
         INSERT INTO interviews (id, client_id, kind, held_at, notes, created_at, updated_at)
             VALUES (1, 1, 'initial', '2026-01-05T10:00', '三', '2026-01-01', '2026-01-05');
         INSERT INTO sheet_sections (id, interview_id, title, position, text, updated_at)
             VALUES (1, 1, '強み', 0, '傾聴力', '2026-01-05');
         INSERT INTO amendments (id, interview_id, sheet_section_id, before, after, started_at,
                                 changed_at)
             VALUES (1, 1, NULL, '一', '二', '2026-01-05', '2026-01-05'),
                    (2, 1, NULL, '二', '三', '2026-01-06', '2026-01-06'),
                    (3, 1, 1, '', '傾聴', '2026-01-06', '2026-01-06');",
    )
    .await?;
    MIGRATOR.run(&pool).await?;
    let afters: Vec<(i64, Option<String>)> =
        sqlx::query_as("SELECT id, after FROM amendments ORDER BY id")
            .fetch_all(&pool)
            .await?;
    // The notes' latest amendment ended with the notes as they stand, so it now follows them;
    // the section's did not (the text changed without a trace), so it keeps what it recorded.
    assert_eq!(
        afters,
        [
            (1, Some("二".to_owned())),
            (2, None),
            (3, Some("傾聴".to_owned()))
        ]
    );
    Ok(())
}
