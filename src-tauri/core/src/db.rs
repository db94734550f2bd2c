//! Opening the SQLCipher database behind a vault.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection, SqlitePool, SqlitePoolOptions};
use sqlx::{ConnectOptions, Connection, Executor};

use crate::vault::key::DatabaseKey;
use crate::vault::{Error, Result};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Connections a vault keeps: one. In WAL mode a write on one connection makes every other
/// connection drop its whole page cache at its next transaction, and for SQLCipher every page
/// read again is decrypted again: with four connections, saving a note cost 1.5× plain SQLite
/// and the first search after it 2× (BENCHMARKS.md). One person's app asks one thing at a time
/// in milliseconds; the longest hold, a backup's copy of the files, takes about a second.
const MAX_CONNECTIONS: u32 = 1;

/// Applied after the key, on every connection. `synchronous = FULL` syncs the write-ahead log at
/// every commit, so a save the UI reports as saved survives a power cut; with NORMAL, the last
/// commits before a cut could be lost (the database stays whole either way). Its cost, one
/// fsync per save, is measured in BENCHMARKS.md. Temp data stays in memory because SQLite's
/// temporary files are not encrypted; secure_delete zeroes freed pages so an erased client does
/// not linger in free space. Every page read from an encrypted database is decrypted, so the
/// one connection may keep up to 256 MB of decrypted pages (SQLite's default is 2 MB): a
/// decade of practice, about 240 MB, is then decrypted once rather than on every query; at
/// 64 MB the dashboard of a decade took 141 ms instead of 12 (see BENCHMARKS.md). The cache
/// grows only as pages are read, and is freed when the vault locks.
const CONNECTION_PRAGMAS: &str = "PRAGMA journal_mode = WAL; \
     PRAGMA synchronous = FULL; \
     PRAGMA temp_store = MEMORY; \
     PRAGMA secure_delete = ON; \
     PRAGMA cache_size = -262144; \
     PRAGMA foreign_keys = ON;";

/// Whether the database file may be created (setup) or must exist (unlock).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OpenMode {
    Create,
    Existing,
}

/// Opens the pool, proves the key fits and SQLCipher is really linked, and migrates.
///
/// The key is applied in `after_connect` from a shared, zeroizing handle rather than through
/// `SqliteConnectOptions::pragma`: the options derive `Debug`, and would keep a copy of the key in
/// an ordinary `String` for the pool's lifetime.
pub(crate) async fn open(path: &Path, key: Arc<DatabaseKey>, mode: OpenMode) -> Result<SqlitePool> {
    // SQLite takes an empty file for a new database: unlocking one would quietly start a blank
    // vault where the consultant's records should be.
    if mode == OpenMode::Existing && std::fs::metadata(path)?.len() == 0 {
        return Err(Error::Damaged("database file is empty"));
    }
    if mode == OpenMode::Existing {
        // SQLite would say only "unable to open database file" for a vault on a read-only
        // disk or in a folder the user cannot write; opening it for writing (which changes
        // nothing) says which.
        std::fs::OpenOptions::new().write(true).open(path)?;
    }
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(mode == OpenMode::Create)
        .busy_timeout(Duration::from_secs(5))
        // sqlx logs every statement at debug level; none of ours may reach a log.
        .disable_statement_logging();

    // Probe with one connection first: a pool retries a connection that fails until its timeout,
    // which would turn a database that does not open with its key into a 30-second hang.
    let mut probe = options.connect().await.map_err(classify_open_error)?;
    prepare_connection(&mut probe, Arc::clone(&key))
        .await
        .map_err(classify_open_error)?;
    let cipher_version: Option<String> = sqlx::query_scalar("PRAGMA cipher_version")
        .fetch_optional(&mut probe)
        .await?;
    let has_schema: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = '_sqlx_migrations')",
    )
    .fetch_one(&mut probe)
    .await?;
    probe.close().await?;
    if cipher_version.is_none() {
        return Err(Error::CipherUnavailable);
    }
    if mode == OpenMode::Existing && !has_schema {
        return Err(Error::Damaged("database has no Kizuki schema"));
    }

    let pool = SqlitePoolOptions::new()
        .max_connections(MAX_CONNECTIONS)
        // Connections live until the vault is locked: every new connection makes fresh copies
        // of the key inside sqlx and SQLite, so none are recycled while unlocked.
        .idle_timeout(None)
        .max_lifetime(None)
        .after_connect(move |connection, _metadata| {
            Box::pin(prepare_connection(connection, Arc::clone(&key)))
        })
        .connect_with(options)
        .await?;
    MIGRATOR.run(&pool).await?;
    Ok(pool)
}

