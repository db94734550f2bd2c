//! `kizuki client …`: the clients, within their companies and programs.

use std::collections::HashMap;
use std::path::PathBuf;

use clap::Subcommand;
use kizuki_core::client::{self, AgeBand, ClientFilter, ClientInput, ClientStatus};
use kizuki_core::erasure::{self, ErasureRequest};
use kizuki_core::ids::{ClientId, CompanyId, ProgramId};
use kizuki_core::vault::Vault;
use kizuki_core::{company, flag, program};
use serde_json::Value;

use crate::args::choice;
use crate::error::CliError;
use crate::input::{self, Absent, Shape};
use crate::output;

/// The JSON of `--from-file`, the core's `ClientInput`.
pub(crate) const CLIENT: Shape = Shape(&[
    ("companyId", Absent::Null),
    ("name", Absent::EmptyText),
    ("nameKana", Absent::EmptyText),
    ("employeeNumber", Absent::Null),
    ("department", Absent::Null),
    ("role", Absent::Null),
    ("ageBand", Absent::Null),
    ("yearsAtCompany", Absent::Null),
    ("jobContent", Absent::Null),
    ("desiredCareer", Absent::Null),
    ("tags", Absent::EmptyList),
    ("status", Absent::Text("active")),
    ("programIds", Absent::EmptyList),
]);

pub const AGE_BANDS: &[&str] = &["10s", "20s", "30s", "40s", "50s", "60s"];
pub const STATUSES: &[&str] = &["active", "closed"];

const FROM_FILE_HELP: &str = "A JSON file, or - for standard input: {\"companyId\": 1, \
\"name\": …, \"nameKana\": …, \"employeeNumber\": …, \"department\": …, \"role\": …, \
\"ageBand\": \"30s\", \"yearsAtCompany\": 8, \"jobContent\": …, \"desiredCareer\": …, \
\"tags\": […], \"status\": \"active\", \"programIds\": [1]}. Keys left out are empty; \
--company fills companyId.";

#[derive(Subcommand)]
pub enum ClientCommand {
    /// Add a client and print its id.
    Add {
        #[command(flatten)]
        input: Box<ClientArgs>,
    },
    /// List clients by reading (あいうえお順); ⚑N counts open flags.
    List {
        #[command(flatten)]
        filter: FilterArgs,
        /// Print JSON instead of tab-separated lines.
        #[arg(long)]
        json: bool,
    },
    /// Show one client.
    Show {
        /// The client's id.
        id: ClientId,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Change a client: the keys in the file replace the stored ones, the rest stay.
    Edit {
        /// The client's id.
        id: ClientId,
        #[arg(long, value_name = "FILE", help = FROM_FILE_HELP)]
        from_file: PathBuf,
    },
    /// Erase a client and everything that is theirs (interviews, sheets, questionnaires,
    /// action plans, flags, search entries), beyond recovery.
    Erase {
        /// The client's id.
        id: ClientId,
        /// The client's name, typed again to confirm: a UTF-8 file, or - for standard input.
        #[arg(long, value_name = "FILE")]
        confirm_file: PathBuf,
    },
}

#[derive(clap::Args)]
pub struct ClientArgs {
    /// The company the client works for.
    #[arg(long, value_name = "ID", required_unless_present = "from_file")]
    company: Option<CompanyId>,
    /// The client's name (prefer --from-file: a command line is kept in shell history).
    #[arg(long, required_unless_present = "from_file")]
    name: Option<String>,
    /// The name's reading in kana (furigana).
    #[arg(long, required_unless_present = "from_file")]
    kana: Option<String>,
    /// The employee number, unique within the company.
    #[arg(long)]
    employee_number: Option<String>,
    /// The department.
    #[arg(long)]
    department: Option<String>,
    /// The role or grade.
    #[arg(long)]
    role: Option<String>,
    /// The age band.
    #[arg(long, value_parser = choice::<AgeBand>(AGE_BANDS))]
    age_band: Option<AgeBand>,
    /// Whole years at the company.
    #[arg(long)]
    years: Option<u32>,
    /// A tag; repeat for several.
    #[arg(long = "tag", value_name = "TAG")]
    tags: Vec<String>,
    /// A program of the company the client takes part in; repeat for several.
    #[arg(long = "program", value_name = "ID")]
    programs: Vec<ProgramId>,
    /// Active or closed [default: active].
    #[arg(long, value_parser = choice::<ClientStatus>(STATUSES))]
    status: Option<ClientStatus>,
    #[arg(
        long,
        value_name = "FILE",
        help = FROM_FILE_HELP,
        conflicts_with_all = [
            "name", "kana", "employee_number", "department", "role", "age_band", "years",
            "tags", "programs", "status",
        ]
    )]
    from_file: Option<PathBuf>,
}

