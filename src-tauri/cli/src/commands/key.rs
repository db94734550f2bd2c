//! The vault's keys from the command line: a new passphrase, a new recovery key, recovery
//! with the recovery key, and discarding a setup that never finished.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use kizuki_core::preferences::Language;
use kizuki_core::vault::{RecoveryFileState, RecoveryKey, Vault};
use secrecy::{ExposeSecret, SecretString};

use crate::error::CliError;
use crate::passphrase::{self, Purpose};
use crate::{messages, output};

/// The environment variable holding the new passphrase of `passphrase change`.
pub const NEW_PASSPHRASE_ENV_VAR: &str = "KIZUKI_NEW_PASSPHRASE";

#[derive(Subcommand)]
pub enum PassphraseCommand {
    /// Replace the passphrase: the current one (--passphrase-file, KIZUKI_PASSPHRASE or asked)
    /// is required; the new one comes from --new-passphrase-file, KIZUKI_NEW_PASSPHRASE, or is
    /// asked twice. The database is not rewritten; the old passphrase opens nothing afterwards.
    Change {
        /// The new passphrase, from the first line of this file.
        #[arg(long, value_name = "FILE")]
        new_passphrase_file: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
pub enum RecoveryKeyCommand {
    /// Issue a new recovery key (the passphrase is required) and print it, once. The old
    /// recovery key opens nothing afterwards.
    New,
}

#[derive(Args)]
pub struct RekeyArgs {
    /// Also replace the passphrase, with the first line of this file.
    #[arg(long, value_name = "FILE")]
    new_passphrase_file: Option<PathBuf>,
}

#[derive(Args)]
pub struct RecoverArgs {
    /// The recovery key, from this file.
    #[arg(long, value_name = "FILE")]
    recovery_key_file: PathBuf,
}

pub async fn change_passphrase(
    dir: &Path,
    passphrase_file: Option<&Path>,
    command: PassphraseCommand,
) -> Result<(), CliError> {
    let PassphraseCommand::Change {
        new_passphrase_file,
    } = command;
    let current = passphrase::obtain(passphrase_file, Purpose::Unlock)?;
    let vault = Vault::unlock(dir, &current).await?;
    let changed = async {
        let new_passphrase = passphrase::obtain_named(
            new_passphrase_file.as_deref(),
            NEW_PASSPHRASE_ENV_VAR,
            Purpose::Choose,
        )?;
        vault.change_passphrase(&current, &new_passphrase).await?;
        Ok(())
    }
    .await;
    vault.lock().await;
    changed
}

pub async fn new_recovery_key(
    dir: &Path,
    passphrase_file: Option<&Path>,
    language: Language,
) -> Result<(), CliError> {
    let current = passphrase::obtain(passphrase_file, Purpose::Unlock)?;
    let vault = Vault::unlock(dir, &current).await?;
    let issued = vault.new_recovery_key(&current).await;
    vault.lock().await;
    let recovery_key = issued?;
    eprintln!("{}", messages::recovery_key_instruction(language));
    output::line(recovery_key.expose_text().expose_secret())
}

/// Gives the database a new key and prints the new recovery key, once.
pub async fn rekey(
    dir: &Path,
    passphrase_file: Option<&Path>,
    args: RekeyArgs,
    language: Language,
) -> Result<(), CliError> {
    let current = passphrase::obtain(passphrase_file, Purpose::Unlock)?;
    let new_passphrase = args
        .new_passphrase_file
        .as_deref()
        .map(|file| passphrase::obtain_named(Some(file), NEW_PASSPHRASE_ENV_VAR, Purpose::Choose))
        .transpose()?;
    let vault = Vault::unlock(dir, &current).await?;
    let (vault, recovery_key) = match vault.rekey(&current, new_passphrase.as_ref()).await {
        Ok(done) => done,
        Err(failure) => {
            if let Some(vault) = failure.vault {
                vault.lock().await;
            }
            return Err(failure.error.into());
        }
    };
    vault.lock().await;
    eprintln!("{}", messages::recovery_key_instruction(language));
    output::line(recovery_key.expose_text().expose_secret())
}

/// Opens the vault with the recovery key and sets a new passphrase: what to do when the
/// passphrase is forgotten, or its file lost or damaged.
pub async fn recover(
    dir: &Path,
    passphrase_file: Option<&Path>,
    args: RecoverArgs,
) -> Result<(), CliError> {
    let recovery_key = recovery_key_from(&args.recovery_key_file)?;
    let new_passphrase = passphrase::obtain(passphrase_file, Purpose::Choose)?;
    Vault::recover(dir, &recovery_key, &new_passphrase)
        .await?
        .lock()
        .await;
    Ok(())
}

/// The recovery key in `file`, as written down (spaces and line breaks allowed). The file's
/// text is a secret from the moment it is read.
pub fn recovery_key_from(file: &Path) -> Result<RecoveryKey, CliError> {
    let text = SecretString::from(std::fs::read_to_string(file).map_err(CliError::UnreadableFile)?);
    Ok(RecoveryKey::parse(&text)?)
}

pub fn discard_setup(dir: &Path) -> Result<(), CliError> {
    Vault::discard_interrupted_setup(dir)?;
    Ok(())
}

/// Tells the consultant, on standard error, when the recovery file is not the one written
/// (the day it is needed is too late to find out) or the directory is open to others.
pub async fn warn_about_health(vault: &Vault, language: Language) {
    let Ok(health) = vault.health().await else {
        return;
    };
    if let state @ (RecoveryFileState::Missing | RecoveryFileState::Damaged) = health.recovery_file
    {
        eprintln!(
            "kizuki: {}",
            messages::recovery_file_warning(state, language)
        );
    }
    if health.directory_open_to_others {
        eprintln!("kizuki: {}", messages::open_directory_warning(language));
    }
}
