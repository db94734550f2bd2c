//! The command line, as clap parses it.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

// No `Debug` on these types: they hold client names and would print them.

/// Kizuki without a window: the same vault, the same core calls.
#[derive(Parser)]
#[command(name = "kizuki", version, about)]
pub struct Cli {
    /// The vault's data directory [default: the platform's app-data dir].
    #[arg(long, global = true, env = kizuki_core::data_dir::ENV_VAR, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Read the passphrase from the first line of this file instead of KIZUKI_PASSPHRASE or a prompt.
    #[arg(long, global = true, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Create the vault and print its recovery key, once.
    Init,
    /// Clients (相談者).
    #[command(subcommand)]
    Client(ClientCommand),
    /// Sessions (面談).
    #[command(subcommand)]
    Session(SessionCommand),
}

#[derive(Subcommand)]
pub enum ClientCommand {
    /// Add a client and print its id.
    Add {
        /// The client's name.
        #[arg(long)]
        name: String,
        /// The name's reading in kana (furigana).
        #[arg(long)]
        kana: String,
        /// The client company.
        #[arg(long)]
        company: Option<String>,
        /// The department.
        #[arg(long)]
        department: Option<String>,
    },
    /// List clients, sorted by reading.
    List {
        /// Print JSON instead of tab-separated lines.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum SessionCommand {
    /// Add a session to a client and print its id.
    Add {
        /// The client's id.
        #[arg(long = "client", value_name = "ID")]
        client_id: i64,
        /// The day of the session, YYYY-MM-DD.
        #[arg(long)]
        date: String,
        /// A UTF-8 file with the notes, or - for standard input.
        #[arg(long, value_name = "FILE")]
        notes_file: PathBuf,
    },
    /// Show one session.
    Show {
        /// The session's id.
        id: i64,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}