/// The same database without SQLCipher's encryption (no key), for benchmarks that compare
/// the encrypted vault with plain SQLite on the same workload. Never used by the product.
#[cfg(feature = "bench")]
pub(crate) async fn open_plain(path: &Path) -> Result<SqlitePool> {
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .busy_timeout(Duration::from_secs(5))
        .disable_statement_logging();
    let pool = SqlitePoolOptions::new()
        .max_connections(MAX_CONNECTIONS)
        .idle_timeout(None)
        .max_lifetime(None)
        .after_connect(|connection, _metadata| {
            Box::pin(async move {
                connection
                    .execute(sqlx::raw_sql(CONNECTION_PRAGMAS))
                    .await?;
                apply_bench_overrides(connection).await
            })
        })
        .connect_with(options)
        .await?;
    MIGRATOR.run(&pool).await?;
    Ok(pool)
}

/// Folds a write-ahead log left behind into the database and removes it. SQLite removes the
/// log when the last connection closes, but when a pool closes its connections at the same
/// moment each may see the others still open, and none does. One connection, opened and
/// closed alone, is the last for certain.
pub(crate) async fn fold_log(path: &Path, key: Arc<DatabaseKey>) -> Result<(), sqlx::Error> {
    let mut connection = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(false)
        .disable_statement_logging()
        .connect()
        .await?;
    prepare_connection(&mut connection, key).await?;
    connection.close().await
}

/// SQLCipher zeroes every allocation it frees from then on: the key's copies and the decrypted
/// pages do not linger in freed memory. (It would also lock each in memory, but Kizuki builds
/// it with `OMIT_MEMLOCK`, see `.cargo/config.toml`.) Once on, it stays on for the life of the
/// process; its cost is measured in BENCHMARKS.md.
const MEMORY_SECURITY: &str = "PRAGMA cipher_memory_security = ON;";

/// Always, in the product. The decade benchmark can leave it off
/// (`KIZUKI_BENCH_MEMORY_SECURITY=off`) to measure what it costs: it is process-wide once on,
/// so the same run cannot time both.
fn memory_security_wanted() -> bool {
    #[cfg(feature = "bench")]
    if std::env::var_os("KIZUKI_BENCH_MEMORY_SECURITY").is_some_and(|value| value == "off") {
        return false;
    }
    true
}

/// Keys a new connection, then sets its pragmas: the key must be the first statement that
/// touches the database. sqlx copies a statement's text into a buffer of its own and frees it
/// without zeroing: with memory security on, SQLite's copies are wiped, and core dumps are off
/// ([`crate::process_guard`]), but that one copy is beyond Kizuki's reach without unsafe code.
async fn prepare_connection(
    connection: &mut SqliteConnection,
    key: Arc<DatabaseKey>,
) -> Result<(), sqlx::Error> {
    if memory_security_wanted() {
        connection.execute(sqlx::raw_sql(MEMORY_SECURITY)).await?;
    }
    let statement = key.sqlcipher_key_statement();
    connection
        .execute(sqlx::raw_sql(statement.as_str()))
        .await?;
    connection
        .execute(sqlx::raw_sql(CONNECTION_PRAGMAS))
        .await?;
    #[cfg(feature = "bench")]
    apply_bench_overrides(connection).await?;
    Ok(())
}

/// `KIZUKI_BENCH_SYNCHRONOUS=normal`: the decade benchmark's way to time what FULL costs, on
/// both vaults alike. Only the `bench` feature has it.
#[cfg(feature = "bench")]
async fn apply_bench_overrides(connection: &mut SqliteConnection) -> Result<(), sqlx::Error> {
    if std::env::var_os("KIZUKI_BENCH_SYNCHRONOUS").is_some_and(|value| value == "normal") {
        connection
            .execute(sqlx::raw_sql("PRAGMA synchronous = NORMAL;"))
            .await?;
    }
    Ok(())
}

