//! `kizuki export …`: packages for third parties, made only from what a consent covers.

use std::path::PathBuf;

use clap::Subcommand;
use kizuki_core::calendar;
use kizuki_core::consent::{self, ConsentState, SharePart};
use kizuki_core::export::{self, SummaryRequest, Target};
use kizuki_core::ids::{ClientId, ConsentId, FlagId, ProgramId, ReportId};
use kizuki_core::overall::{self, OverallTextInput};
use kizuki_core::package::Encryption;
use kizuki_core::supervision::{self, SupervisionComments, SupervisionRequest};
use kizuki_core::vault::Vault;

use crate::args::choice;
use crate::commands::consent::PARTS;
use crate::error::CliError;
use crate::passphrase::{self, Purpose};
use crate::{input, output};

#[derive(Subcommand)]
pub enum ExportCommand {
    /// Write a client's HR summary (人事向けサマリー) as an age-encrypted package. Refused,
    /// with nothing written, unless an active consent covers every part included.
    Summary {
        /// The client.
        #[arg(long, value_name = "ID")]
        client: ClientId,
        /// The consent relied on [default: the client's only active one].
        #[arg(long, value_name = "ID")]
        consent: Option<ConsentId>,
        /// A part to include; repeat for more. Without any --part or --flag: every part and
        /// flag the consent covers; with either, exactly those given.
        #[arg(long = "part", value_parser = choice::<SharePart>(PARTS))]
        parts: Vec<SharePart>,
        /// A flag to include, by id; repeat for more (see --part).
        #[arg(long = "flag", value_name = "ID")]
        flags: Vec<FlagId>,
        /// The summary written for the recipient, used instead of the saved one and saved with
        /// the export (never when it is refused): a UTF-8 file, or -.
        #[arg(long, value_name = "FILE")]
        summary_file: Option<PathBuf>,
        #[command(flatten)]
        package: PackageArgs,
    },
    /// Write a program's overall report (全体報告書) as an age-encrypted package: figures by
    /// department and age band in which no group or count below the program's k shows, and
    /// the findings and proposals. Refused while they name one of the program's clients.
    Overall {
        /// The program.
        #[arg(long, value_name = "ID")]
        program: ProgramId,
        /// The findings (所見), saved before the export: a UTF-8 file, or -. (A preview
        /// writes nothing, so it shows the saved text.)
        #[arg(long, value_name = "FILE", conflicts_with = "preview")]
        findings_file: Option<PathBuf>,
        /// The proposals (提言), saved before the export: a UTF-8 file, or -.
        #[arg(long, value_name = "FILE", conflicts_with = "preview")]
        proposals_file: Option<PathBuf>,
        #[command(flatten)]
        package: PackageArgs,
    },
    /// Write an individual report for a supervisor (スーパービジョン): pseudonymised (the name
    /// replaced by KZ-<id>, identifying words masked) unless an active consent names a
    /// supervisor as recipient.
    Supervision {
        /// The individual report.
        #[arg(long, value_name = "ID")]
        report: ReportId,
        /// What you ask the supervisor: a UTF-8 file, or -.
        #[arg(long, value_name = "FILE")]
        question_file: Option<PathBuf>,
        #[command(flatten)]
        package: PackageArgs,
    },
    /// As a supervisor: write your comments on a report, for the consultant's inbox recipient
    /// (they import it with `kizuki import`).
    Comments {
        /// The reference the supervision report carries (its `regarding`, e.g. KZS-7-X4QF8M2RTA).
        #[arg(long)]
        regarding: String,
        /// Your name, as the consultant will see it.
        #[arg(long)]
        supervisor: String,
        /// The comments: a UTF-8 file, or -.
        #[arg(long, value_name = "FILE")]
        comments_file: PathBuf,
        /// The day written, YYYY-MM-DD [default: today].
        #[arg(long, value_name = "DATE")]
        written_on: Option<String>,
        #[command(flatten)]
        package: PackageArgs,
    },
}

/// Whom a package is encrypted to and where it goes.
#[derive(clap::Args)]
pub struct PackageArgs {
    /// A recipient's public key: `age1…` or an SSH public key; repeat for more.
    #[arg(
        long = "to",
        value_name = "KEY",
        required_unless_present = "passphrase"
    )]
    pub to: Vec<String>,
    /// Encrypt to a passphrase instead (from --export-passphrase-file,
    /// KIZUKI_EXPORT_PASSPHRASE, or asked twice), to pass on separately.
    #[arg(long, conflicts_with = "to")]
    pub passphrase: bool,
    /// Read that passphrase from the first line of this file.
    #[arg(long, value_name = "FILE", requires = "passphrase")]
    pub export_passphrase_file: Option<PathBuf>,
    /// ASCII-armored instead of binary.
    #[arg(long)]
    pub armor: bool,
    /// The file to create; an existing file is never overwritten.
    #[arg(short = 'o', long = "out", value_name = "FILE")]
    pub out: PathBuf,
    /// Print what would be sent, as JSON, and write nothing.
    #[arg(long)]
    pub preview: bool,
}

