//! `kizuki audit …` and `kizuki provision list`: the audit log, its chain, and the record of
//! every provision to a third party.

use clap::Subcommand;
use kizuki_core::audit::{self, Verdict};
use kizuki_core::provision;
use kizuki_core::vault::Vault;

use crate::error::CliError;
use crate::output;

#[derive(Subcommand)]
pub enum AuditCommand {
    /// List the log, newest first: number, time, action, records concerned.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Check the whole chain: fails, naming the first entry that does not hold, if an entry
    /// was changed or removed; naming what lacks its entry if the newest were removed; naming
    /// the consents and provision records that differ from what their entries recorded.
    /// Prints the number of entries and the chain's head (note it down to anchor the log).
    Verify {
        /// A head written down earlier (a package's `auditHead`) that must be in the chain;
        /// repeat for more.
        #[arg(long = "head", value_name = "HASH")]
        heads: Vec<String>,
    },
}

#[derive(Subcommand)]
pub enum ProvisionCommand {
    /// List every provision to a third party, newest first.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

pub async fn run(vault: &Vault, command: AuditCommand) -> Result<(), CliError> {
    match command {
        AuditCommand::List { json } => {
            let entries = audit::list(vault).await?;
            if json {
                return output::json(&entries);
            }
            let rows: Vec<String> = entries
                .iter()
                .map(|entry| {
                    output::row(&[
                        entry.id.to_string(),
                        entry.at.to_rfc3339(),
                        output::wire(&entry.action),
                        entry.subject.clone(),
                        entry.detail.clone(),
                    ])
                })
                .collect();
            output::lines(&rows)
        }
        AuditCommand::Verify { heads } => match audit::verify_against(vault, &heads).await? {
            Verdict::Intact { entries, head } => output::line(&format!("ok\t{entries}\t{head}")),
            Verdict::Broken { at_entry } => Err(CliError::AuditChainBroken(at_entry)),
            Verdict::Incomplete { missing } => Err(CliError::AuditChainIncomplete(missing)),
            Verdict::Altered { records } => Err(CliError::AuditRecordsAltered(records)),
        },
    }
}

pub async fn run_provision(vault: &Vault, command: ProvisionCommand) -> Result<(), CliError> {
    match command {
        ProvisionCommand::List { json } => {
            let records = provision::list(vault).await?;
            if json {
                return output::json(&records);
            }
            let rows: Vec<String> = records
                .iter()
                .map(|record| {
                    output::row(&[
                        record.id.to_string(),
                        record.provided_at.to_rfc3339(),
                        record.recipient_kind.clone(),
                        record.recipient_name.clone(),
                        record.person.clone(),
                        record.items.join(","),
                        format!("KZC-{}", record.consent_id),
                        format!("keep until {}", record.keep_until),
                        match &record.sealed_for {
                            provision::Sealing::Passphrase => "sealed for a passphrase".to_owned(),
                            provision::Sealing::Keys { keys } => {
                                format!("sealed for {}", keys.join(", "))
                            }
                            provision::Sealing::Unrecorded => "sealing not recorded".to_owned(),
                        },
                    ])
                })
                .collect();
            output::lines(&rows)
        }
    }
}
