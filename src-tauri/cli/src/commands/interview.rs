//! `kizuki interview …`: interviews, their notes, their sheets and their amendments.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use clap::Subcommand;
use kizuki_core::ids::{ClientId, InterviewId, ProgramId, SheetSectionId};
use kizuki_core::interview::topics::{self, IssueCategory, Theme, Topics};
use kizuki_core::interview::{
    self, history, InterviewDetails, InterviewKind, NewInterview, Place, Revision,
};
use kizuki_core::preferences::Language;
use kizuki_core::record::{self, Field};
use kizuki_core::sheet::{self, SheetSection};
use kizuki_core::vault::Vault;
use kizuki_core::{client, program};

use crate::args::choice;
use crate::error::CliError;
use crate::input::{self, Absent, Shape};
use crate::{messages, output};

/// The JSON of `edit --from-file`, the core's `InterviewDetails`.
const DETAILS: Shape = Shape(&[
    ("programId", Absent::Null),
    ("kind", Absent::Required),
    ("scheduledAt", Absent::Null),
    ("heldAt", Absent::Null),
    ("durationMinutes", Absent::Null),
    ("place", Absent::Null),
    ("purpose", Absent::Null),
    ("theme", Absent::Null),
    ("followUpDueOn", Absent::Null),
]);

pub const KINDS: &[&str] = &[
    "initial",
    "follow_up",
    "additional",
    "boss_consultation",
    "supervision",
];
pub const PLACES: &[&str] = &["online", "in_person"];
pub const THEMES: &[&str] = &[
    "career_direction",
    "skills",
    "job_content",
    "relationships",
    "boss",
    "placement",
    "evaluation",
    "work_life",
    "health",
    "later_career",
];
pub const ISSUES: &[&str] = &[
    "management",
    "communication",
    "workload",
    "evaluation_system",
    "development",
    "career_path",
    "flexible_work",
    "direction",
];

