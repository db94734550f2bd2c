//! `kizuki report …`: individual reports (個別報告書), drafted from the interviews, edited,
//! kept with their history, and printed as text (the PDF is the desktop app's).

use std::path::PathBuf;

use clap::Subcommand;
use kizuki_core::ids::{ClientId, ProgramId, ReportId, ReportVersionId};
use kizuki_core::preferences::Language;
use kizuki_core::report::{self, ReportDocument, ReportPart};
use kizuki_core::vault::Vault;

use crate::args::choice;
use crate::error::CliError;
use crate::{input, messages, output};

pub const PARTS: &[&str] = &[
    "career_awareness",
    "workplace",
    "organisational",
    "proposed_support",
];

#[derive(Subcommand)]
pub enum ReportCommand {
    /// Draft a client's report for a program from their interviews in it; print its id.
    Create {
        /// The client.
        #[arg(long, value_name = "ID")]
        client: ClientId,
        /// The program (one of the client's company).
        #[arg(long, value_name = "ID")]
        program: ProgramId,
    },
    /// List a client's reports: id, program, last change.
    List {
        /// The client.
        #[arg(long, value_name = "ID")]
        client: ClientId,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print a report as it is printed: whom it is about, the interviews, the four parts.
    Show {
        /// The report's id.
        id: ReportId,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Replace one part's text.
    Edit {
        /// The report's id.
        id: ReportId,
        /// The part.
        #[arg(long, value_parser = choice::<ReportPart>(PARTS))]
        part: ReportPart,
        /// The new text: a UTF-8 file, or - for standard input.
        #[arg(long, value_name = "FILE")]
        text_file: PathBuf,
    },
    /// List a report's versions, newest first: id, how it came to be, when.
    History {
        /// The report's id.
        id: ReportId,
        /// Print JSON (with each version's text).
        #[arg(long)]
        json: bool,
    },
    /// Make an earlier version the report's text again (what it replaces stays in the history).
    Restore {
        /// The report's id.
        id: ReportId,
        /// The version's id, from `history`.
        #[arg(long, value_name = "ID")]
        version: ReportVersionId,
    },
}

pub async fn run(
    vault: &Vault,
    command: ReportCommand,
    language: Language,
) -> Result<(), CliError> {
    match command {
        ReportCommand::Create { client, program } => {
            let created = report::create(vault, client, program).await?;
            output::line(&created.id.to_string())
        }
        ReportCommand::List { client, json } => {
            let reports = report::list(vault, client).await?;
            if json {
                return output::json(&reports);
            }
            let rows: Vec<String> = reports
                .iter()
                .map(|summary| {
                    output::row(&[
                        summary.id.to_string(),
                        summary.program_name.clone(),
                        summary.updated_at.to_rfc3339(),
                    ])
                })
                .collect();
            output::lines(&rows)
        }
        ReportCommand::Show { id, json } => {
            let document = report::document(vault, id).await?;
            if json {
                return output::json(&document);
            }
            output::text(&as_text(&document, language))
        }
        ReportCommand::Edit {
            id,
            part,
            text_file,
        } => {
            let text = input::read_text(&text_file)?;
            report::save_part(vault, id, part, &text).await?;
            Ok(())
        }
        ReportCommand::History { id, json } => {
            let versions = report::versions(vault, id).await?;
            if json {
                return output::json(&versions);
            }
            let rows: Vec<String> = versions
                .iter()
                .map(|version| {
                    output::row(&[
                        version.id.to_string(),
                        output::wire(&version.origin),
                        version.saved_at.to_rfc3339(),
                    ])
                })
                .collect();
            output::lines(&rows)
        }
        ReportCommand::Restore { id, version } => {
            report::restore(vault, id, version).await?;
            Ok(())
        }
    }
}

/// The report as plain text, headed in the user's language, each part under its number.
fn as_text(document: &ReportDocument, language: Language) -> String {
    let label = |key: &str| messages::report_label(language, key);
    let interviews: Vec<String> = document
        .interviews
        .iter()
        .map(|interview| {
            format!(
                "{} {}",
                interview.held_at.replace('T', " "),
                messages::interview_kind(language, &output::wire(&interview.kind))
            )
        })
        .collect();
    let affiliation: Vec<&str> = [
        Some(document.company_name.as_str()),
        document.department.as_deref(),
        document.role.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut text = format!(
        "{}\n{}\n\n{}: {}（{}）\n{}: {}\n{}: {}\n",
        label("heading"),
        document.program_name,
        label("print.client"),
        document.client_name,
        document.client_name_kana,
        label("print.affiliation"),
        affiliation.join(" "),
        label("print.interviews"),
        if interviews.is_empty() {
            label("print.noInterviews")
        } else {
            interviews.join(", ")
        },
    );
    for (number, part) in ReportPart::ALL.into_iter().enumerate() {
        let body = document.report.parts.part(part).trim_end();
        text.push_str(&format!(
            "\n{}. {}\n{}\n",
            number + 1,
            label(&format!("parts.{}", output::wire(&part))),
            if body.is_empty() {
                label("print.emptyPart")
            } else {
                body.to_owned()
            }
        ));
    }
    text
}
