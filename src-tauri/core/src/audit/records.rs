//! The records the log speaks of, checked against what their entries recorded: every consent
//! and provision record kept must have its entry (a log cut short shows here), and its terms as
//! stored must match the digest its entry carries (an edit made around the tables' triggers
//! shows here). Entries written before digests were kept name their records without one: those
//! records are checked for their entry only.

use std::collections::HashMap;

use sqlx::SqliteConnection;

use super::store::Logged;
use crate::record::Result;
use crate::{consent, provision};

/// What the records say against the log.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Findings {
    /// Records without the entry they must have.
    pub(crate) missing: Vec<String>,
    /// Records that differ from what their entry recorded.
    pub(crate) altered: Vec<String>,
}

/// The newest entry of each action per reference (the subject's first word): ids are reused
/// after an erasure, and the newest entry is the one a record now kept was written with.
fn newest(log: &[Logged]) -> HashMap<(&str, &str), &Logged> {
    let mut newest = HashMap::new();
    for entry in log {
        if let Some(reference) = entry.subject.split(' ').next() {
            newest.insert((entry.action.as_str(), reference), entry);
        }
    }
    newest
}

/// The value of `key=` in an entry's detail, if the entry has it.
fn value<'a>(entry: &'a Logged, key: &str) -> Option<&'a str> {
    entry
        .detail
        .split(' ')
        .find_map(|word| word.strip_prefix(key)?.strip_prefix('='))
}

pub(crate) async fn check(conn: &mut SqliteConnection, log: &[Logged]) -> Result<Findings> {
    let newest = newest(log);
    let mut findings = Findings::default();
    for id in consent::store::ids(&mut *conn).await? {
        let reference = format!("KZC-{}", id.0);
        let Some(granted) = newest.get(&("consent_granted", reference.as_str())) else {
            findings.missing.push(reference);
            continue;
        };
        if let Some(terms) = value(granted, "terms") {
            if terms != consent::store::terms_digest(&mut *conn, id).await? {
                findings.altered.push(reference.clone());
            }
        }
        let revocation = consent::store::revocation_digest(&mut *conn, id).await?;
        let revoked = newest
            .get(&("consent_revoked", reference.as_str()))
            .filter(|entry| entry.id > granted.id);
        match (revocation, revoked) {
            (Some(_), None) => findings.missing.push(format!("{reference}:revoked")),
            (None, Some(_)) => findings.altered.push(reference),
            (Some(stored), Some(entry)) => {
                if value(entry, "revocation").is_some_and(|logged| logged != stored) {
                    findings.altered.push(reference);
                }
            }
            (None, None) => {}
        }
    }
    for id in provision::store::ids(&mut *conn).await? {
        let reference = format!("KZP-{id}");
        match newest.get(&("export", reference.as_str())) {
            None => findings.missing.push(reference),
            Some(entry) => {
                if let Some(logged) = value(entry, "record") {
                    if logged != provision::store::digest(&mut *conn, id).await? {
                        findings.altered.push(reference);
                    }
                }
            }
        }
    }
    Ok(findings)
}
