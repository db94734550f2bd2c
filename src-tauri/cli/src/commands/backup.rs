//! `kizuki backup` and `kizuki restore`: the whole vault as one age file, and back into a new
//! data directory only after it opened and passed its check there.

use std::path::{Path, PathBuf};

use clap::Args;
use kizuki_core::backup::{self, BackupKey};
use kizuki_core::package::Encryption;
use kizuki_core::vault::Vault;
use secrecy::SecretString;

use crate::error::CliError;
use crate::output;
use crate::passphrase::{self, Purpose};

/// The environment variable holding a backup passphrase other than the vault's.
pub const PASSPHRASE_ENV_VAR: &str = "KIZUKI_BACKUP_PASSPHRASE";

#[derive(Args)]
pub struct BackupArgs {
    /// Encrypt to these age or SSH public keys (the recovery key's own, a second laptop's)
    /// instead of a passphrase; repeat for more.
    #[arg(long = "to", value_name = "KEY")]
    to: Vec<String>,
    /// Encrypt to the recovery key's public half: the recovery key alone then restores it,
    /// with a new passphrase (restore --recovery-key-file).
    #[arg(long, conflicts_with = "to")]
    to_recovery_key: bool,
    /// The passphrase to encrypt to, from the first line of this file [default:
    /// KIZUKI_BACKUP_PASSPHRASE, else the vault's own passphrase].
    #[arg(long, value_name = "FILE", conflicts_with_all = ["to", "to_recovery_key"])]
    backup_passphrase_file: Option<PathBuf>,
    /// ASCII-armored instead of binary.
    #[arg(long)]
    armor: bool,
    /// The file to create; an existing file is never overwritten.
    #[arg(short = 'o', long = "out", value_name = "FILE")]
    out: PathBuf,
}

#[derive(Args)]
pub struct RestoreArgs {
    /// The backup file.
    file: PathBuf,
    /// An age identity file (from age-keygen) for a backup encrypted to keys.
    #[arg(long, value_name = "FILE")]
    identity: Option<PathBuf>,
    /// The backup's passphrase, from the first line of this file [default:
    /// KIZUKI_BACKUP_PASSPHRASE, else the vault's passphrase].
    #[arg(long, value_name = "FILE", conflicts_with = "identity")]
    backup_passphrase_file: Option<PathBuf>,
    /// For a backup made with --to-recovery-key: the recovery key, from this file. The
    /// restored vault takes a new passphrase (from --passphrase-file, KIZUKI_PASSPHRASE, or
    /// asked twice).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["identity", "backup_passphrase_file"])]
    recovery_key_file: Option<PathBuf>,
}

/// The backup's passphrase: its own if one is given, else the vault's.
fn backup_passphrase(
    file: Option<&Path>,
    vault_passphrase: &SecretString,
) -> Result<SecretString, CliError> {
    if file.is_some() || std::env::var_os(PASSPHRASE_ENV_VAR).is_some() {
        return passphrase::obtain_named(file, PASSPHRASE_ENV_VAR, Purpose::Unlock);
    }
    Ok(vault_passphrase.clone())
}

pub async fn backup(
    vault: &Vault,
    vault_passphrase: &SecretString,
    args: BackupArgs,
) -> Result<(), CliError> {
    let encryption = if args.to_recovery_key {
        let recipient = backup::recovery_recipient(vault)
            .await?
            .ok_or(CliError::NoRecoveryRecipient)?;
        Encryption::Recipients(vec![recipient])
    } else if args.to.is_empty() {
        Encryption::Passphrase(backup_passphrase(
            args.backup_passphrase_file.as_deref(),
            vault_passphrase,
        )?)
    } else {
        Encryption::Recipients(args.to)
    };
    let written = backup::backup(vault, &encryption, args.armor, &args.out).await?;
    output::line(&written.sha256)
}

/// Every identity in an age identity file (from age-keygen), or the unencrypted SSH private
/// key it is.
fn identities_in(file: &Path) -> Result<Vec<Box<dyn age::Identity>>, CliError> {
    identities_from(&std::fs::read(file).map_err(CliError::UnreadableFile)?)
}

/// [`identities_in`], from the file's bytes.
pub(crate) fn identities_from(text: &[u8]) -> Result<Vec<Box<dyn age::Identity>>, CliError> {
    if let Ok(parsed) = age::IdentityFile::from_buffer(text) {
        if let Ok(identities) = parsed.into_identities() {
            if !identities.is_empty() {
                return Ok(identities
                    .into_iter()
                    .map(|identity| identity as Box<dyn age::Identity>)
                    .collect());
            }
        }
    }
    match age::ssh::Identity::from_buffer(text, None) {
        Ok(identity @ age::ssh::Identity::Unencrypted(_)) => Ok(vec![Box::new(identity)]),
        _ => Err(CliError::NotAnIdentity),
    }
}

/// Restores into `dir`, which must not hold anything yet.
pub async fn restore(
    dir: &Path,
    passphrase_file: Option<&Path>,
    args: RestoreArgs,
) -> Result<(), CliError> {
    if let Some(key_file) = &args.recovery_key_file {
        let recovery_key = super::key::recovery_key_from(key_file)?;
        let new_passphrase = passphrase::obtain(passphrase_file, Purpose::Choose)?;
        let sealed = std::fs::read(&args.file).map_err(CliError::UnreadableFile)?;
        let restored =
            backup::restore_with_recovery_key(&sealed, &recovery_key, &new_passphrase, dir).await?;
        return output::line(&restored.data_dir);
    }
    let vault_passphrase = passphrase::obtain(passphrase_file, Purpose::Unlock)?;
    let sealed = std::fs::read(&args.file).map_err(CliError::UnreadableFile)?;
    let restored = match &args.identity {
        Some(identity_file) => {
            let identities = identities_in(identity_file)?;
            let identities: Vec<&dyn age::Identity> = identities
                .iter()
                .map(|identity| identity.as_ref() as &dyn age::Identity)
                .collect();
            backup::restore(
                &sealed,
                BackupKey::Identities(&identities),
                &vault_passphrase,
                dir,
            )
            .await?
        }
        None => {
            let key = backup_passphrase(args.backup_passphrase_file.as_deref(), &vault_passphrase)?;
            backup::restore(&sealed, BackupKey::Passphrase(&key), &vault_passphrase, dir).await?
        }
    };
    output::line(&restored.data_dir)
}
