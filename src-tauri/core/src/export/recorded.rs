//! Sealing a package together with the audit entry that records it. The entry comes first and
//! the package's manifest carries the entry's hash (`auditHead`): a recipient's copy anchors
//! the log up to and including the package's own entry. So the entry cannot carry the sealed
//! file's hash; it carries the digest of the files inside (the manifest's list), how the file
//! was encrypted, the digests of the provision record and of the person's name with its salt,
//! and the record's last day; the record takes the sealed file's hash last, so that hash is
//! kept beside the log, not in it.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::{Result, Target};
use crate::package::{self, ConsentReference, Document, PackageKind};
use crate::{audit, provision};

/// A package about to be sealed, and what its audit entry says of it.
pub(crate) struct Recorded<'a> {
    pub(crate) kind: PackageKind,
    pub(crate) consent: Option<ConsentReference>,
    pub(crate) documents: &'a [Document],
    /// The references the entry names (`KZP-<record> …` when a provision record was kept).
    pub(crate) subject: String,
    /// What the entry says besides the digests, in references and counts.
    pub(crate) detail: String,
    /// The provision record made for the package, if it goes to a third party by consent.
    pub(crate) provision_record: Option<i64>,
}

/// Appends the export's entry and seals the package naming it, in the caller's transaction.
pub(crate) async fn seal(
    conn: &mut SqliteConnection,
    recorded: Recorded<'_>,
    target: &Target,
    now: DateTime<Utc>,
) -> Result<Vec<u8>> {
    let mut detail = format!(
        "{} content={} sealed={}",
        recorded.detail,
        package::content_digest(recorded.documents),
        target.encryption.in_log()
    );
    if let Some(id) = recorded.provision_record {
        let (person, keep_until) = provision::store::anchors(&mut *conn, id).await?;
        detail.push_str(&format!(
            " record={} person={} keep={keep_until}",
            provision::store::digest(&mut *conn, id).await?,
            person.unwrap_or_default()
        ));
    }
    let entry = audit::store::append(
        &mut *conn,
        audit::Action::Export,
        &recorded.subject,
        &detail,
        now,
    )
    .await?;
    let archive = package::assemble(
        recorded.kind,
        recorded.consent,
        entry,
        recorded.documents,
        now,
    );
    let sealed = package::seal(&archive, &target.encryption, target.armored)?;
    if let Some(id) = recorded.provision_record {
        provision::store::set_package(&mut *conn, id, &package::sha256(&sealed)).await?;
    }
    Ok(sealed)
}
