//! The records the log speaks of, checked against what their entries recorded, both ways:
//! every consent and provision record kept must have its entry (a log cut short shows here),
//! every consent and provision record the log gave must still be kept unless its client's
//! erasure or its keeping period let it go (a row removed shows here), and each record as
//! stored must match the digests its entry carries (an edit made around the tables' triggers
//! shows here). Entries written before digests were kept name their records without them:
//! those records are checked for their entry only.

use std::collections::{HashMap, HashSet};

use sqlx::SqliteConnection;

use super::store::Logged;
use crate::record::Result;
use crate::{calendar, consent, provision};

/// What the records say against the log.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Findings {
    /// Records without the entry they must have, or entries without the record they gave.
    pub(crate) missing: Vec<String>,
    /// Records that differ from what their entry recorded.
    pub(crate) altered: Vec<String>,
}

/// The value of `key=` in an entry's detail, if the entry has it.
fn value<'a>(entry: &'a Logged, key: &str) -> Option<&'a str> {
    entry
        .detail
        .split(' ')
        .find_map(|word| word.strip_prefix(key)?.strip_prefix('='))
}

/// The client (`KZ-<id>`) an entry names.
fn client_of(entry: &Logged) -> Option<&str> {
    entry
        .subject
        .split(' ')
        .find(|word| word.starts_with("KZ-"))
}

/// The log read for the check: the newest entry of each action per reference (the subject's
/// first word), and when each client was erased. Ids are reused after an erasure: the newest
/// entry is the one a record now kept was written with, unless its client was erased after it.
struct Index<'a> {
    newest: HashMap<(&'a str, &'a str), &'a Logged>,
    erasures: HashMap<&'a str, Vec<i64>>,
}

impl<'a> Index<'a> {
    fn new(log: &'a [Logged]) -> Self {
        let mut newest = HashMap::new();
        let mut erasures: HashMap<&str, Vec<i64>> = HashMap::new();
        for entry in log {
            if let Some(reference) = entry.subject.split(' ').next() {
                newest.insert((entry.action.as_str(), reference), entry);
                if entry.action == "erasure" {
                    erasures.entry(reference).or_default().push(entry.id);
                }
            }
        }
        Self { newest, erasures }
    }

    fn get(&self, action: &str, reference: &str) -> Option<&'a Logged> {
        self.newest.get(&(action, reference)).copied()
    }

    /// Whether the entry's client was erased after it.
    fn erased_after(&self, entry: &Logged) -> bool {
        client_of(entry)
            .and_then(|client| self.erasures.get(client))
            .is_some_and(|ids| ids.iter().any(|id| *id > entry.id))
    }

    /// The newest entries of `action` whose client was not erased after them.
    fn standing(&self, action: &'a str) -> impl Iterator<Item = (&'a str, &'a Logged)> + '_ {
        self.newest
            .iter()
            .filter(move |((logged, _), entry)| *logged == action && !self.erased_after(entry))
            .map(|((_, reference), entry)| (*reference, *entry))
    }
}

pub(crate) async fn check(conn: &mut SqliteConnection, log: &[Logged]) -> Result<Findings> {
    let index = Index::new(log);
    let mut findings = Findings::default();
    check_consents(conn, &index, &mut findings).await?;
    check_provisions(conn, &index, &mut findings).await?;
    findings.missing.sort();
    findings.missing.dedup();
    findings.altered.sort();
    findings.altered.dedup();
    Ok(findings)
}

async fn check_consents(
    conn: &mut SqliteConnection,
    index: &Index<'_>,
    findings: &mut Findings,
) -> Result<()> {
    let kept = consent::store::kept(&mut *conn).await?;
    let references: HashSet<String> = kept.iter().map(|(id, _)| format!("KZC-{}", id.0)).collect();
    for (id, client) in kept {
        let reference = format!("KZC-{}", id.0);
        // A grant of the same number to an erased client is not this consent's.
        let granted = index
            .get("consent_granted", &reference)
            .filter(|entry| !index.erased_after(entry))
            .filter(|entry| client_of(entry) == Some(&format!("KZ-{}", client.0)));
        let Some(granted) = granted else {
            findings.missing.push(reference);
            continue;
        };
        if let Some(terms) = value(granted, "terms") {
            if terms != consent::store::terms_digest(&mut *conn, id).await? {
                findings.altered.push(reference.clone());
            }
        }
        let revocation = consent::store::revocation_digest(&mut *conn, id).await?;
        let revoked = index
            .get("consent_revoked", &reference)
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
    // A consent leaves only with its client's erasure, logged after its grant.
    for (reference, _) in index.standing("consent_granted") {
        if !references.contains(reference) {
            findings.missing.push(reference.to_owned());
        }
    }
    Ok(())
}

async fn check_provisions(
    conn: &mut SqliteConnection,
    index: &Index<'_>,
    findings: &mut Findings,
) -> Result<()> {
    let kept = provision::store::kept(&mut *conn).await?;
    let references: HashSet<String> = kept
        .iter()
        .map(|record| format!("KZP-{}", record.id))
        .collect();
    for record in kept {
        let reference = format!("KZP-{}", record.id);
        let Some(exported) = index.get("export", &reference) else {
            findings.missing.push(reference);
            continue;
        };
        let mut holds = true;
        if let Some(logged) = value(exported, "record") {
            holds &= logged == provision::store::digest(&mut *conn, record.id).await?;
        }
        if let Some(logged) = value(exported, "person") {
            holds &= match provision::store::anchors(&mut *conn, record.id).await?.0 {
                Some(stored) => logged == stored,
                // The name and its salt went with an erasure the log holds, after the export.
                None => {
                    index.erased_after(exported)
                        && client_of(exported) == Some(record.person.as_str())
                }
            };
        }
        // Entries before digests named the sealed file's hash.
        if let Some(logged) = value(exported, "sha256") {
            holds &= logged == record.package_sha256;
        }
        if !holds {
            findings.altered.push(reference);
        }
    }
    // A provision record leaves only after its keeping period (entries without their period
    // predate it, and nothing removed those records).
    let today = calendar::today().to_string();
    for (reference, entry) in &index.newest {
        let (action, reference) = reference;
        if *action != "export" || !reference.starts_with("KZP-") || references.contains(*reference)
        {
            continue;
        }
        if value(entry, "keep").is_none_or(|keep| keep >= today.as_str()) {
            findings.missing.push((*reference).to_owned());
        }
    }
    Ok(())
}