#[derive(Subcommand)]
pub enum InterviewCommand {
    /// Add an interview (its sheet is copied from the program's template) and print its id.
    Add {
        /// The client interviewed.
        #[arg(long, value_name = "ID")]
        client: ClientId,
        /// The program it belongs to, one of the client's company.
        #[arg(long, value_name = "ID")]
        program: Option<ProgramId>,
        /// Its kind.
        #[arg(long, value_parser = choice::<InterviewKind>(KINDS))]
        kind: InterviewKind,
        /// When it is planned: YYYY-MM-DD or YYYY-MM-DDTHH:MM.
        #[arg(long, value_name = "AT", required_unless_present = "held")]
        scheduled: Option<String>,
        /// When it was held, in the same forms: the interview is then held.
        #[arg(long, value_name = "AT")]
        held: Option<String>,
        /// How long it lasts, in minutes.
        #[arg(long, value_name = "MINUTES")]
        duration: Option<u32>,
        /// Online or in person.
        #[arg(long, value_parser = choice::<Place>(PLACES))]
        place: Option<Place>,
        /// Its purpose.
        #[arg(long)]
        purpose: Option<String>,
        /// Its theme.
        #[arg(long)]
        theme: Option<String>,
        /// When the next interview is due: YYYY-MM-DD (left out, the program's follow-up rule
        /// sets it once the interview is held).
        #[arg(long, value_name = "DATE")]
        follow_up_due: Option<String>,
        /// A UTF-8 file with the notes, or - for standard input.
        #[arg(long, value_name = "FILE")]
        notes_file: Option<PathBuf>,
    },
    /// List a client's interviews, newest first.
    List {
        /// The client.
        #[arg(long, value_name = "ID")]
        client: ClientId,
        /// Print JSON instead of tab-separated lines.
        #[arg(long)]
        json: bool,
    },
    /// Show an interview and its notes (with --json, its sheet too).
    Show {
        /// The interview's id.
        id: InterviewId,
        /// Print JSON: {"interview": …, "sheet": […]}.
        #[arg(long)]
        json: bool,
    },
    /// Change an interview's details, mark it held, or replace its notes. Once it is held,
    /// changed notes are kept as amendments.
    Edit {
        /// The interview's id.
        id: InterviewId,
        #[command(flatten)]
        change: EditArgs,
    },
    /// The amendments of a held interview: each change with what it replaced, oldest first.
    History {
        /// The interview's id.
        id: InterviewId,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print the interview sheet, or write one section: --section N with --text-file
    /// (replace its text) or --append-file (file a passage under it).
    Sheet {
        /// The interview's id.
        id: InterviewId,
        /// Print JSON.
        #[arg(long, conflicts_with = "section")]
        json: bool,
        /// The section's number, as the sheet shows it.
        #[arg(long, value_name = "N", requires = "write")]
        section: Option<u32>,
        #[command(flatten)]
        write: SheetWrite,
    },
    /// What an interview was about, from fixed lists (the overall report counts these, never
    /// the notes): print it, or replace it with the --theme and --issue given.
    Topics {
        /// The interview's id.
        id: InterviewId,
        /// A theme the client brought; repeat for more.
        #[arg(long = "theme", value_parser = choice::<Theme>(THEMES))]
        themes: Vec<Theme>,
        /// An organisational issue it showed; repeat for more.
        #[arg(long = "issue", value_parser = choice::<IssueCategory>(ISSUES))]
        issues: Vec<IssueCategory>,
        /// Remove every theme and issue.
        #[arg(long, conflicts_with_all = ["themes", "issues"])]
        clear: bool,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(clap::Args)]
#[group(required = true, multiple = true)]
pub struct EditArgs {
    /// A JSON file of details, or - for standard input: {"programId": …, "kind": …,
    /// "scheduledAt": …, "heldAt": …, "durationMinutes": …, "place": …, "purpose": …,
    /// "theme": …}. The keys given replace the stored ones, the rest stay.
    #[arg(long, value_name = "FILE")]
    from_file: Option<PathBuf>,
    /// Mark it held at this time: YYYY-MM-DD or YYYY-MM-DDTHH:MM.
    #[arg(long, value_name = "AT", conflicts_with = "mark_held")]
    held: Option<String>,
    /// Mark it held when it was scheduled (or now, if it never was).
    #[arg(long)]
    mark_held: bool,
    /// Replace the notes with this UTF-8 file, or - for standard input.
    #[arg(long, value_name = "FILE")]
    notes_file: Option<PathBuf>,
}

#[derive(clap::Args)]
#[group(id = "write", multiple = false, requires = "section")]
pub struct SheetWrite {
    /// Replace the section's text with this UTF-8 file, or - for standard input.
    #[arg(long, value_name = "FILE")]
    text_file: Option<PathBuf>,
    /// Append this passage (a file, or - for standard input) under the section on a line
    /// of its own.
    #[arg(long, value_name = "FILE")]
    append_file: Option<PathBuf>,
}

pub async fn run(
    vault: &Vault,
    command: InterviewCommand,
    language: Language,
) -> Result<(), CliError> {
    match command {
        InterviewCommand::Add {
            client,
            program,
            kind,
            scheduled,
            held,
            duration,
            place,
            purpose,
            theme,
            follow_up_due,
            notes_file,
        } => {
            let notes = notes_file.as_deref().map(read_notes).transpose()?;
            let new_interview = NewInterview {
                client_id: client,
                details: InterviewDetails {
                    program_id: program,
                    kind,
                    scheduled_at: scheduled,
                    held_at: held,
                    duration_minutes: duration,
                    place,
                    purpose,
                    theme,
                    follow_up_due_on: follow_up_due,
                },
                notes,
            };
            let created = interview::create(vault, &new_interview).await?;
            output::line(&created.id.to_string())
        }
        InterviewCommand::List { client, json } => {
            let interviews = interview::list(vault, client).await?;
            if json {
                return output::json(&interviews);
            }
            let rows: Vec<String> = interviews
                .iter()
                .map(|row| {
                    output::row(&[
                        row.id.to_string(),
                        output::wire(&row.kind),
                        output::optional(row.scheduled_at.as_ref()),
                        output::optional(row.held_at.as_ref()),
                        row.notes_preview.clone(),
                    ])
                })
                .collect();
            output::lines(&rows)
        }
        InterviewCommand::Show { id, json } => show(vault, id, json).await,
        InterviewCommand::Edit { id, change } => edit(vault, id, change).await,
        InterviewCommand::Topics {
            id,
            themes,
            issues,
            clear,
            json,
        } => {
            let stored = if clear || !themes.is_empty() || !issues.is_empty() {
                topics::set(vault, id, &Topics { themes, issues }).await?
            } else {
                topics::get(vault, id).await?
            };
            if json {
                return output::json(&stored);
            }
            let mut lines: Vec<String> = stored
                .themes
                .iter()
                .map(|theme| output::row(&["theme", &output::wire(theme)]))
                .collect();
            lines.extend(
                stored
                    .issues
                    .iter()
                    .map(|issue| output::row(&["issue", &output::wire(issue)])),
            );
            output::lines(&lines)
        }
        InterviewCommand::History { id, json } => {
            let amendments = history::list(vault, id).await?;
            if json {
                return output::json(&amendments);
            }
            let sections: HashMap<SheetSectionId, SheetSection> = sheet::sections(vault, id)
                .await?
                .into_iter()
                .map(|section| (section.id, section))
                .collect();
            let mut lines = Vec::new();
            for amendment in &amendments {
                let what = match amendment.sheet_section_id.and_then(|id| sections.get(&id)) {
                    Some(section) => format!("{}. {}", section.position, title(section, language)),
                    None => "notes".to_owned(),
                };
                lines.push(output::row(&[
                    amendment.id.to_string(),
                    what,
                    amendment.started_at.to_rfc3339(),
                    amendment.changed_at.to_rfc3339(),
                ]));
                lines.push("before:".to_owned());
                lines.push(amendment.before.trim_end_matches('\n').to_owned());
                lines.push("after:".to_owned());
                lines.push(amendment.after.trim_end_matches('\n').to_owned());
            }
            output::lines(&lines)
        }
        InterviewCommand::Sheet {
            id,
            json,
            section,
            write,
        } => match section {
            Some(number) => write_section(vault, id, number, write).await,
            None => print_sheet(vault, id, json, language).await,
        },
    }
}

async fn show(vault: &Vault, id: InterviewId, json: bool) -> Result<(), CliError> {
    let shown = interview::get(vault, id).await?;
    if json {
        let sheet = sheet::sections(vault, id).await?;
        return output::json(&serde_json::json!({ "interview": shown, "sheet": sheet }));
    }
    let client = client::get(vault, shown.client_id).await?;
    let program = match shown.program_id {
        Some(program_id) => Some(program::get(vault, program_id).await?),
        None => None,
    };
    output::lines(&[
        output::pair("id", shown.id.to_string()),
        output::row(&["client".to_owned(), client.id.to_string(), client.name]),
        output::row(&[
            "program".to_owned(),
            output::optional(shown.program_id),
            output::optional(program.map(|program| program.name)),
        ]),
        output::pair("kind", output::wire(&shown.kind)),
        output::pair("scheduled", output::optional(shown.scheduled_at.as_ref())),
        output::pair("held", output::optional(shown.held_at.as_ref())),
        output::pair("duration", output::optional(shown.duration_minutes)),
        output::pair(
            "place",
            output::optional(shown.place.as_ref().map(output::wire)),
        ),
        output::pair("purpose", output::optional(shown.purpose.as_ref())),
        output::pair("theme", output::optional(shown.theme.as_ref())),
        output::pair("created", shown.created_at.to_rfc3339()),
        output::pair("updated", shown.updated_at.to_rfc3339()),
        String::new(),
        shown.notes,
    ])
}

/// Details, notes and the held time change in one transaction: a bad file or time writes
/// nothing.
async fn edit(vault: &Vault, id: InterviewId, change: EditArgs) -> Result<(), CliError> {
    input::at_most_one_stdin(&[change.from_file.as_deref(), change.notes_file.as_deref()])?;
    let details = change
        .from_file
        .as_deref()
        .map(input::read_object)
        .transpose()?;
    let notes = change.notes_file.as_deref().map(read_notes).transpose()?;
    let details = match details {
        Some(details) => {
            let stored = interview::get(vault, id).await?;
            Some(input::into_input(DETAILS.overlay(&stored, details)?)?)
        }
        None => None,
    };
    let revision = Revision {
        details,
        notes,
        mark_held: (change.mark_held || change.held.is_some()).then_some(change.held),
    };
    interview::revise(vault, id, &revision).await?;
    Ok(())
}

async fn print_sheet(
    vault: &Vault,
    id: InterviewId,
    json: bool,
    language: Language,
) -> Result<(), CliError> {
    let sections = sheet::sections(vault, id).await?;
    if json {
        return output::json(&sections);
    }
    let mut lines = Vec::new();
    for section in &sections {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(format!(
            "{}. {}",
            section.position,
            title(section, language)
        ));
        if !section.text.is_empty() {
            lines.push(section.text.trim_end_matches('\n').to_owned());
        }
    }
    output::lines(&lines)
}

async fn write_section(
    vault: &Vault,
    id: InterviewId,
    number: u32,
    write: SheetWrite,
) -> Result<(), CliError> {
    let (file, append) = match (write.text_file, write.append_file) {
        (Some(file), _) => (file, false),
        (None, Some(file)) => (file, true),
        // clap requires one of the two with --section
        (None, None) => return Err(CliError::Internal),
    };
    let text = input::read_text(&file)?;
    let section = sheet::sections(vault, id)
        .await?
        .into_iter()
        .find(|section| section.position == number)
        .ok_or(CliError::UnknownSection(number))?;
    if append {
        sheet::capture(vault, section.id, &text).await?;
    } else {
        sheet::save_section(vault, section.id, &text).await?;
    }
    Ok(())
}

/// Notes as typed, refused before anything is written when the core would refuse them.
fn read_notes(path: &Path) -> Result<String, CliError> {
    let notes = input::read_text(path)?;
    if notes.chars().count() > interview::MAX_NOTES_CHARS {
        return Err(record::Error::TooLong(Field::Notes).into());
    }
    Ok(notes)
}

fn title(section: &SheetSection, language: Language) -> String {
    messages::section_title(section.key.as_deref(), section.title.as_deref(), language)
}
