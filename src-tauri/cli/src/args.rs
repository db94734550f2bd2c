//! The command line, as clap parses it. Each area's subcommands live beside their handler in
//! `commands/`.

use std::path::PathBuf;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand};
use serde::de::DeserializeOwned;

use crate::commands::{
    action::ActionCommand,
    audit::{AuditCommand, ProvisionCommand},
    backup::{BackupArgs, RestoreArgs},
    client::ClientCommand,
    company::CompanyCommand,
    consent::ConsentCommand,
    export::ExportCommand,
    inbox::InboxCommand,
    interview::InterviewCommand,
    key::{PassphraseCommand, RecoverArgs, RecoveryKeyCommand, RekeyArgs},
    preferences::PreferencesCommand,
    program::ProgramCommand,
    report::ReportCommand,
    retention::RetentionCommand,
};

// No `Debug` on these types: they hold client names and would print them.

/// Kizuki without a window: the same vault, the same core calls.
///
/// Names, notes and sheet text can come from a file or standard input (`-`) instead of the
/// command line, where shell history would keep them.
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
    /// Restore a backup into the data directory (--data-dir), which must not hold anything:
    /// checked by opening it with the vault's passphrase of that day before it is put there.
    Restore(RestoreArgs),
    /// Open the vault with the recovery key and set a new passphrase (--passphrase-file,
    /// KIZUKI_PASSPHRASE, or asked twice): for a forgotten passphrase, or a passphrase file
    /// lost or damaged. The database and key.recovery.age are all it needs.
    Recover(RecoverArgs),
    /// Remove what a setup that stopped before it finished left behind (never a vault that
    /// finished its setup), so `init` can run again.
    DiscardSetup,
    /// The vault's passphrase.
    #[command(subcommand)]
    Passphrase(PassphraseCommand),
    /// The vault's recovery key.
    #[command(subcommand)]
    RecoveryKey(RecoveryKeyCommand),
    /// Give the database a new key, for when a passphrase, a recovery key or a backup may have
    /// been seen: the database is copied under the new key, the passphrase kept (or replaced
    /// by --new-passphrase-file), and a new recovery key printed, once. Afterwards no earlier
    /// key file, from a backup or anywhere, opens the database, with any secret.
    Rekey(RekeyArgs),
    /// The preferences kept beside the vault (the calendar Kizuki follows).
    #[command(subcommand)]
    Preferences(PreferencesCommand),
    #[command(flatten)]
    Records(RecordCommand),
}

/// The commands that need an unlocked vault.
#[derive(Subcommand)]
pub enum RecordCommand {
    /// Client companies (顧客企業).
    #[command(subcommand)]
    Company(CompanyCommand),
    /// Programs (実施プログラム), with their HR contacts and sheet template.
    #[command(subcommand)]
    Program(ProgramCommand),
    /// Clients (相談者).
    #[command(subcommand)]
    Client(ClientCommand),
    /// Interviews (面談), their notes, sheets and amendments.
    #[command(subcommand)]
    Interview(InterviewCommand),
    /// Action plans (アクションプラン): items, SMART checks, progress notes.
    #[command(subcommand)]
    Action(ActionCommand),
    /// Individual reports (個別報告書): drafted from the interviews, edited, with history.
    #[command(subcommand)]
    Report(ReportCommand),
    /// Consents (同意) to share: the explanation sheet, granting, revoking.
    #[command(subcommand)]
    Consent(Box<ConsentCommand>),
    /// Packages for third parties (age-encrypted), made only from what a consent covers.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Write a backup of the whole vault, age-encrypted (to the vault's passphrase unless told
    /// otherwise); prints the file's SHA-256.
    Backup(BackupArgs),
    /// The audit log of exports, consents and erasures, and its hash chain.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Import a package received from your supervisor (their comments) into the read-only
    /// inbox: it must be encrypted to your inbox key (`kizuki inbox recipient`).
    Import {
        /// The .age file.
        file: PathBuf,
    },
    /// The inbox of packages received: your key for them, and what came.
    #[command(subcommand)]
    Inbox(InboxCommand),
    /// The record of every provision to a third party (第三者提供の記録).
    #[command(subcommand)]
    Provision(ProvisionCommand),
    /// What needs you today: interviews this week, follow-ups due, open flags, overdue actions.
    Dashboard {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// The follow-up dates as an iCalendar (.ics) file: a neutral title and Kizuki's
    /// reference (KZ-<id>) only, no name or note.
    Calendar {
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Retention (保存期間): the period, the clients past it, decisions to keep them.
    #[command(subcommand)]
    Retention(RetentionCommand),
    /// Find clients, notes, sheets, questionnaires, action plans and reports holding every word.
    Search {
        /// The words (Japanese or English; 上司 and 鬱 work too), or - to read them from
        /// standard input.
        query: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Parses one of the core's enums by its wire name (`follow_up`, `30s` …); clap lists the
/// names in `--help` and in its error.
pub fn choice<T>(names: &'static [&'static str]) -> impl TypedValueParser<Value = T>
where
    T: DeserializeOwned + Clone + Send + Sync + 'static,
{
    PossibleValuesParser::new(names)
        .try_map(|name: String| serde_json::from_value::<T>(serde_json::Value::String(name)))
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;
    use kizuki_core::action_plan::ActionStatus;
    use kizuki_core::client::{AgeBand, ClientStatus};
    use kizuki_core::interview::{InterviewKind, Place};
    use serde::de::DeserializeOwned;

    use super::Cli;
    use crate::commands::{action, client, consent, interview, report};

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_choice_is_a_name_the_core_accepts() {
        fn accepts<T: DeserializeOwned>(names: &[&str]) {
            for name in names {
                let parsed = serde_json::from_value::<T>(serde_json::Value::from(*name));
                assert!(parsed.is_ok(), "{name}");
            }
        }
        accepts::<InterviewKind>(interview::KINDS);
        accepts::<Place>(interview::PLACES);
        accepts::<kizuki_core::interview::topics::Theme>(interview::THEMES);
        accepts::<kizuki_core::interview::topics::IssueCategory>(interview::ISSUES);
        // The fixed lists are whole: the report counts every member.
        assert_eq!(
            interview::THEMES.len(),
            kizuki_core::interview::topics::Theme::ALL.len()
        );
        assert_eq!(
            interview::ISSUES.len(),
            kizuki_core::interview::topics::IssueCategory::ALL.len()
        );
        accepts::<AgeBand>(client::AGE_BANDS);
        accepts::<ClientStatus>(client::STATUSES);
        accepts::<kizuki_core::report::ReportPart>(report::PARTS);
        accepts::<ActionStatus>(action::STATUSES);
        accepts::<kizuki_core::consent::SharePart>(consent::PARTS);
        accepts::<kizuki_core::consent::RecipientKind>(consent::RECIPIENT_KINDS);
        accepts::<kizuki_core::consent::ObtainedBy>(consent::OBTAINED);
    }
}
