//! Each subcommand: resolve the vault, call the core, print the result.
//!
//! A command that writes calls the core once where it can, so that the core's transaction
//! makes it all or nothing. Where it needs several calls (an interview and its notes), it
//! reads and checks every input first, so that a bad file fails before anything is written.

pub mod action;
pub mod audit;
pub mod backup;
pub mod calendar;
pub mod client;
pub mod company;
pub mod consent;
pub mod dashboard;
pub mod export;
pub mod inbox;
pub mod interview;
pub mod key;
pub mod preferences;
pub mod program;
pub mod report;
pub mod retention;
pub mod search;

use std::path::Path;

use kizuki_core::instance::InstanceLock;
use kizuki_core::preferences::Language;
use kizuki_core::vault::Vault;
use secrecy::ExposeSecret;

use crate::args::{Cli, Command, RecordCommand};
use crate::error::CliError;
use crate::passphrase::{self, Purpose};
use crate::{messages, output};

/// Runs one invocation; `language` is the one `main` resolved for its messages.
pub async fn run(cli: Cli, language: Language) -> Result<(), CliError> {
    let dir = kizuki_core::data_dir::resolve(cli.data_dir.clone())?;
    // Before anything reads the calendar: a consent's last day is the consultant's.
    kizuki_core::preferences::apply(&dir);
    // Preferences sit beside the vault, not in it: read and set while the app runs too (the
    // app reads them at its next start).
    if let Command::Preferences(command) = cli.command {
        return preferences::run(&dir, command);
    }
    // Held until the command ends: one Kizuki at a time per vault.
    let _claim = InstanceLock::acquire(&dir)?;
    let passphrase_file = cli.passphrase_file.as_deref();
    match cli.command {
        Command::Init => init(&dir, passphrase_file, language).await,
        Command::Restore(args) => backup::restore(&dir, passphrase_file, args).await,
        Command::Recover(args) => key::recover(&dir, passphrase_file, args).await,
        Command::DiscardSetup => key::discard_setup(&dir),
        Command::Passphrase(command) => {
            key::change_passphrase(&dir, passphrase_file, command).await
        }
        Command::RecoveryKey(key::RecoveryKeyCommand::New) => {
            key::new_recovery_key(&dir, passphrase_file, language).await
        }
        Command::Rekey(args) => key::rekey(&dir, passphrase_file, args, language).await,
        // Answered before the lock, above.
        Command::Preferences(_) => Ok(()),
        Command::Records(command) => {
            let passphrase = passphrase::obtain(passphrase_file, Purpose::Unlock)?;
            let vault = Vault::unlock(&dir, &passphrase).await?;
            key::warn_about_health(&vault, language).await;
            let outcome = match command {
                RecordCommand::Company(command) => company::run(&vault, command).await,
                RecordCommand::Program(command) => program::run(&vault, command, language).await,
                RecordCommand::Client(command) => client::run(&vault, command).await,
                RecordCommand::Interview(command) => {
                    interview::run(&vault, command, language).await
                }
                RecordCommand::Action(command) => action::run(&vault, command).await,
                RecordCommand::Report(command) => report::run(&vault, command, language).await,
                RecordCommand::Consent(command) => consent::run(&vault, *command, language).await,
                RecordCommand::Export(command) => export::run(&vault, command).await,
                RecordCommand::Audit(command) => audit::run(&vault, command).await,
                RecordCommand::Backup(args) => backup::backup(&vault, &passphrase, args).await,
                RecordCommand::Provision(command) => audit::run_provision(&vault, command).await,
                RecordCommand::Dashboard { json } => dashboard::run(&vault, json).await,
                RecordCommand::Calendar { out } => calendar::run(&vault, out.as_deref()).await,
                RecordCommand::Retention(command) => retention::run(&vault, command).await,
                RecordCommand::Search { query, json } => search::run(&vault, &query, json).await,
                RecordCommand::Import { file } => inbox::import(&vault, &file).await,
                RecordCommand::Inbox(command) => inbox::run(&vault, command).await,
            };
            vault.lock().await;
            outcome
        }
    }
}

async fn init(
    dir: &Path,
    passphrase_file: Option<&Path>,
    language: Language,
) -> Result<(), CliError> {
    let passphrase = passphrase::obtain(passphrase_file, Purpose::Choose)?;
    let (vault, recovery_key) = Vault::create(dir, &passphrase).await?;
    vault.lock().await;
    eprintln!("{}", messages::recovery_key_instruction(language));
    output::line(recovery_key.expose_text().expose_secret())
}