impl PackageArgs {
    fn encryption(&self) -> Result<Encryption, CliError> {
        Ok(if self.passphrase {
            Encryption::Passphrase(passphrase::obtain_named(
                self.export_passphrase_file.as_deref(),
                PASSPHRASE_ENV_VAR,
                Purpose::Choose,
            )?)
        } else {
            Encryption::Recipients(self.to.clone())
        })
    }

    fn target(&self) -> Result<Target, CliError> {
        Ok(Target {
            encryption: self.encryption()?,
            armored: self.armor,
            path: self.out.clone(),
        })
    }
}

/// The environment variable holding an export passphrase, for automation.
pub const PASSPHRASE_ENV_VAR: &str = "KIZUKI_EXPORT_PASSPHRASE";

pub async fn run(vault: &Vault, command: ExportCommand) -> Result<(), CliError> {
    match command {
        ExportCommand::Summary {
            client,
            consent,
            parts,
            flags,
            summary_file,
            package,
        } => {
            let summary = summary_file.as_deref().map(input::read_text).transpose()?;
            let consent = match consent {
                Some(id) => consent::get(vault, id).await?,
                None => only_active(vault, client).await?,
            };
            if consent.client_id != client {
                return Err(CliError::ConsentOfAnotherClient);
            }
            let everything = parts.is_empty() && flags.is_empty();
            let request = SummaryRequest {
                consent_id: consent.id,
                parts: if everything {
                    consent.parts.clone()
                } else {
                    parts
                },
                flag_ids: if everything {
                    consent.flag_ids.clone()
                } else {
                    flags
                },
                summary,
            };
            if package.preview {
                return output::json(&export::preview_summary(vault, &request).await?);
            }
            let exported = export::export_summary(vault, &request, &package.target()?).await?;
            output::line(&exported.sha256)
        }
        ExportCommand::Overall {
            program,
            findings_file,
            proposals_file,
            package,
        } => {
            if findings_file.is_some() || proposals_file.is_some() {
                let saved = overall::text(vault, program).await?;
                let text = OverallTextInput {
                    findings: match findings_file {
                        Some(file) => input::read_text(&file)?,
                        None => saved.findings,
                    },
                    proposals: match proposals_file {
                        Some(file) => input::read_text(&file)?,
                        None => saved.proposals,
                    },
                };
                overall::save_text(vault, program, &text).await?;
            }
            if package.preview {
                return output::json(&overall::preview(vault, program).await?);
            }
            let exported = overall::export(vault, program, &package.target()?).await?;
            output::line(&exported.sha256)
        }
        ExportCommand::Supervision {
            report,
            question_file,
            package,
        } => {
            let request = SupervisionRequest {
                report_id: report,
                question: question_file.as_deref().map(input::read_text).transpose()?,
            };
            if package.preview {
                return output::json(&supervision::preview(vault, &request).await?);
            }
            let exported = supervision::export(vault, &request, &package.target()?).await?;
            output::line(&exported.sha256)
        }
        ExportCommand::Comments {
            regarding,
            supervisor,
            comments_file,
            written_on,
            package,
        } => {
            let comments = SupervisionComments {
                format: supervision::COMMENTS_FORMAT.to_owned(),
                version: kizuki_core::package::FORMAT_VERSION,
                supervisor,
                regarding,
                written_on: written_on.unwrap_or_else(|| calendar::today().to_string()),
                comments: input::read_text(&comments_file)?,
            };
            if package.preview {
                return output::json(&comments);
            }
            let sha256 = supervision::write_comments(&comments, &package.target()?)?;
            output::line(&sha256)
        }
    }
}

/// The client's one active consent, when there is exactly one.
async fn only_active(
    vault: &Vault,
    client: ClientId,
) -> Result<kizuki_core::consent::Consent, CliError> {
    let today = calendar::today();
    let mut active: Vec<_> = consent::list(vault, client)
        .await?
        .into_iter()
        .filter(|consent| consent.state_on(today) == ConsentState::Active)
        .collect();
    match active.len() {
        0 => Err(CliError::NoActiveConsent),
        1 => Ok(active.remove(0)),
        _ => Err(CliError::SeveralActiveConsents),
    }
}
