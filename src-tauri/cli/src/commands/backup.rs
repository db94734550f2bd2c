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
    /// The passphrase to encrypt to, from the first line of this file [default:
    /// KIZUKI_BACKUP_PASSPHRASE, else the vault's own passphrase].
    #[arg(long, value_name = "FILE", conflicts_with = "to")]
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
    let encryption = if args.to.is_empty() {
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

/// Restores into `dir`, which must not hold anything yet.
pub async fn restore(
    dir: &Path,
    passphrase_file: Option<&Path>,
    args: RestoreArgs,
) -> Result<(), CliError> {
    let vault_passphrase = passphrase::obtain(passphrase_file, Purpose::Unlock)?;
    let sealed = std::fs::read(&args.file).map_err(CliError::UnreadableFile)?;
    let restored = match &args.identity {
        Some(identity_file) => {
            let identities =
                age::IdentityFile::from_file(identity_file.to_string_lossy().into_owned())
                    .map_err(|_| CliError::NotAnIdentity)?
                    .into_identities()
                    .map_err(|_| CliError::NotAnIdentity)?;
            let identity = identities.first().ok_or(CliError::NotAnIdentity)?;
            backup::restore(
                &sealed,
                BackupKey::Identity(identity.as_ref()),
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
