//! Supervision (スーパービジョン): an individual report sent to a supervising consultant for
//! review, and the supervisor's comments received back into a read-only inbox.
//!
//! The report goes pseudonymised unless an active consent names a supervisor as recipient; then
//! it names the client and carries only the report parts that consent covers, one by one, and
//! lists the others as left out. Pseudonymised, the client's name becomes Kizuki's reference, the department, role, company and employee number
//! are left out, and every identifying word in the text (the name and its parts, the reading,
//! the employee number, the company and department) becomes 〇〇. Only the age band and the
//! interviews' kinds and days stay, which supervision needs.

mod comments;
mod document;
pub mod inbox;

use std::path::Path;

use chrono::Utc;
use serde::Deserialize;

pub use comments::{comments_package, write_comments, SupervisionComments, COMMENTS_FORMAT};
pub use document::{
    SupervisionClient, SupervisionDocument, SupervisionInterview, SUPERVISION_FORMAT,
};

use crate::consent::{Consent, ConsentState, RecipientKind};
use crate::export::{self, Exported, Target};
use crate::identifying::Pseudonymiser;
use crate::ids::{ClientId, ProgramId, ReportId};
use crate::package::{self, Document, Encryption, PackageKind};
use crate::record::{self, check, Field};
use crate::report::ReportPart;
use crate::vault::Vault;
use crate::{calendar, client, company, consent, interview, program, provision, report, text};

/// The longest question for the supervisor.
pub const MAX_QUESTION_CHARS: usize = 10_000;
/// What a supervision package's file name starts with.
pub const FILE_PREFIX: &str = "スーパービジョン用報告書";
/// What a supervision package's reference starts with: the supervisor's comments come back
/// `regarding` it.
pub const REFERENCE_PREFIX: &str = "KZS-";
/// What replaces an identifying word in a pseudonymised text.
pub const MASK: &str = "〇〇";

/// What to send a supervisor.
#[derive(Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SupervisionRequest {
    /// The individual report.
    pub report_id: ReportId,
    /// What the consultant asks the supervisor (pseudonymised like the report).
    pub question: Option<String>,
}

text::debug_without_content!(SupervisionRequest, report_id);

/// The report parts `consent` covers, in the report's order.
fn covered_parts(consent: &Consent) -> Vec<ReportPart> {
    ReportPart::ALL
        .into_iter()
        .filter(|part| consent.parts.contains(&part.share_part()))
        .collect()
}

/// The consent that lets the report name the client: active today, to a supervisor, for the
/// report's program or for none in particular, covering at least one report part; of several,
/// the one covering the most (the newest of equals).
fn naming_consent(consents: Vec<Consent>, program_id: ProgramId) -> Option<Consent> {
    let today = calendar::today();
    consents
        .into_iter()
        .filter(|consent| {
            consent.recipient_kind == RecipientKind::Supervisor
                && consent.state_on(today) == ConsentState::Active
                && consent
                    .program_id
                    .is_none_or(|program| program == program_id)
                && !covered_parts(consent).is_empty()
        })
        .max_by_key(|consent| (covered_parts(consent).len(), consent.id))
}

/// What an export needs beside the document: the consent that names the client, if any, and
/// whom the report is about.
struct Gathered {
    document: SupervisionDocument,
    consent: Option<Consent>,
    client_id: ClientId,
}

/// The pseudonym the preview shows: each package gets a fresh one when it is written.
const PREVIEW_PSEUDONYM: &str = "P-••••••";

/// A fresh pseudonym for one package: random, so that no two packages, and nothing HR sees
/// (`KZ-<id>` beside the name in summaries), can be joined.
fn fresh_pseudonym() -> String {
    format!("P-{}", &reference_token()[..6])
}

async fn gather(
    conn: &mut sqlx::SqliteConnection,
    request: &SupervisionRequest,
    pseudonym: &str,
) -> record::Result<Gathered> {
    if let Some(question) = &request.question {
        check::free_text(question, MAX_QUESTION_CHARS, Field::Question)?;
    }
    let stored = report::store::get(&mut *conn, request.report_id).await?;
    let client = client::store::get(&mut *conn, stored.client_id).await?;
    let program = program::store::get(&mut *conn, stored.program_id).await?;
    let company = company::store::get(&mut *conn, program.company_id).await?;
    let consent = naming_consent(
        consent::store::list(&mut *conn, client.id).await?,
        program.id,
    );
    let interviews = interview::store::held_with_client(&mut *conn, client.id, Some(program.id))
        .await?
        .into_iter()
        .map(|held| SupervisionInterview {
            kind: held.kind,
            held_on: held.held_at.get(..10).unwrap_or(&held.held_at).to_owned(),
        })
        .map(|mut interview| {
            // Pseudonymised, the month only: a recipient joins a day to a timetable.
            if consent.is_none() {
                interview.held_on.truncate(7);
            }
            interview
        })
        .collect();
    let reference = crate::ics::reference(client.id);
    let mut pseudonymiser = Pseudonymiser::default();
    // The client, and everyone else the vault knows at the company: colleagues are named in
    // interviews too.
    for (name, reading, number) in client::store::identities_at(&mut *conn, company.id).await? {
        pseudonymiser.person(&name, Some(&reading), number.as_deref());
    }
    pseudonymiser.company(&company.name);
    for word in client.department.iter().chain(&client.role) {
        pseudonymiser.word(word);
    }
    let named = consent.is_some();
    let masked = |text: &str| {
        if named {
            text.to_owned()
        } else {
            pseudonymiser.masked(text, MASK)
        }
    };
    // Named, only what the consent covers goes; pseudonymised, every part goes masked.
    let carried = consent
        .as_ref()
        .map_or(ReportPart::ALL.to_vec(), covered_parts);
    let part = |part: ReportPart| {
        if carried.contains(&part) {
            masked(stored.parts.part(part))
        } else {
            String::new()
        }
    };
    let parts = report::ReportParts {
        career_awareness: part(ReportPart::CareerAwareness),
        workplace: part(ReportPart::Workplace),
        organisational: part(ReportPart::Organisational),
        proposed_support: part(ReportPart::ProposedSupport),
    };
    let left_out = ReportPart::ALL
        .into_iter()
        .filter(|part| !carried.contains(part))
        .collect();
    let document = SupervisionDocument {
        format: SUPERVISION_FORMAT.to_owned(),
        version: package::FORMAT_VERSION,
        pseudonymised: !named,
        client: if named {
            SupervisionClient {
                label: client.name.clone(),
                reference,
                department: client.department.clone(),
                role: client.role.clone(),
                company: Some(company.name.clone()),
                age_band: client.age_band,
            }
        } else {
            SupervisionClient {
                label: format!("相談者（{pseudonym}）"),
                reference: pseudonym.to_owned(),
                department: None,
                role: None,
                company: None,
                age_band: client.age_band,
            }
        },
        program: masked(&program.name),
        interviews,
        parts,
        left_out,
        question: request.question.as_deref().map(masked),
        consent: consent.as_ref().map(Consent::reference),
        recipient: consent
            .as_ref()
            .map(|consent| consent.recipient_name.clone()),
        regarding: None,
    };
    Ok(Gathered {
        document,
        consent,
        client_id: client.id,
    })
}