/// Rows read as one: a statement returning SQLite's `json_group_array` of its rows crosses the
/// driver once, where each of thousands of rows would pay sqlx's per-row cost (a few
/// microseconds: 2,000 clients cost more than the query itself). For lists read whole, like
/// every client's name; see BENCHMARKS.md.
pub(crate) fn rows_from_json<T: serde::de::DeserializeOwned>(json: &str) -> sqlx::Result<Vec<T>> {
    serde_json::from_str(json).map_err(|error| sqlx::Error::Decode(Box::new(error)))
}

/// Ids (numbers) as a JSON array, for `json_each`: how a list of records reaches one
/// statement. Numbers cannot fail to be written as JSON.
pub(crate) fn json_ids<T: serde::Serialize>(ids: &[T]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".to_owned())
}

/// A statement with its arguments still to bind.
pub(crate) type Statement<'q> =
    sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments<'q>>;

/// `INSERT INTO table (columns…, created_at, updated_at) VALUES (?, …)` for a record whose
/// writable `columns` are bound by the same function as its update, so the two statements can
/// never disagree on the order.
pub(crate) fn insert_sql(table: &str, columns: &[&str]) -> String {
    let placeholders = vec!["?"; columns.len() + 2].join(", ");
    format!(
        "INSERT INTO {table} ({}, created_at, updated_at) VALUES ({placeholders})",
        columns.join(", ")
    )
}

/// `UPDATE table SET (columns…, updated_at) = (?, …) WHERE id = ?`, the counterpart of
/// [`insert_sql`].
pub(crate) fn update_sql(table: &str, columns: &[&str]) -> String {
    let placeholders = vec!["?"; columns.len() + 1].join(", ");
    format!(
        "UPDATE {table} SET ({}, updated_at) = ({placeholders}) WHERE id = ?",
        columns.join(", ")
    )
}

/// What a database failure means for the user: corruption (a page that fails SQLCipher's HMAC,
/// a malformed file) is damage to the vault; anything else is a storage fault.
pub(crate) fn error_code(error: &sqlx::Error) -> crate::ErrorCode {
    const SQLITE_READONLY: u32 = 8;
    const SQLITE_CORRUPT: u32 = 11;
    const SQLITE_FULL: u32 = 13;
    const SQLITE_NOTADB: u32 = 26;
    // sqlx reports the extended result code; its low byte is the primary one.
    let primary = match error {
        sqlx::Error::Database(db) => db
            .code()
            .and_then(|code| code.parse::<u32>().ok())
            .map(|code| code & 0xff),
        _ => None,
    };
    match primary {
        Some(SQLITE_CORRUPT | SQLITE_NOTADB) => crate::ErrorCode::VaultDamaged,
        Some(SQLITE_FULL) => crate::ErrorCode::DiskFull,
        Some(SQLITE_READONLY) => crate::ErrorCode::ReadOnly,
        _ => crate::ErrorCode::Storage,
    }
}