impl ClientArgs {
    fn read(self) -> Result<ClientInput, CliError> {
        let Some(file) = self.from_file else {
            return Ok(ClientInput {
                company_id: self.company,
                name: self.name.unwrap_or_default(),
                name_kana: self.kana.unwrap_or_default(),
                employee_number: self.employee_number,
                department: self.department,
                role: self.role,
                age_band: self.age_band,
                years_at_company: self.years,
                job_content: None,
                desired_career: None,
                tags: self.tags,
                status: self.status.unwrap_or_default(),
                program_ids: self.programs,
            });
        };
        let mut object = input::read_object(&file)?;
        if let Some(company) = self.company {
            object.insert("companyId".to_owned(), Value::from(company.0));
        }
        input::into_input(CLIENT.complete(object)?)
    }
}

#[derive(clap::Args)]
pub struct FilterArgs {
    /// Only this company's clients.
    #[arg(long, value_name = "ID")]
    company: Option<CompanyId>,
    /// Only clients of this program.
    #[arg(long, value_name = "ID")]
    program: Option<ProgramId>,
    /// Only this department (exact).
    #[arg(long)]
    department: Option<String>,
    /// Only active or only closed clients.
    #[arg(long, value_parser = choice::<ClientStatus>(STATUSES))]
    status: Option<ClientStatus>,
    /// Only clients with this tag.
    #[arg(long)]
    tag: Option<String>,
}

pub async fn run(vault: &Vault, command: ClientCommand) -> Result<(), CliError> {
    match command {
        ClientCommand::Add { input } => {
            let created = client::create(vault, &input.read()?).await?;
            output::line(&created.id.to_string())
        }
        ClientCommand::List { filter, json } => {
            let filter = ClientFilter {
                company_id: filter.company,
                program_id: filter.program,
                department: filter.department,
                status: filter.status,
                tag: filter.tag,
            };
            let clients = client::list(vault, &filter).await?;
            if json {
                return output::json(&clients);
            }
            let rows: Vec<String> = clients
                .iter()
                .map(|row| {
                    output::row(&[
                        row.id.to_string(),
                        row.name.clone(),
                        row.name_kana.clone(),
                        output::optional(row.company_name.as_ref()),
                        output::optional(row.department.as_ref()),
                        output::wire(&row.status),
                        open_flags(row.open_flag_count),
                    ])
                })
                .collect();
            output::lines(&rows)
        }
        ClientCommand::Show { id, json } => {
            let shown = client::get(vault, id).await?;
            if json {
                return output::json(&shown);
            }
            let company = match shown.company_id {
                Some(company_id) => Some(company::get(vault, company_id).await?),
                None => None,
            };
            let programs: HashMap<ProgramId, String> = program::list(vault, shown.company_id)
                .await?
                .into_iter()
                .map(|row| (row.id, row.name))
                .collect();
            let open = flag::list(vault, id)
                .await?
                .iter()
                .filter(|flag| flag.handled_on.is_none())
                .count();
            let mut lines = vec![
                output::pair("id", shown.id.to_string()),
                output::row(&[
                    "company".to_owned(),
                    output::optional(shown.company_id),
                    output::optional(company.map(|company| company.name)),
                ]),
                output::pair("name", &shown.name),
                output::pair("kana", &shown.name_kana),
                output::pair(
                    "employee_number",
                    output::optional(shown.employee_number.as_ref()),
                ),
                output::pair("department", output::optional(shown.department.as_ref())),
                output::pair("role", output::optional(shown.role.as_ref())),
                output::pair(
                    "age_band",
                    output::optional(shown.age_band.as_ref().map(output::wire)),
                ),
                output::pair("years", output::optional(shown.years_at_company)),
                output::pair("job_content", output::optional(shown.job_content.as_ref())),
                output::pair(
                    "desired_career",
                    output::optional(shown.desired_career.as_ref()),
                ),
                output::pair("tags", shown.tags.join(", ")),
                output::pair("status", output::wire(&shown.status)),
                output::pair("open_flags", open.to_string()),
            ];
            lines.extend(shown.program_ids.iter().map(|program_id| {
                output::row(&[
                    "program".to_owned(),
                    program_id.to_string(),
                    output::optional(programs.get(program_id)),
                ])
            }));
            lines.push(output::pair("created", shown.created_at.to_rfc3339()));
            lines.push(output::pair("updated", shown.updated_at.to_rfc3339()));
            output::lines(&lines)
        }
        ClientCommand::Edit { id, from_file } => {
            let changes = input::read_object(&from_file)?;
            let stored = client::get(vault, id).await?;
            let edited = input::into_input(CLIENT.overlay(&stored, changes)?)?;
            client::update(vault, id, &edited).await?;
            Ok(())
        }
        ClientCommand::Erase { id, confirm_file } => {
            let request = ErasureRequest {
                client_id: id,
                confirmation: input::read_text(&confirm_file)?,
            };
            erasure::erase_client(vault, &request).await?;
            Ok(())
        }
    }
}

/// Open flags need the consultant's attention wherever the client appears: `⚑2`.
fn open_flags(count: u32) -> String {
    if count > 0 {
        format!("⚑{count}")
    } else {
        String::new()
    }
}
