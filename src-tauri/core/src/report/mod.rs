//! The individual report (個別報告書): what the consultant reports about one client in one
//! program. It is drafted from the client's interviews in the program (their sheets'
//! career-awareness, workplace and organisational sections, and the action items decided
//! there), then written by the consultant, who may print it or save it as a PDF.
//!
//! Every burst of editing is kept as a version of the whole report ([`versions`]); the first
//! version is the draft as Kizuki made it, and restoring an old version is itself a new one.

mod draft;
pub(crate) mod store;

use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::fs_atomic;
use crate::ids::{ClientId, InterviewId, ProgramId, ReportId, ReportVersionId};
use crate::interview::InterviewKind;
use crate::record::{check, Error, Field, Result};
use crate::text;
use crate::vault::Vault;
use crate::{client, company, interview, program};

/// The longest a part may be: a year of interviews drafted into one part stays well within.
pub const MAX_PART_CHARS: usize = 50_000;

/// One of the report's four parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ReportPart {
    /// キャリア意識上の課題: the client's career-awareness issues.
    CareerAwareness,
    /// 職場環境: the workplace environment.
    Workplace,
    /// 組織的な課題: issues of the organisation.
    Organisational,
    /// 支援の提案: the support the consultant proposes.
    ProposedSupport,
}

impl ReportPart {
    /// The four parts, in the report's order.
    pub const ALL: [Self; 4] = [
        Self::CareerAwareness,
        Self::Workplace,
        Self::Organisational,
        Self::ProposedSupport,
    ];

    /// The consent part that covers this report part, one for one, in the words the client
    /// reads on the consent sheet.
    pub fn share_part(self) -> crate::consent::SharePart {
        use crate::consent::SharePart;
        match self {
            Self::CareerAwareness => SharePart::CareerAwareness,
            Self::Workplace => SharePart::Workplace,
            Self::Organisational => SharePart::OrganisationalIssues,
            Self::ProposedSupport => SharePart::ProposedSupport,
        }
    }

    fn field(self) -> Field {
        match self {
            Self::CareerAwareness => Field::CareerAwareness,
            Self::Workplace => Field::Workplace,
            Self::Organisational => Field::OrganisationalIssues,
            Self::ProposedSupport => Field::ProposedSupport,
        }
    }
}

/// How a version came to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, sqlx::Type)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum VersionOrigin {
    /// Kizuki drafted it from the interviews.
    Drafted,
    /// The consultant wrote it, in one burst of editing.
    Edited,
    /// The consultant restored an earlier version.
    Restored,
}

/// The text of the four parts.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)] // each is the part of the same name
pub struct ReportParts {
    pub career_awareness: String,
    pub workplace: String,
    pub organisational: String,
    pub proposed_support: String,
}

impl ReportParts {
    /// The text of one part.
    pub fn part(&self, part: ReportPart) -> &str {
        match part {
            ReportPart::CareerAwareness => &self.career_awareness,
            ReportPart::Workplace => &self.workplace,
            ReportPart::Organisational => &self.organisational,
            ReportPart::ProposedSupport => &self.proposed_support,
        }
    }

    pub(crate) fn part_mut(&mut self, part: ReportPart) -> &mut String {
        match part {
            ReportPart::CareerAwareness => &mut self.career_awareness,
            ReportPart::Workplace => &mut self.workplace,
            ReportPart::Organisational => &mut self.organisational,
            ReportPart::ProposedSupport => &mut self.proposed_support,
        }
    }
}

/// A report as it stands.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Its id.
    pub id: ReportId,
    /// The client reported on.
    pub client_id: ClientId,
    /// The program it reports for.
    pub program_id: ProgramId,
    /// The four parts.
    pub parts: ReportParts,
    /// When it was drafted.
    pub created_at: DateTime<Utc>,
    /// When it was last changed.
    pub updated_at: DateTime<Utc>,
}

/// A report in a client's list.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ReportSummary {
    /// Its id.
    pub id: ReportId,
    /// The program.
    pub program_id: ProgramId,
    /// The program's name.
    pub program_name: String,
    /// When it was last changed.
    pub updated_at: DateTime<Utc>,
}

/// One kept version: the whole report as a burst of editing left it.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ReportVersion {
    /// Its id.
    pub id: ReportVersionId,
    /// The report.
    pub report_id: ReportId,
    /// The four parts as they were.
    pub parts: ReportParts,
    /// How it came to be.
    pub origin: VersionOrigin,
    /// When the burst began (for the first version, when the report was drafted).
    pub started_at: DateTime<Utc>,
    /// When it was last saved.
    pub saved_at: DateTime<Utc>,
}

/// An interview the report draws on, as the printed report lists it.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ReportInterview {
    /// The interview.
    pub id: InterviewId,
    /// Its kind.
    pub kind: InterviewKind,
    /// When it was held (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`).
    pub held_at: String,
}

/// Everything a printed report shows: the report, whom it is about, and for which program.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ReportDocument {
    /// The report.
    pub report: Report,
    /// The client's name.
    pub client_name: String,
    /// Its reading.
    pub client_name_kana: String,
    /// The client's department.
    pub department: Option<String>,
    /// The client's role.
    pub role: Option<String>,
    /// The company.
    pub company_name: String,
    /// The program.
    pub program_name: String,
    /// The client's held interviews with them in the program, oldest first.
    pub interviews: Vec<ReportInterview>,
}

text::debug_without_content!(ReportParts);
text::debug_without_content!(Report, id, client_id, program_id, updated_at);
text::debug_without_content!(ReportSummary, id, program_id, updated_at);
text::debug_without_content!(ReportVersion, id, report_id, origin, saved_at);
text::debug_without_content!(ReportInterview, id, kind, held_at);
text::debug_without_content!(ReportDocument);

