//! `kizuki program …`: a company's programs, their HR contacts and sheet template.

use std::collections::HashMap;
use std::path::PathBuf;

use clap::Subcommand;
use kizuki_core::company;
use kizuki_core::ids::{CompanyId, ProgramId};
use kizuki_core::preferences::Language;
use kizuki_core::program::{self, ProgramInput};
use kizuki_core::sheet::{self, TemplateSection};
use kizuki_core::vault::Vault;
use serde_json::Value;

use crate::error::CliError;
use crate::input::{self, Absent, Shape};
use crate::{messages, output};

const CONTACT: Shape = Shape(&[
    ("name", Absent::EmptyText),
    ("role", Absent::Null),
    ("recipients", Absent::EmptyList),
]);

/// The JSON of `--from-file`, the core's `ProgramInput`.
const PROGRAM: Shape = Shape(&[
    ("companyId", Absent::Required),
    ("name", Absent::EmptyText),
    ("startsOn", Absent::EmptyText),
    ("endsOn", Absent::EmptyText),
    ("purpose", Absent::Null),
    ("theme", Absent::Null),
    ("anonymityK", Absent::Null),
    ("followUpAfterDays", Absent::Null),
    ("contacts", Absent::Items(&CONTACT)),
]);

const FROM_FILE_HELP: &str = "A JSON file, or - for standard input: {\"companyId\": 1, \
\"name\": …, \"startsOn\": \"2026-04-01\", \"endsOn\": \"2027-03-31\", \"purpose\": …, \
\"theme\": …, \"anonymityK\": 5, \"followUpAfterDays\": 90, \"contacts\": [{\"name\": …, \"role\": …, \"recipients\": \
[\"age1…\"]}]}. Keys left out are empty; --company fills companyId.";

#[derive(Subcommand)]
pub enum ProgramCommand {
    /// Add a program (its sheet template starts as the default) and print its id.
    Add {
        #[command(flatten)]
        input: ProgramArgs,
    },
    /// List programs, newest first.
    List {
        /// Only this company's.
        #[arg(long, value_name = "ID")]
        company: Option<CompanyId>,
        /// Print JSON instead of tab-separated lines.
        #[arg(long)]
        json: bool,
    },
    /// Show a program with its contacts and sheet template.
    Show {
        /// The program's id.
        id: ProgramId,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Change a program: the keys in the file replace the stored ones, the rest stay.
    Edit {
        /// The program's id.
        id: ProgramId,
        #[arg(long, value_name = "FILE", help = FROM_FILE_HELP)]
        from_file: PathBuf,
    },
    /// Print a program's sheet template, numbered, retired sections included.
    Template {
        /// The program's id.
        id: ProgramId,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(clap::Args)]
pub struct ProgramArgs {
    /// The company running it.
    #[arg(long, value_name = "ID", required_unless_present = "from_file")]
    company: Option<CompanyId>,
    /// e.g. 「2026年度 セルフ・キャリアドック」.
    #[arg(long, required_unless_present = "from_file")]
    name: Option<String>,
    /// First day, YYYY-MM-DD.
    #[arg(long, value_name = "DATE", required_unless_present = "from_file")]
    start: Option<String>,
    /// Last day, YYYY-MM-DD.
    #[arg(long, value_name = "DATE", required_unless_present = "from_file")]
    end: Option<String>,
    /// The purpose shared with employees in advance.
    #[arg(long)]
    purpose: Option<String>,
    /// The theme shared with employees in advance.
    #[arg(long)]
    theme: Option<String>,
    /// The overall report's anonymity threshold [default: 5].
    #[arg(long)]
    k: Option<u32>,
    /// The follow-up rule: the next interview is due this many days after one is held.
    #[arg(long, value_name = "DAYS")]
    follow_up_days: Option<u32>,
    #[arg(
        long,
        value_name = "FILE",
        help = FROM_FILE_HELP,
        conflicts_with_all = ["name", "start", "end", "purpose", "theme", "k", "follow_up_days"]
    )]
    from_file: Option<PathBuf>,
}

