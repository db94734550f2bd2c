//! `kizuki consent …`: consents (同意) to share, their explanation sheet, and revocation.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use kizuki_core::calendar;
use kizuki_core::consent::{
    self, ConsentInput, ObtainedBy, RecipientKind, RevocationInput, SharePart, SheetLanguage,
};
use kizuki_core::ids::{ClientId, ConsentId, FlagId, ProgramId};
use kizuki_core::preferences::Language;
use kizuki_core::vault::Vault;

use crate::args::choice;
use crate::error::CliError;
use crate::{input, messages, output};

pub const RECIPIENT_KINDS: &[&str] = &["hr", "boss", "supervisor"];
pub const PARTS: &[&str] = &[
    "summary",
    "themes",
    "action_plan",
    "strengths",
    "workplace",
    "organisational_issues",
    "career_awareness",
    "proposed_support",
];
pub const OBTAINED: &[&str] = &["written", "verbal", "electronic"];

/// What a consent says: the same for the sheet and for granting.
#[derive(Args)]
pub struct Terms {
    /// Whose consent.
    #[arg(long, value_name = "ID")]
    client: ClientId,
    /// Who may receive.
    #[arg(long, value_parser = choice::<RecipientKind>(RECIPIENT_KINDS))]
    recipient_kind: RecipientKind,
    /// The recipient as the sheet names them (e.g. 「人事部 山本様」).
    #[arg(long, value_name = "NAME")]
    recipient: String,
    /// The program an HR recipient belongs to.
    #[arg(long, value_name = "ID")]
    program: Option<ProgramId>,
    /// A part covered; repeat for more.
    #[arg(long = "part", value_parser = choice::<SharePart>(PARTS))]
    parts: Vec<SharePart>,
    /// A flag covered, by id; repeat for more. Flags are covered one by one.
    #[arg(long = "flag", value_name = "ID")]
    flags: Vec<FlagId>,
    /// What the sharing is for: a UTF-8 file, or - for standard input.
    #[arg(long, value_name = "FILE")]
    purpose_file: PathBuf,
    /// The day it was given, YYYY-MM-DD [default: today].
    #[arg(long, value_name = "DATE")]
    granted_on: Option<String>,
    /// The last day it holds, YYYY-MM-DD [default: until revoked].
    #[arg(long, value_name = "DATE")]
    expires_on: Option<String>,
}

impl Terms {
    fn input(
        &self,
        obtained_by: ObtainedBy,
        note: Option<String>,
    ) -> Result<ConsentInput, CliError> {
        Ok(ConsentInput {
            client_id: self.client,
            recipient_kind: self.recipient_kind,
            recipient_name: self.recipient.clone(),
            program_id: self.program,
            parts: self.parts.clone(),
            flag_ids: self.flags.clone(),
            purpose: input::read_text(&self.purpose_file)?,
            granted_on: self
                .granted_on
                .clone()
                .unwrap_or_else(|| calendar::today().to_string()),
            obtained_by,
            obtained_note: note,
            expires_on: self.expires_on.clone(),
        })
    }
}

#[derive(Subcommand)]
pub enum ConsentCommand {
    /// Print the explanation and consent sheet (説明・同意書) for the client to read and sign,
    /// before the consent is recorded. Nothing is recorded.
    Sheet {
        #[command(flatten)]
        terms: Terms,
        /// The sheet's language [default: the app's].
        #[arg(long, value_parser = choice::<SheetLanguage>(&["ja", "en"]))]
        lang: Option<SheetLanguage>,
    },
    /// Record a consent the client gave; print its id.
    Grant {
        #[command(flatten)]
        terms: Terms,
        /// How it was obtained.
        #[arg(long, value_parser = choice::<ObtainedBy>(OBTAINED))]
        obtained: ObtainedBy,
        /// A note on how (where the signed sheet is kept …): a UTF-8 file, or -.
        #[arg(long, value_name = "FILE")]
        note_file: Option<PathBuf>,
    },
    /// Revoke a consent from a day; it is kept, marked revoked.
    Revoke {
        /// The consent's id.
        id: ConsentId,
        /// The day the client revoked it, YYYY-MM-DD [default: today].
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
        /// How the client said so: a UTF-8 file, or -.
        #[arg(long, value_name = "FILE")]
        note_file: Option<PathBuf>,
    },
    /// List a client's consents, newest first: id, state today, recipient, parts.
    List {
        /// The client.
        #[arg(long, value_name = "ID")]
        client: ClientId,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

pub async fn run(
    vault: &Vault,
    command: ConsentCommand,
    language: Language,
) -> Result<(), CliError> {
    match command {
        ConsentCommand::Sheet { terms, lang } => {
            let lang = lang.unwrap_or(match language {
                Language::Ja => SheetLanguage::Ja,
                Language::En => SheetLanguage::En,
            });
            let input = terms.input(ObtainedBy::Written, None)?;
            let sheet = consent::sheet(vault, &input, lang).await?;
            let mut text = format!("{}\n", sheet.title);
            for section in &sheet.sections {
                text.push_str(&format!("\n■ {}\n", section.heading));
                for line in &section.lines {
                    text.push_str(&format!("・{line}\n"));
                }
            }
            text.push('\n');
            for line in &sheet.signature {
                text.push_str(&format!("{line}\n"));
            }
            output::text(&text)
        }
        ConsentCommand::Grant {
            terms,
            obtained,
            note_file,
        } => {
            input::at_most_one_stdin(&[Some(&terms.purpose_file), note_file.as_deref()])?;
            let note = note_file.as_deref().map(input::read_text).transpose()?;
            let granted = consent::grant(vault, &terms.input(obtained, note)?).await?;
            output::line(&granted.id.to_string())
        }
        ConsentCommand::Revoke { id, on, note_file } => {
            let input = RevocationInput {
                revoked_on: on.unwrap_or_else(|| calendar::today().to_string()),
                note: note_file.as_deref().map(input::read_text).transpose()?,
            };
            consent::revoke(vault, id, &input).await?;
            Ok(())
        }
        ConsentCommand::List { client, json } => {
            let consents = consent::list(vault, client).await?;
            if json {
                return output::json(&consents);
            }
            let today = calendar::today();
            let rows: Vec<String> = consents
                .iter()
                .map(|consent| {
                    let mut covered: Vec<String> = consent
                        .parts
                        .iter()
                        .map(|part| messages::share_part(language, part.as_str()))
                        .collect();
                    covered.extend(consent.flag_ids.iter().map(|id| format!("flag {id}")));
                    output::row(&[
                        consent.id.to_string(),
                        output::wire(&consent.state_on(today)),
                        output::wire(&consent.recipient_kind),
                        consent.recipient_name.clone(),
                        consent.granted_on.to_string(),
                        output::optional(consent.expires_on),
                        covered.join("・"),
                    ])
                })
                .collect();
            output::lines(&rows)
        }
    }
}
