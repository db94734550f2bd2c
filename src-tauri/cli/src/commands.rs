//! Each subcommand: resolve the vault, call the core, print the result.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use kizuki_core::client::{self, NewClient};
use kizuki_core::preferences::Language;
use kizuki_core::session::{self, NewSession};
use kizuki_core::vault::Vault;
use secrecy::ExposeSecret;

use crate::args::{Cli, ClientCommand, Command, SessionCommand};
use crate::error::CliError;
use crate::messages;
use crate::passphrase::{self, Purpose};

/// Runs one invocation; `language` is the one `main` resolved for its error messages.
pub async fn run(cli: Cli, language: Language) -> Result<(), CliError> {
    let dir = kizuki_core::data_dir::resolve(cli.data_dir.clone())?;
    let passphrase_file = cli.passphrase_file.as_deref();
    match cli.command {
        Command::Init => init(&dir, passphrase_file, language).await,
        Command::Client(command) => {
            let vault = unlock(&dir, passphrase_file).await?;
            let outcome = run_client(&vault, command).await;
            vault.lock().await;
            outcome
        }
        Command::Session(command) => {
            let vault = unlock(&dir, passphrase_file).await?;
            let outcome = run_session(&vault, command).await;
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
    print_line(recovery_key.expose_text().expose_secret())
}

async fn unlock(dir: &Path, passphrase_file: Option<&Path>) -> Result<Vault, CliError> {
    let passphrase = passphrase::obtain(passphrase_file, Purpose::Unlock)?;
    Ok(Vault::unlock(dir, &passphrase).await?)
}

async fn run_client(vault: &Vault, command: ClientCommand) -> Result<(), CliError> {
    match command {
        ClientCommand::Add {
            name,
            kana,
            company,
            department,
        } => {
            let new_client = NewClient {
                name,
                name_kana: kana,
                company,
                department,
            };
            let created = client::create(vault, &new_client).await?;
            print_line(&created.id.to_string())
        }
        ClientCommand::List { json } => {
            let clients = client::list(vault).await?;
            if json {
                return print_json(&clients);
            }
            let lines: Vec<String> = clients
                .iter()
                .map(|c| {
                    let optional = |field: &Option<String>| field.clone().unwrap_or_default();
                    format!(
                        "{}\t{}\t{}\t{}\t{}",
                        c.id,
                        c.name,
                        c.name_kana,
                        optional(&c.company),
                        optional(&c.department)
                    )
                })
                .collect();
            print_lines(&lines)
        }
    }
}

async fn run_session(vault: &Vault, command: SessionCommand) -> Result<(), CliError> {
    match command {
        SessionCommand::Add {
            client_id,
            date,
            notes_file,
        } => {
            let notes = read_notes(&notes_file)?;
            let created = session::create(
                vault,
                &NewSession {
                    client_id,
                    held_on: date,
                    notes,
                },
            )
            .await?;
            print_line(&created.id.to_string())
        }
        SessionCommand::Show { id, json } => {
            let shown = session::get(vault, id).await?;
            if json {
                return print_json(&shown);
            }
            print_lines(&[
                format!("id\t{}", shown.id),
                format!("client\t{}", shown.client_id),
                format!("date\t{}", shown.held_on),
                format!("updated\t{}", shown.updated_at.to_rfc3339()),
                String::new(),
                shown.notes,
            ])
        }
    }
}

fn read_notes(path: &PathBuf) -> Result<String, CliError> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(CliError::UnreadableFile)?;
    } else {
        bytes = std::fs::read(path).map_err(CliError::UnreadableFile)?;
    }
    String::from_utf8(bytes).map_err(|_| CliError::NotUtf8)
}

fn print_json<T: serde::Serialize>(value: &T) -> Result<(), CliError> {
    let json = serde_json::to_string_pretty(value).map_err(|e| CliError::Output(e.into()))?;
    print_line(&json)
}

fn print_line(line: &str) -> Result<(), CliError> {
    print_lines(&[line])
}

fn print_lines<S: AsRef<str>>(lines: &[S]) -> Result<(), CliError> {
    let mut stdout = std::io::stdout().lock();
    for line in lines {
        writeln!(stdout, "{}", line.as_ref()).map_err(CliError::Output)?;
    }
    stdout.flush().map_err(CliError::Output)
}
