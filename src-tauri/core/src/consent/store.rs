//! The `consents`, `consent_parts` and `consent_flags` tables: the only SQL that touches them.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use super::{Consent, ConsentState, ObtainedBy, RecipientKind, SharePart, ValidConsent};
use crate::ids::{ClientId, ConsentId, FlagId, ProgramId};
use crate::record::{Entity, Error, Result};

pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    consent: &ValidConsent,
    now: DateTime<Utc>,
) -> Result<ConsentId> {
    let inserted = sqlx::query(
        "INSERT INTO consents (client_id, recipient_kind, recipient_name, program_id, purpose,
                               granted_on, obtained_by, obtained_note, expires_on, created_at,
                               salt)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(consent.client_id)
    .bind(consent.recipient_kind)
    .bind(&consent.recipient_name)
    .bind(consent.program_id)
    .bind(&consent.purpose)
    .bind(consent.granted_on)
    .bind(consent.obtained_by)
    .bind(&consent.obtained_note)
    .bind(consent.expires_on)
    .bind(now)
    .bind(crate::audit::store::salt())
    .execute(&mut *conn)
    .await?;
    let id = ConsentId(inserted.last_insert_rowid());
    for part in &consent.parts {
        sqlx::query("INSERT INTO consent_parts (consent_id, part) VALUES (?, ?)")
            .bind(id)
            .bind(part)
            .execute(&mut *conn)
            .await?;
    }
    for flag_id in &consent.flag_ids {
        // As the flag stands now: what the sheet showed, and what a later export compares.
        sqlx::query(
            "INSERT INTO consent_flags (consent_id, flag_id, kind, raised_on, note, referred_to)
             SELECT ?, id, kind, raised_on, note, referred_to FROM flags WHERE id = ?",
        )
        .bind(id)
        .bind(flag_id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(id)
}

pub(crate) async fn revoke(
    conn: &mut SqliteConnection,
    id: ConsentId,
    revoked_on: NaiveDate,
    note: Option<&str>,
) -> Result<()> {
    sqlx::query("UPDATE consents SET revoked_on = ?, revocation_note = ? WHERE id = ?")
        .bind(revoked_on)
        .bind(note)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct ConsentRow {
    id: ConsentId,
    client_id: ClientId,
    recipient_kind: RecipientKind,
    recipient_name: String,
    program_id: Option<ProgramId>,
    purpose: String,
    granted_on: NaiveDate,
    obtained_by: ObtainedBy,
    obtained_note: Option<String>,
    expires_on: Option<NaiveDate>,
    revoked_on: Option<NaiveDate>,
    revocation_note: Option<String>,
    created_at: DateTime<Utc>,
}

const COLUMNS: &str = "id, client_id, recipient_kind, recipient_name, program_id, purpose, \
                       granted_on, obtained_by, obtained_note, expires_on, revoked_on, \
                       revocation_note, created_at";

async fn complete(conn: &mut SqliteConnection, row: ConsentRow) -> Result<Consent> {
    let mut parts: Vec<SharePart> =
        sqlx::query_scalar("SELECT part FROM consent_parts WHERE consent_id = ?")
            .bind(row.id)
            .fetch_all(&mut *conn)
            .await?;
    parts.sort();
    let flag_ids: Vec<FlagId> = sqlx::query_scalar(
        "SELECT flag_id FROM consent_flags WHERE consent_id = ? ORDER BY flag_id",
    )
    .bind(row.id)
    .fetch_all(&mut *conn)
    .await?;
    let mut consent = Consent {
        id: row.id,
        client_id: row.client_id,
        recipient_kind: row.recipient_kind,
        recipient_name: row.recipient_name,
        program_id: row.program_id,
        parts,
        flag_ids,
        purpose: row.purpose,
        granted_on: row.granted_on,
        obtained_by: row.obtained_by,
        obtained_note: row.obtained_note,
        expires_on: row.expires_on,
        revoked_on: row.revoked_on,
        revocation_note: row.revocation_note,
        created_at: row.created_at,
        state: ConsentState::Active,
    };
    consent.state = consent.state_on(crate::calendar::today());
    Ok(consent)
}

pub(crate) async fn get(conn: &mut SqliteConnection, id: ConsentId) -> Result<Consent> {
    let row: ConsentRow = sqlx::query_as(&format!("SELECT {COLUMNS} FROM consents WHERE id = ?"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(Error::NotFound(Entity::Consent, id.0))?;
    complete(conn, row).await
}

/// The consent's flags that changed (kind, day, note or referral: what the sheet showed and
/// a package sends) since it was given.
pub(crate) async fn changed_flags(
    conn: &mut SqliteConnection,
    id: ConsentId,
) -> Result<Vec<FlagId>> {
    Ok(sqlx::query_scalar(
        "SELECT c.flag_id FROM consent_flags c JOIN flags f ON f.id = c.flag_id
         WHERE c.consent_id = ?
           AND (f.kind <> c.kind OR f.raised_on <> c.raised_on OR f.note <> c.note
                OR f.referred_to IS NOT c.referred_to)
         ORDER BY c.flag_id",
    )
    .bind(id)
    .fetch_all(conn)
    .await?)
}

pub(crate) async fn list(conn: &mut SqliteConnection, client_id: ClientId) -> Result<Vec<Consent>> {
    let rows: Vec<ConsentRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM consents WHERE client_id = ? ORDER BY granted_on DESC, id DESC"
    ))
    .bind(client_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut consents = Vec::with_capacity(rows.len());
    for row in rows {
        consents.push(complete(&mut *conn, row).await?);
    }
    Ok(consents)
}

/// The digest of a consent's terms as stored: every field but the revocation, its parts and
/// its flags as the sheet showed them, and its salt (which leaves with the consent, so the
/// grant's entry confirms nothing about an erased client). Read as stored text, so that the
/// digest covers exactly what was written (the grant's audit entry carries it).
pub(crate) async fn terms_digest(conn: &mut SqliteConnection, id: ConsentId) -> Result<String> {
    type Terms = (
        String,
        String,
        String,
        Option<String>,
        String,
        String,
        String,
        Option<String>,
        Option<String>,
        String,
        Option<String>,
    );
    let terms: Terms = sqlx::query_as(
        "SELECT CAST(client_id AS TEXT), recipient_kind, recipient_name,
                CAST(program_id AS TEXT), purpose, granted_on, obtained_by, obtained_note,
                expires_on, created_at, salt
         FROM consents WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(Error::NotFound(Entity::Consent, id.0))?;
    let parts: Vec<String> =
        sqlx::query_scalar("SELECT part FROM consent_parts WHERE consent_id = ? ORDER BY part")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
    let flags: Vec<(String, String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT CAST(flag_id AS TEXT), kind, raised_on, note, referred_to
         FROM consent_flags WHERE consent_id = ? ORDER BY flag_id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let (client, kind, name, program, purpose, granted, obtained_by, note, expires, created, salt) =
        &terms;
    let counts = [parts.len().to_string(), flags.len().to_string()];
    let mut fields: Vec<Option<&str>> = vec![
        salt.as_deref(),
        Some(client),
        Some(kind),
        Some(name),
        program.as_deref(),
        Some(purpose),
        Some(granted),
        Some(obtained_by),
        note.as_deref(),
        expires.as_deref(),
        Some(created),
        Some(&counts[0]),
    ];
    fields.extend(parts.iter().map(|part| Some(part.as_str())));
    fields.push(Some(&counts[1]));
    for (flag, kind, raised_on, note, referred_to) in &flags {
        fields.extend([
            Some(flag.as_str()),
            Some(kind),
            Some(raised_on),
            Some(note),
            referred_to.as_deref(),
        ]);
    }
    Ok(crate::audit::store::digest(&fields))
}

/// The digest of a consent's revocation as stored (its day and note), if it was revoked.
pub(crate) async fn revocation_digest(
    conn: &mut SqliteConnection,
    id: ConsentId,
) -> Result<Option<String>> {
    let (revoked_on, note): (Option<String>, Option<String>) =
        sqlx::query_as("SELECT revoked_on, revocation_note FROM consents WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?
            .ok_or(Error::NotFound(Entity::Consent, id.0))?;
    Ok(revoked_on.map(|day| crate::audit::store::digest(&[Some(&day), note.as_deref()])))
}

/// Every consent kept, with its client.
pub(crate) async fn kept(conn: &mut SqliteConnection) -> Result<Vec<(ConsentId, ClientId)>> {
    Ok(
        sqlx::query_as("SELECT id, client_id FROM consents ORDER BY id")
            .fetch_all(conn)
            .await?,
    )
}
