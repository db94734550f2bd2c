//! Where the CLI gets the passphrase: `--passphrase-file`, then `KIZUKI_PASSPHRASE`, then a
//! prompt on the terminal. Never from an argument, which would land in shell history.

use std::io::IsTerminal;
use std::path::Path;

use secrecy::{ExposeSecret, SecretString};

use crate::error::CliError;

/// The environment variable holding the passphrase, for automation.
pub const ENV_VAR: &str = "KIZUKI_PASSPHRASE";

/// Whether to ask once (unlock) or twice (choosing a new passphrase).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Unlock,
    Choose,
}

pub fn obtain(file: Option<&Path>, purpose: Purpose) -> Result<SecretString, CliError> {
    obtain_named(file, ENV_VAR, purpose)
}

/// A passphrase from `file`, else the variable `env_var`, else the terminal.
pub fn obtain_named(
    file: Option<&Path>,
    env_var: &str,
    purpose: Purpose,
) -> Result<SecretString, CliError> {
    if let Some(file) = file {
        let text =
            SecretString::from(std::fs::read_to_string(file).map_err(CliError::UnreadableFile)?);
        let first_line = text.expose_secret().lines().next().unwrap_or("").to_owned();
        return Ok(SecretString::from(first_line));
    }
    if let Some(value) = std::env::var_os(env_var) {
        return value
            .into_string()
            .map(SecretString::from)
            .map_err(|_| CliError::NoPassphrase);
    }
    let first = prompt("Passphrase / パスフレーズ: ")?;
    if purpose == Purpose::Choose {
        let again = prompt("Again / もう一度: ")?;
        if first.expose_secret() != again.expose_secret() {
            return Err(CliError::PassphraseMismatch);
        }
    }
    Ok(first)
}

fn prompt(label: &str) -> Result<SecretString, CliError> {
    // Prompt only when a person is at the keyboard: with input from a pipe or nothing at all
    // (CI, scripts), waiting for a passphrase would hang instead of failing clearly.
    if !std::io::stdin().is_terminal() {
        return Err(CliError::NoPassphrase);
    }
    rpassword::prompt_password(label)
        .map(SecretString::from)
        .map_err(|_| CliError::NoPassphrase)
}
