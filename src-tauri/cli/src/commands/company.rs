//! `kizuki company …`: the client companies.

use std::path::PathBuf;

use clap::Subcommand;
use kizuki_core::company::{self, CompanyInput};
use kizuki_core::ids::CompanyId;
use kizuki_core::vault::Vault;

use crate::error::CliError;
use crate::input::{self, Absent, Shape};
use crate::output;

/// The JSON of `--from-file`: `{"name": "株式会社サンプル"}`.
const COMPANY: Shape = Shape(&[("name", Absent::EmptyText)]);

#[derive(Subcommand)]
pub enum CompanyCommand {
    /// Add a company and print its id.
    Add {
        #[command(flatten)]
        input: CompanyArgs,
    },
    /// List companies by name, with how many programs and clients each has.
    List {
        /// Print JSON instead of tab-separated lines.
        #[arg(long)]
        json: bool,
    },
    /// Show one company.
    Show {
        /// The company's id.
        id: CompanyId,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Rename a company.
    Edit {
        /// The company's id.
        id: CompanyId,
        #[command(flatten)]
        input: CompanyArgs,
    },
}

#[derive(clap::Args)]
#[group(required = true, multiple = false)]
pub struct CompanyArgs {
    /// The company's name.
    #[arg(long)]
    name: Option<String>,
    /// A JSON file ({"name": …}), or - for standard input, instead of --name.
    #[arg(long, value_name = "FILE")]
    from_file: Option<PathBuf>,
}

impl CompanyArgs {
    fn read(self) -> Result<CompanyInput, CliError> {
        match (self.name, self.from_file) {
            (_, Some(file)) => input::into_input(COMPANY.complete(input::read_object(&file)?)?),
            (name, None) => Ok(CompanyInput {
                name: name.unwrap_or_default(),
            }),
        }
    }
}

pub async fn run(vault: &Vault, command: CompanyCommand) -> Result<(), CliError> {
    match command {
        CompanyCommand::Add { input } => {
            let created = company::create(vault, &input.read()?).await?;
            output::line(&created.id.to_string())
        }
        CompanyCommand::List { json } => {
            let companies = company::list(vault).await?;
            if json {
                return output::json(&companies);
            }
            let rows: Vec<String> = companies
                .iter()
                .map(|row| {
                    output::row(&[
                        row.company.id.to_string(),
                        row.company.name.clone(),
                        format!("programs:{}", row.program_count),
                        format!("clients:{}", row.client_count),
                    ])
                })
                .collect();
            output::lines(&rows)
        }
        CompanyCommand::Show { id, json } => {
            let shown = company::get(vault, id).await?;
            if json {
                return output::json(&shown);
            }
            let counts = company::list(vault)
                .await?
                .into_iter()
                .find(|row| row.company.id == id);
            output::lines(&[
                output::pair("id", shown.id.to_string()),
                output::pair("name", &shown.name),
                output::pair(
                    "programs",
                    output::optional(counts.as_ref().map(|row| row.program_count)),
                ),
                output::pair(
                    "clients",
                    output::optional(counts.as_ref().map(|row| row.client_count)),
                ),
                output::pair("created", shown.created_at.to_rfc3339()),
                output::pair("updated", shown.updated_at.to_rfc3339()),
            ])
        }
        CompanyCommand::Edit { id, input } => {
            company::update(vault, id, &input.read()?).await?;
            Ok(())
        }
    }
}
