//! The `summaries` table: the only SQL that touches it.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::Summary;
use crate::ids::ConsentId;
use crate::record::Result;

pub(crate) async fn summary(conn: &mut SqliteConnection, consent_id: ConsentId) -> Result<Summary> {
    let stored: Option<(String, DateTime<Utc>)> =
        sqlx::query_as("SELECT text, updated_at FROM summaries WHERE consent_id = ?")
            .bind(consent_id)
            .fetch_optional(conn)
            .await?;
    let (text, updated_at) = stored.map_or((String::new(), None), |(text, at)| (text, Some(at)));
    Ok(Summary {
        consent_id,
        text,
        updated_at,
    })
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
