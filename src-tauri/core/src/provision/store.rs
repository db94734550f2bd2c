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
    pub(crate) package_sha256: &'a str,
}

/// Keeps the record of a package given under `consent`: to its recipient, about `person`.
pub(crate) async fn insert_under(
    conn: &mut SqliteConnection,
    consent: &crate::consent::Consent,
    person: &str,
    items: &[String],
    package_sha256: &str,
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
            package_sha256,
        },
        now,
    )
    .await
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
                                        package_sha256, keep_until)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(now)
    .bind(provision.recipient_kind)
    .bind(provision.recipient_name)
    .bind(provision.client_id)
    .bind(provision.person)
    .bind(provision.items.join("\n"))
    .bind(provision.consent_id)
    .bind(provision.consent_granted_on)
    .bind(provision.package_sha256)
    .bind(keep_until)
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
);

pub(crate) async fn list(conn: &mut SqliteConnection) -> Result<Vec<ProvisionRecord>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, provided_at, recipient_kind, recipient_name, client_id, person, items,
                consent_id, consent_granted_on, package_sha256, keep_until
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
            },
        )
        .collect())
}
