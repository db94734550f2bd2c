//! The `provision_records` table: the only SQL that touches it. (Erasure's pseudonymisation is
//! a trigger on `clients`, so no deletion path can forget it.)

use chrono::{DateTime, Months, NaiveDate, Utc};
use sqlx::SqliteConnection;

use super::{ProvisionRecord, KEEP_YEARS};
use crate::ids::{ClientId, ConsentId};
use crate::record::Result;

/// A provision about to be recorded.
struct NewProvision<'a> {
    pub(crate) recipient_kind: &'a str,
    pub(crate) recipient_name: &'a str,
    pub(crate) client_id: ClientId,
    pub(crate) person: &'a str,
    pub(crate) items: &'a [String],
    pub(crate) consent_id: ConsentId,
    pub(crate) consent_granted_on: NaiveDate,
    pub(crate) sealed_for: &'a str,
}

/// Keeps the record of a package given under `consent`: to its recipient, about `person`,
/// sealed as `sealed_for` says ([`crate::package::Encryption::sealed_for`]). The package's
/// hash follows with [`set_package`] once the package, which names the record's audit entry,
/// is sealed.
pub(crate) async fn insert_under(
    conn: &mut SqliteConnection,
    consent: &crate::consent::Consent,
    person: &str,
    items: &[String],
    sealed_for: &str,
    now: DateTime<Utc>,
) -> Result<i64> {
    insert(
        conn,
        &NewProvision {
            recipient_kind: &crate::text::wire_name(&consent.recipient_kind),
            recipient_name: &consent.recipient_name,
            client_id: consent.client_id,
            person,
            items,
            consent_id: consent.id,
            consent_granted_on: consent.granted_on,
            sealed_for,
        },
        now,
    )
    .await
}

/// Writes the hash of the sealed package into its record; the table takes it once.
pub(crate) async fn set_package(
    conn: &mut SqliteConnection,
    id: i64,
    package_sha256: &str,
) -> Result<()> {
    sqlx::query("UPDATE provision_records SET package_sha256 = ? WHERE id = ?")
        .bind(package_sha256)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The digest of a record as stored, which its export's audit entry carries: every field but
/// the person (who becomes `KZ-<id>` on erasure, with the client link) and the package's hash
/// (which the package's own manifest, naming the entry, cannot precede).
pub(crate) async fn digest(conn: &mut SqliteConnection, id: i64) -> Result<String> {
    let row: (
        String,
        String,
        String,
        String,
        String,
        String,
        String,
        String,
        String,
    ) = sqlx::query_as(
        "SELECT CAST(id AS TEXT), provided_at, recipient_kind, recipient_name, items,
                    CAST(consent_id AS TEXT), consent_granted_on, keep_until, sealed_for
             FROM provision_records WHERE id = ?",
    )
    .bind(id)
    .fetch_one(conn)
    .await?;
    let (id, at, kind, name, items, consent, granted, keep, sealed) = &row;
    Ok(crate::audit::store::digest(&[
        Some(id),
        Some(at),
        Some(kind),
        Some(name),
        Some(items),
        Some(consent),
        Some(granted),
        Some(keep),
        Some(sealed),
    ]))
}

/// What the log anchors of a record besides [`digest`]: the digest of the person's name with
/// its salt (`None` once the client is erased: the salt went with the name), and the last day
/// the record is kept.
pub(crate) async fn anchors(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<(Option<String>, String)> {
    let (person, salt, keep_until): (String, Option<String>, String) =
        sqlx::query_as("SELECT person, salt, keep_until FROM provision_records WHERE id = ?")
            .bind(id)
            .fetch_one(conn)
            .await?;
    let person = salt.map(|salt| crate::audit::store::digest(&[Some(&salt), Some(&person)]));
    Ok((person, keep_until))
}

/// A record as the log's check reads it.
pub(crate) struct Kept {
    pub(crate) id: i64,
    pub(crate) person: String,
    pub(crate) package_sha256: String,
}

/// Every record kept.
pub(crate) async fn kept(conn: &mut SqliteConnection) -> Result<Vec<Kept>> {
    let rows: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT id, person, package_sha256 FROM provision_records ORDER BY id")
            .fetch_all(conn)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(id, person, package_sha256)| Kept {
            id,
            person,
            package_sha256,
        })
        .collect())
}

async fn insert(
    conn: &mut SqliteConnection,
    provision: &NewProvision<'_>,
    now: DateTime<Utc>,
) -> Result<i64> {
    let today = crate::calendar::today();
    let keep_until = today
        .checked_add_months(Months::new(12 * KEEP_YEARS))
        .unwrap_or(today);
    let inserted = sqlx::query(
        "INSERT INTO provision_records (provided_at, recipient_kind, recipient_name, client_id,
                                        person, items, consent_id, consent_granted_on,
                                        package_sha256, keep_until, sealed_for, salt)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?)",
    )
    .bind(now)
    .bind(provision.recipient_kind)
    .bind(provision.recipient_name)
    .bind(provision.client_id)
    .bind(provision.person)
    .bind(provision.items.join("\n"))
    .bind(provision.consent_id)
    .bind(provision.consent_granted_on)
    .bind(keep_until)
    .bind(provision.sealed_for)
    .bind(crate::audit::store::salt())
    .execute(conn)
    .await?;
    Ok(inserted.last_insert_rowid())
}

type Row = (
    i64,
    DateTime<Utc>,
    String,
    String,
    Option<ClientId>,
    String,
    String,
    ConsentId,
    NaiveDate,
    String,
    NaiveDate,
    String,
);

pub(crate) async fn list(conn: &mut SqliteConnection) -> Result<Vec<ProvisionRecord>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, provided_at, recipient_kind, recipient_name, client_id, person, items,
                consent_id, consent_granted_on, package_sha256, keep_until, sealed_for
         FROM provision_records ORDER BY id DESC",
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(
                id,
                provided_at,
                recipient_kind,
                recipient_name,
                client_id,
                person,
                items,
                consent_id,
                consent_granted_on,
                package_sha256,
                keep_until,
                sealed_for,
            )| ProvisionRecord {
                id,
                provided_at,
                recipient_kind,
                recipient_name,
                client_id,
                person,
                items: items.lines().map(str::to_owned).collect(),
                consent_id,
                consent_granted_on,
                package_sha256,
                keep_until,
                sealed_for: super::Sealing::read(&sealed_for),
            },
        )
        .collect())
}
