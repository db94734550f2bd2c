//! `kizuki import FILE` and `kizuki inbox …`: a supervisor's comments, received read-only.

use std::path::Path;

use clap::Subcommand;
use kizuki_core::supervision::inbox::{self, ImportError};
use kizuki_core::vault::Vault;

use crate::error::CliError;
use crate::output;

#[derive(Subcommand)]
pub enum InboxCommand {
    /// Print the key (age1…) to give your supervisor: their comments are encrypted to it.
    Recipient,
    /// List what was received, newest first.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

pub async fn run(vault: &Vault, command: InboxCommand) -> Result<(), CliError> {
    match command {
        InboxCommand::Recipient => output::line(&inbox::recipient(vault).await?),
        InboxCommand::List { json } => {
            let items = inbox::list(vault).await?;
            if json {
                return output::json(&items);
            }
            let lines: Vec<String> = items
                .iter()
                .map(|item| {
                    output::row(&[
                        format!("KZI-{}", item.id),
                        item.written_on.clone(),
                        item.supervisor.clone(),
                        item.regarding.clone(),
                    ])
                })
                .collect();
            output::lines(&lines)
        }
    }
}

/// Imports a package into the inbox and prints its reference.
pub async fn import(vault: &Vault, file: &Path) -> Result<(), CliError> {
    let item = match inbox::import_file(vault, file).await {
        Err(ImportError::Read(error)) => return Err(CliError::UnreadableFile(error)),
        outcome => outcome?,
    };
    output::line(&format!("KZI-{}", item.id))
}
