//! The `summaries` table: the only SQL that touches it.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use crate::ids::ConsentId;
use crate::record::Result;

pub(crate) async fn summary(conn: &mut SqliteConnection, consent_id: ConsentId) -> Result<String> {
    let text: Option<String> =
        sqlx::query_scalar("SELECT text FROM summaries WHERE consent_id = ?")
            .bind(consent_id)
            .fetch_optional(conn)
            .await?;
    Ok(text.unwrap_or_default())
}

pub(crate) async fn save_summary(
    conn: &mut SqliteConnection,
    consent_id: ConsentId,
    text: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO summaries (consent_id, text, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (consent_id) DO UPDATE SET text = excluded.text,
                                                updated_at = excluded.updated_at",
    )
    .bind(consent_id)
    .bind(text)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}
