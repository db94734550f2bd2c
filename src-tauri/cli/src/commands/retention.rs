//! `kizuki retention …`: the vault's retention period and the clients past it.

use std::path::PathBuf;

use clap::Subcommand;
use kizuki_core::retention::{self, KeepInput};
use kizuki_core::vault::Vault;
use kizuki_core::{calendar, ids::ClientId};

use crate::error::CliError;
use crate::{input, output};

#[derive(Subcommand)]
pub enum RetentionCommand {
    /// List the clients whose records have passed the period, for review.
    Due {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print the period in years, or set it.
    Years {
        /// The new period in years (1–50).
        years: Option<u32>,
    },
    /// Keep a client past the period, for a reason; they leave the list for a year.
    Keep {
        /// The client's id.
        id: ClientId,
        /// Why: a UTF-8 file, or - for standard input.
        #[arg(long, value_name = "FILE")]
        reason_file: PathBuf,
        /// The day of the decision, YYYY-MM-DD [default: today].
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
}

pub async fn run(vault: &Vault, command: RetentionCommand) -> Result<(), CliError> {
    match command {
        RetentionCommand::Due { json } => {
            let due = retention::due(vault, calendar::today()).await?;
            if json {
                return output::json(&due);
            }
            let rows: Vec<String> = due
                .iter()
                .map(|review| {
                    output::row(&[
                        review.client_id.to_string(),
                        review.client_name.clone(),
                        output::optional(review.last_interview_on),
                        format!("past since {}", review.past_since),
                        output::optional(review.kept.as_ref().map(|kept| kept.decided_on)),
                    ])
                })
                .collect();
            output::lines(&rows)
        }
        RetentionCommand::Years { years: None } => {
            output::line(&retention::years(vault).await?.to_string())
        }
        RetentionCommand::Years { years: Some(years) } => {
            retention::set_years(vault, years).await?;
            Ok(())
        }
        RetentionCommand::Keep {
            id,
            reason_file,
            on,
        } => {
            let input = KeepInput {
                client_id: id,
                reason: input::read_text(&reason_file)?,
                decided_on: on.unwrap_or_else(|| calendar::today().to_string()),
            };
            retention::keep(vault, &input).await?;
            Ok(())
        }
    }
}