impl ProgramArgs {
    fn read(self) -> Result<ProgramInput, CliError> {
        let Some(file) = self.from_file else {
            return Ok(ProgramInput {
                // clap requires these without --from-file
                company_id: self.company.unwrap_or(CompanyId(0)),
                name: self.name.unwrap_or_default(),
                starts_on: self.start.unwrap_or_default(),
                ends_on: self.end.unwrap_or_default(),
                purpose: self.purpose,
                theme: self.theme,
                anonymity_k: self.k,
                follow_up_after_days: self.follow_up_days,
                contacts: Vec::new(),
            });
        };
        let mut object = input::read_object(&file)?;
        if let Some(company) = self.company {
            object.insert("companyId".to_owned(), Value::from(company.0));
        }
        input::into_input(PROGRAM.complete(object)?)
    }
}

pub async fn run(
    vault: &Vault,
    command: ProgramCommand,
    language: Language,
) -> Result<(), CliError> {
    match command {
        ProgramCommand::Add { input } => {
            let created = program::create(vault, &input.read()?).await?;
            output::line(&created.id.to_string())
        }
        ProgramCommand::List { company, json } => {
            let programs = program::list(vault, company).await?;
            if json {
                return output::json(&programs);
            }
            let companies: HashMap<CompanyId, String> = company::list(vault)
                .await?
                .into_iter()
                .map(|row| (row.company.id, row.company.name))
                .collect();
            let rows: Vec<String> = programs
                .iter()
                .map(|row| {
                    output::row(&[
                        row.id.to_string(),
                        row.name.clone(),
                        output::optional(companies.get(&row.company_id)),
                        format!("{}..{}", row.starts_on, row.ends_on),
                        format!("clients:{}", row.client_count),
                    ])
                })
                .collect();
            output::lines(&rows)
        }
        ProgramCommand::Show { id, json } => {
            let shown = program::get(vault, id).await?;
            if json {
                return output::json(&shown);
            }
            let company = company::get(vault, shown.company_id).await?;
            let template = sheet::template(vault, Some(id)).await?;
            let mut lines = vec![
                output::pair("id", shown.id.to_string()),
                output::row(&["company".to_owned(), company.id.to_string(), company.name]),
                output::pair("name", &shown.name),
                output::pair("starts", shown.starts_on.to_string()),
                output::pair("ends", shown.ends_on.to_string()),
                output::pair("purpose", output::optional(shown.purpose.as_ref())),
                output::pair("theme", output::optional(shown.theme.as_ref())),
                output::pair("k", shown.anonymity_k.to_string()),
                output::pair("created", shown.created_at.to_rfc3339()),
                output::pair("updated", shown.updated_at.to_rfc3339()),
                "contacts".to_owned(),
            ];
            for (number, contact) in (1..).zip(&shown.contacts) {
                let role = contact
                    .role
                    .as_ref()
                    .map(|role| format!(" ({role})"))
                    .unwrap_or_default();
                lines.push(format!("  {number}. {}{role}", contact.name));
                lines.extend(
                    contact
                        .recipients
                        .iter()
                        .map(|recipient| format!("     {recipient}")),
                );
            }
            lines.push("template".to_owned());
            lines.extend(
                template_lines(&template, language)
                    .into_iter()
                    .map(|line| format!("  {line}")),
            );
            output::lines(&lines)
        }
        ProgramCommand::Edit { id, from_file } => {
            let changes = input::read_object(&from_file)?;
            let stored = program::get(vault, id).await?;
            let edited = input::into_input(PROGRAM.overlay(&stored, changes)?)?;
            program::update(vault, id, &edited).await?;
            Ok(())
        }
        ProgramCommand::Template { id, json } => {
            let template = sheet::template(vault, Some(id)).await?;
            if json {
                return output::json(&template);
            }
            output::lines(&template_lines(&template, language))
        }
    }
}

/// `1. 現在の仕事・悩み`, one line a section, in order; a retired one says so.
fn template_lines(template: &[TemplateSection], language: Language) -> Vec<String> {
    template
        .iter()
        .map(|section| {
            let title =
                messages::section_title(section.key.as_deref(), section.title.as_deref(), language);
            let retired = if section.retired {
                messages::retired(language)
            } else {
                ""
            };
            format!("{}. {title}{retired}", section.position)
        })
        .collect()
}