/// The random part of a package's reference: 10 characters of an alphabet without look-alikes
/// (about 50 bits), so that a reference cannot be guessed from its number.
fn reference_token() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    use rand::RngCore;
    let mut bytes = [0u8; 10];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    bytes
        .iter()
        .map(|byte| ALPHABET[usize::from(*byte) % ALPHABET.len()] as char)
        .collect()
}

/// The report exactly as the supervisor would receive it.
pub async fn preview(
    vault: &Vault,
    request: &SupervisionRequest,
) -> record::Result<SupervisionDocument> {
    let mut tx = vault.read().await?;
    Ok(gather(&mut tx, request, PREVIEW_PSEUDONYM).await?.document)
}

/// Writes the supervision package: pseudonymised unless a consent names a supervisor, in which
/// case the provision record is kept as for any export that names someone.
pub async fn export(
    vault: &Vault,
    request: &SupervisionRequest,
    target: &Target,
) -> export::Result<Exported> {
    package::check(&target.encryption, package::MIN_PASSPHRASE_CHARS)?;
    let mut tx = vault.write().await.map_err(record::Error::from)?;
    let Gathered {
        mut document,
        consent,
        client_id,
    } = gather(&mut tx, request, &fresh_pseudonym()).await?;
    let now = Utc::now();
    let token = reference_token();
    let reference = sqlx::query(
        "INSERT INTO supervision_exports (client_id, report_id, exported_at, token)
         VALUES (?, ?, ?, ?)",
    )
    .bind(client_id)
    .bind(request.report_id)
    .bind(now)
    .bind(&token)
    .execute(&mut *tx)
    .await
    .map_err(record::Error::from)?
    .last_insert_rowid();
    document.regarding = Some(format!("{REFERENCE_PREFIX}{reference}-{token}"));
    // The log names the package by its number; its token stays with the package.
    // The vault's own log names the client by Kizuki's reference, never by the pseudonym.
    let client_reference = format!(
        "{REFERENCE_PREFIX}{reference} {}",
        crate::ics::reference(client_id)
    );
    let (subject, provision_record) = match &consent {
        Some(consent) => {
            let items: Vec<String> = covered_parts(consent)
                .iter()
                .map(|part| format!("report:{}", text::wire_name(part)))
                .collect();
            let id = provision::store::insert_under(
                &mut tx,
                consent,
                &document.client.label,
                &items,
                &target.encryption.sealed_for(),
                now,
            )
            .await?;
            (
                format!("KZP-{id} {} {client_reference}", consent.reference()),
                Some(id),
            )
        }
        None => (client_reference, None),
    };
    let sealed = export::recorded::seal(
        &mut tx,
        export::recorded::Recorded {
            kind: PackageKind::SupervisionReport,
            consent: consent.as_ref().map(Consent::package_reference),
            documents: &Document::page_and_json(
                "supervision-report",
                document::html(&document),
                serde_json::to_vec_pretty(&document).unwrap_or_default(),
            ),
            subject,
            detail: format!(
                "kind=supervision_report pseudonymised={}",
                document.pseudonymised
            ),
            provision_record,
        },
        target,
        now,
    )
    .await?;
    export::commit_with_package(tx, target, &sealed, provision_record).await
}

/// Writes the supervision package into `dir` (the desktop app's Downloads) as
/// `スーパービジョン用報告書-<report>.age`, numbered rather than overwriting. The name holds no
/// reference to the client: the file travels with the package.
pub async fn export_into(
    vault: &Vault,
    request: &SupervisionRequest,
    encryption: Encryption,
    armored: bool,
    dir: &Path,
) -> export::Result<Exported> {
    let stem = format!("{FILE_PREFIX}-{}", request.report_id);
    export::into_free_name!(dir, &stem, encryption, armored, |target| {
        export(vault, request, target).await
    })
}

#[cfg(test)]
mod tests;