/// SQLCipher reports a key that does not fit as "file is not a database" on the first read.
/// The key came out of an authenticated age file, so a mismatch means the database is damaged
/// or belongs to another vault.
fn classify_open_error(error: sqlx::Error) -> Error {
    match error_code(&error) {
        crate::ErrorCode::VaultDamaged => Error::Damaged("database does not open with its key"),
        _ => Error::Database(error),
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use sqlx::migrate::Migrator;
    use sqlx::{Connection, Executor, SqliteConnection};

    use super::MIGRATOR;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    /// A vault written before programs existed opens with its sessions as interviews, each with
    /// the default sheet, and its companies as records. The migration's SQL does not depend on
    /// the cipher, so an in-memory database stands in for the file here; the vault tests run
    /// every migration on real SQLCipher files.
    #[tokio::test]
    async fn sessions_become_interviews_with_sheets_and_companies_become_records() -> TestResult {
        let mut conn = SqliteConnection::connect("sqlite::memory:").await?;
        conn.execute("PRAGMA foreign_keys = ON").await?;
        // The migrator's fields are semver-exempt; a test of the upgrade path is worth that.
        let skeleton = Migrator {
            migrations: Cow::Owned(MIGRATOR.migrations[..1].to_vec()),
            ..Migrator::DEFAULT
        };
        skeleton.run(&mut conn).await?;
        conn.execute(
            "INSERT INTO clients (id, name, name_kana, kana_sort_key, company, department,
                                  created_at, updated_at)
             VALUES (1, '山田', 'やまだ', 'やまだ', '株式会社サンプル', '営業部', 't', 't'),
                    (2, '佐藤', 'さとう', 'さとう', '株式会社サンプル', NULL, 't', 't'),
                    (3, '伊藤', 'いとう', 'いとう', NULL, NULL, 't', 't');
             INSERT INTO sessions (id, client_id, held_on, notes, created_at, updated_at)
             VALUES (7, 1, '2026-11-21', '初回のメモ', 't', 't');",
        )
        .await?;

        MIGRATOR.run(&mut conn).await?;

        let companies: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM companies")
            .fetch_all(&mut conn)
            .await?;
        assert_eq!(companies.len(), 1);
        let affiliations: Vec<(i64, Option<i64>)> =
            sqlx::query_as("SELECT id, company_id FROM clients ORDER BY id")
                .fetch_all(&mut conn)
                .await?;
        let company = Some(companies[0].0);
        assert_eq!(affiliations, [(1, company), (2, company), (3, None)]);
        let interview: (i64, String, Option<String>, String) =
            sqlx::query_as("SELECT client_id, kind, held_at, notes FROM interviews WHERE id = 7")
                .fetch_one(&mut conn)
                .await?;
        assert_eq!(
            interview,
            (
                1,
                "initial".into(),
                Some("2026-11-21".into()),
                "初回のメモ".into()
            )
        );
        let sections: i64 =
            sqlx::query_scalar("SELECT count(*) FROM sheet_sections WHERE interview_id = 7")
                .fetch_one(&mut conn)
                .await?;
        assert_eq!(sections, 7);
        // What was written before search existed is indexed by the migration.
        let indexed: Vec<i64> = sqlx::query_scalar(
            "SELECT client_id FROM search_text WHERE search_text MATCH '\"初回のメモ\"'",
        )
        .fetch_all(&mut conn)
        .await?;
        assert_eq!(indexed, [1]);
        let violations: Vec<(String,)> = sqlx::query_as("PRAGMA foreign_key_check")
            .fetch_all(&mut conn)
            .await?;
        assert!(violations.is_empty());
        Ok(())
    }

    /// Texts indexed before short words were found through the index gain the two closing
    /// line breaks, so a short word at their very end is found as well as one inside.
    #[tokio::test]
    async fn texts_indexed_earlier_find_short_words_after_the_upgrade() -> TestResult {
        let mut conn = SqliteConnection::connect("sqlite::memory:").await?;
        let before = Migrator {
            migrations: Cow::Owned(MIGRATOR.migrations[..5].to_vec()),
            ..Migrator::DEFAULT
        };
        before.run(&mut conn).await?;
        conn.execute(
            "INSERT INTO clients (id, name, name_kana, kana_sort_key, created_at, updated_at)
             VALUES (1, '山田', 'やまだ', 'やまだ', 't', 't');
             INSERT INTO interviews (id, client_id, kind, held_at, notes, created_at, updated_at)
             VALUES (7, 1, 'initial', '2026-11-21', '悩みは上司', 't', 't');",
        )
        .await?;
        MIGRATOR.run(&mut conn).await?;
        // The trigrams the word begins: at the very end of the text, only the closing line
        // breaks make one.
        let terms: Vec<String> = sqlx::query_scalar(
            "SELECT term FROM search_terms WHERE term >= '上司' AND term <= '上司\u{10ffff}'",
        )
        .fetch_all(&mut conn)
        .await?;
        assert_eq!(terms, ["上司\n"]);
        let found: Vec<(i64, String)> = sqlx::query_as(
            "SELECT d.rowid & 1099511627775, d.at FROM search_dates d
             WHERE d.rowid IN (SELECT rowid FROM search_text WHERE search_text MATCH '\"上司\n\"')",
        )
        .fetch_all(&mut conn)
        .await?;
        let found: Vec<i64> = found
            .into_iter()
            .map(|(id, at)| {
                assert_eq!(at, "2026-11-21", "the date moved to search_dates");
                id
            })
            .collect();
        assert_eq!(found, [7]);
        Ok(())
    }
}

#[cfg(test)]
mod migration_tests;
