//! The overall report (全体報告書) of a program: what the interviews showed about the
//! organisation, for its management, in counts and the consultant's own text. It is built only
//! from figures (people, interviews, the classification of each interview, action-item
//! statuses, flag kinds) grouped by department and by age band, and from the findings and
//! proposals written for it: never a name, an employee number or a note.
//!
//! Its reader (the company's HR) knows every participant's department, age band and interview
//! month, so every figure is protected as one linked set ([`tables`]): a group too small to show
//! is merged into 「その他」, counts from 1 to k − 1 are hidden, a sensitive column (health,
//! family, harm at work, a flag) is shown by one grouping only and never as a count that says
//! something of everyone, or nearly everyone, in a group ([`suppress`]), no hidden figure can be
//! worked out from the totals, and nothing moves by fewer than k people between two exports
//! ([`earlier`]). The report says what it hid and why. Its text may not single anyone out
//! ([`findings`]).

#[cfg(test)]
mod attack_tests;
#[cfg(test)]
mod attacker;
mod chart;
mod document;
mod earlier;
mod findings;
mod gather;
mod groups;
mod html;
mod preview;
pub(crate) mod store;
mod suppress;
mod tables;

use std::path::Path;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use document::{
    Breakdown, Column, Dimension, DisclosureKind, DisclosureNote, Group, Measure, OverallDocument,
    OverallProgram, Table, TableRow, OVERALL_FORMAT,
};

use crate::export::{self, Exported, Target};
use crate::ids::ProgramId;
use crate::package::{self, Document, Encryption, PackageKind};
use crate::record::{self, check, Field};
use crate::vault::Vault;
use crate::{program, text};

/// The longest findings or proposals.
pub const MAX_TEXT_CHARS: usize = 50_000;
/// What an overall report package's file name starts with.
pub const FILE_PREFIX: &str = "全体報告書";

/// The consultant's text of a program's overall report.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OverallText {
    /// The program.
    pub program_id: ProgramId,
    /// Findings: the trends and organisational issues seen (所見).
    pub findings: String,
    /// Proposals: solutions and development measures (提言).
    pub proposals: String,
    /// When it was last saved; absent until written.
    pub updated_at: Option<DateTime<Utc>>,
}

text::debug_without_content!(OverallText, program_id, updated_at);

/// The consultant's text as typed.
#[derive(Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OverallTextInput {
    /// Findings.
    pub findings: String,
    /// Proposals.
    pub proposals: String,
}

text::debug_without_content!(OverallTextInput);

/// The report exactly as it would be sent, and what stops it from being sent.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OverallPreview {
    /// The document.
    pub document: OverallDocument,
    /// What in the findings or proposals would single someone out: a name or employee number
    /// of the company's clients, a group too small to show, a count of fewer than k people, or
    /// everyone of a group named. The report may not go while any is there. Shown only in the
    /// app.
    pub identifiers_in_text: Vec<String>,
}

text::debug_without_content!(OverallPreview);

/// The consultant's text of a program's overall report.
pub async fn text(vault: &Vault, program_id: ProgramId) -> record::Result<OverallText> {
    let mut tx = vault.read().await?;
    program::store::get(&mut tx, program_id).await?;
    store::text(&mut tx, program_id).await
}

/// Saves the consultant's text (autosaved as it is typed).
pub async fn save_text(
    vault: &Vault,
    program_id: ProgramId,
    input: &OverallTextInput,
) -> record::Result<OverallText> {
    check_text(input)?;
    let mut tx = vault.write().await?;
    program::store::get(&mut tx, program_id).await?;
    store::save_text(&mut tx, program_id, input, Utc::now()).await?;
    let saved = store::text(&mut tx, program_id).await?;
    tx.commit().await?;
    Ok(saved)
}

fn check_text(input: &OverallTextInput) -> record::Result<()> {
    check::free_text(&input.findings, MAX_TEXT_CHARS, Field::Findings)?;
    check::free_text(&input.proposals, MAX_TEXT_CHARS, Field::Proposals)
}

/// The report exactly as it would be sent.
pub async fn preview(vault: &Vault, program_id: ProgramId) -> record::Result<OverallPreview> {
    let mut tx = vault.read().await?;
    Ok(
        preview::preview(&mut tx, program_id, crate::calendar::today())
            .await?
            .preview,
    )
}

/// Writes a program's overall report package: refused, with nothing written, while its text
/// would single someone out, or before any findings are written. The figures it publishes are
/// recorded, so that the next export hides what moved by fewer than k people since.
pub async fn export(
    vault: &Vault,
    program_id: ProgramId,
    target: &Target,
) -> export::Result<Exported> {
    package::check(&target.encryption, package::MIN_PASSPHRASE_CHARS)?;
    let mut tx = vault.write().await.map_err(record::Error::from)?;
    let today = crate::calendar::today();
    let preview::Drawn { preview, figures } = preview::preview(&mut tx, program_id, today).await?;
    if !preview.identifiers_in_text.is_empty() {
        return Err(export::Error::IdentifiesClient);
    }
    let document = &preview.document;
    if document.findings.trim().is_empty() {
        return Err(record::Error::Required(Field::Findings).into());
    }
    let now = Utc::now();
    store::record_export(&mut tx, program_id, today, &figures).await?;
    let sealed = export::recorded::seal(
        &mut tx,
        export::recorded::Recorded {
            kind: PackageKind::OverallReport,
            consent: None,
            documents: &Document::page_and_json(
                "overall-report",
                html::page(document),
                serde_json::to_vec_pretty(document).unwrap_or_default(),
            ),
            subject: program::reference(program_id),
            detail: format!("kind=overall_report k={}", document.program.anonymity_k),
            provision_record: None,
        },
        target,
        now,
    )
    .await?;
    export::commit_with_package(tx, target, &sealed, None).await
}

/// Writes a program's overall report into `dir` (the desktop app's Downloads) as
/// `全体報告書-KZG-<program>.age`, numbered rather than overwriting an earlier one.
pub async fn export_into(
    vault: &Vault,
    program_id: ProgramId,
    encryption: Encryption,
    armored: bool,
    dir: &Path,
) -> export::Result<Exported> {
    let stem = format!("{FILE_PREFIX}-{}", program::reference(program_id));
    export::into_free_name!(dir, &stem, encryption, armored, |target| {
        export(vault, program_id, target).await
    })
}

#[cfg(test)]
mod tests;