/// Drafts a client's report for a program from their held interviews in it, and keeps the
/// draft as the first version. A client has one report per program; the program must be
/// their company's.
pub async fn create(vault: &Vault, client_id: ClientId, program_id: ProgramId) -> Result<Report> {
    let mut tx = vault.write().await?;
    let client = client::store::get(&mut tx, client_id).await?;
    let program = program::store::get(&mut tx, program_id).await?;
    if client.company_id != Some(program.company_id) {
        return Err(Error::OtherCompany);
    }
    let parts = draft::compose(&mut tx, client_id, program_id).await?;
    let now = Utc::now();
    let id = store::insert(&mut tx, client_id, program_id, &parts, now).await?;
    store::keep_version(&mut tx, id, &parts, VersionOrigin::Drafted, now).await?;
    let report = store::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(report)
}

/// A report.
pub async fn get(vault: &Vault, id: ReportId) -> Result<Report> {
    let mut tx = vault.read().await?;
    store::get(&mut tx, id).await
}

/// A client's reports, the latest program's first.
pub async fn list(vault: &Vault, client_id: ClientId) -> Result<Vec<ReportSummary>> {
    let mut tx = vault.read().await?;
    client::store::get(&mut tx, client_id).await?;
    let mut reports = Vec::new();
    for (id, program_id, updated_at) in store::list(&mut tx, client_id).await? {
        let program = program::store::get(&mut tx, program_id).await?;
        reports.push((
            program.starts_on,
            ReportSummary {
                id,
                program_id,
                program_name: program.name,
                updated_at,
            },
        ));
    }
    reports.sort_by(|(a, _), (b, _)| b.cmp(a));
    Ok(reports.into_iter().map(|(_, summary)| summary).collect())
}

/// Replaces one part's text (its editor's autosave). The version of the current burst of
/// editing follows; the draft's own version never does.
pub async fn save_part(
    vault: &Vault,
    id: ReportId,
    part: ReportPart,
    text: &str,
) -> Result<Report> {
    check::free_text(text, MAX_PART_CHARS, part.field())?;
    let mut tx = vault.write().await?;
    let mut report = store::get(&mut tx, id).await?;
    if report.parts.part(part) != text {
        *report.parts.part_mut(part) = text.to_owned();
        let now = Utc::now();
        store::set_parts(&mut tx, id, &report.parts, now).await?;
        store::keep_version(&mut tx, id, &report.parts, VersionOrigin::Edited, now).await?;
        report = store::get(&mut tx, id).await?;
    }
    tx.commit().await?;
    Ok(report)
}

/// A report's versions, newest first.
pub async fn versions(vault: &Vault, id: ReportId) -> Result<Vec<ReportVersion>> {
    let mut tx = vault.read().await?;
    store::get(&mut tx, id).await?;
    store::versions(&mut tx, id).await
}

/// Makes an earlier version the report's text again. The text it replaces stays in the
/// history, and the restored text becomes a version of its own.
pub async fn restore(vault: &Vault, id: ReportId, version_id: ReportVersionId) -> Result<Report> {
    let mut tx = vault.write().await?;
    store::get(&mut tx, id).await?;
    let version = store::version(&mut tx, id, version_id).await?;
    let now = Utc::now();
    store::set_parts(&mut tx, id, &version.parts, now).await?;
    store::keep_version(&mut tx, id, &version.parts, VersionOrigin::Restored, now).await?;
    let report = store::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(report)
}

/// The report with whom and what it is about, as it is printed.
pub async fn document(vault: &Vault, id: ReportId) -> Result<ReportDocument> {
    let mut tx = vault.read().await?;
    let report = store::get(&mut tx, id).await?;
    let client = client::store::get(&mut tx, report.client_id).await?;
    let program = program::store::get(&mut tx, report.program_id).await?;
    let company = company::store::get(&mut tx, program.company_id).await?;
    let interviews = interview::store::held_with_client(&mut tx, client.id, Some(program.id))
        .await?
        .into_iter()
        .map(|held| ReportInterview {
            id: held.id,
            kind: held.kind,
            held_at: held.held_at,
        })
        .collect();
    Ok(ReportDocument {
        report,
        client_name: client.name,
        client_name_kana: client.name_kana,
        department: client.department,
        role: client.role,
        company_name: company.name,
        program_name: program.name,
        interviews,
    })
}

/// Claims a new, empty file for the report's PDF in `dir` (a folder the consultant chose for
/// it: the PDF is not encrypted) and returns its path: the printer then writes into it. The
/// name holds Kizuki's references, never the client's name, and an earlier PDF is never
/// overwritten (the name takes a number instead).
pub async fn claim_pdf_file(vault: &Vault, id: ReportId, dir: &Path) -> Result<PathBuf> {
    if !dir.is_absolute() || !dir.is_dir() {
        return Err(Error::FolderNotFound);
    }
    let report = get(vault, id).await?;
    let stem = format!(
        "{PDF_FILE_PREFIX}-{}-{}",
        crate::ics::reference(report.client_id),
        id.0
    );
    for path in fs_atomic::numbered_names(dir, &stem, "pdf") {
        match fs_atomic::claim_new_file(&path) {
            Ok(()) => return Ok(path),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(Error::Storage(error)),
        }
    }
    Err(Error::Storage(io::ErrorKind::AlreadyExists.into()))
}

/// What a report's PDF file name starts with.
pub const PDF_FILE_PREFIX: &str = "個別報告書";

#[cfg(test)]
mod tests;
