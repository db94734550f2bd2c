//! `kizuki export …`: packages for third parties, made only from what a consent covers.

use std::path::PathBuf;

use clap::Subcommand;
use kizuki_core::calendar;
use kizuki_core::consent::{self, ConsentState, SharePart};
use kizuki_core::export::{self, SummaryRequest, Target};
use kizuki_core::ids::{ClientId, ConsentId, FlagId};
use kizuki_core::package::Encryption;
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
        /// A recipient's public key: `age1…` or an SSH public key; repeat for more.
        #[arg(
            long = "to",
            value_name = "KEY",
            required_unless_present = "passphrase"
        )]
        to: Vec<String>,
        /// Encrypt to a passphrase instead (from --export-passphrase-file,
        /// KIZUKI_EXPORT_PASSPHRASE, or asked twice), to pass on separately.
        #[arg(long, conflicts_with = "to")]
        passphrase: bool,
        /// Read that passphrase from the first line of this file.
        #[arg(long, value_name = "FILE", requires = "passphrase")]
        export_passphrase_file: Option<PathBuf>,
        /// ASCII-armored instead of binary.
        #[arg(long)]
        armor: bool,
        /// The file to create; an existing file is never overwritten.
        #[arg(short = 'o', long = "out", value_name = "FILE")]
        out: PathBuf,
        /// Print what would be sent, as JSON, and write nothing.
        #[arg(long)]
        preview: bool,
    },
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
            to,
            passphrase,
            export_passphrase_file,
            armor,
            out,
            preview,
        } => {
            let summary = summary_file.as_deref().map(input::read_text).transpose()?;
            let encryption = if passphrase {
                Encryption::Passphrase(passphrase::obtain_named(
                    export_passphrase_file.as_deref(),
                    PASSPHRASE_ENV_VAR,
                    Purpose::Choose,
                )?)
            } else {
                Encryption::Recipients(to)
            };
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
            if preview {
                return output::json(&export::preview_summary(vault, &request).await?);
            }
            let target = Target {
                encryption,
                armored: armor,
                path: out,
            };
            let exported = export::export_summary(vault, &request, &target).await?;
            output::line(&exported.sha256)
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
