//! `kizuki action …`: a client's action plan (アクションプラン), its SMART checks and progress.

use std::path::PathBuf;

use clap::Subcommand;
use kizuki_core::action_plan::{self, ActionItem, ActionItemInput, ActionStatus, ProgressInput};
use kizuki_core::calendar;
use kizuki_core::ids::{ActionItemId, ClientId, InterviewId};
use serde_json::Value;

use crate::args::choice;
use crate::error::CliError;
use crate::input::{self, Absent, Shape};
use crate::output;

/// The JSON of `add --from-file` and `edit --from-file`, the core's `ActionItemInput`.
const ITEM: Shape = Shape(&[
    ("clientId", Absent::Required),
    ("interviewId", Absent::Null),
    ("what", Absent::EmptyText),
    ("how", Absent::Null),
    ("dueOn", Absent::Null),
    ("smart", Absent::CoreDefault),
    ("status", Absent::Text("not_started")),
]);

const FROM_FILE_HELP: &str = "A JSON file, or - for standard input: {\"what\": …, \"how\": …, \
\"dueOn\": \"YYYY-MM-DD\", \"interviewId\": …, \"smart\": {\"specific\": true, \"measurable\": \
true, \"achievable\": true, \"related\": true, \"timeBound\": true}, \"status\": \"not_started\"}.";

pub const STATUSES: &[&str] = &["not_started", "in_progress", "done", "dropped"];

#[derive(Subcommand)]
pub enum ActionCommand {
    /// Record an item of a client's action plan and print its id.
    Add {
        /// The client.
        #[arg(long, value_name = "ID")]
        client: ClientId,
        #[arg(long, value_name = "FILE", help = FROM_FILE_HELP)]
        from_file: PathBuf,
    },
    /// List a client's items: open ones first, soonest due first.
    List {
        /// The client.
        #[arg(long, value_name = "ID")]
        client: ClientId,
        /// Print JSON (with each item's progress notes).
        #[arg(long)]
        json: bool,
    },
    /// Change an item: the keys in the file replace the stored ones, the rest stay.
    Edit {
        /// The item's id.
        id: ActionItemId,
        #[arg(long, value_name = "FILE", help = FROM_FILE_HELP)]
        from_file: PathBuf,
    },
    /// Add a dated progress note to an item, perhaps moving it to another status.
    Progress {
        /// The item's id.
        id: ActionItemId,
        /// The note: a UTF-8 file, or - for standard input.
        #[arg(long, value_name = "FILE")]
        note_file: PathBuf,
        /// The day it speaks of, YYYY-MM-DD [default: today].
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
        /// The interview it was written in.
        #[arg(long, value_name = "ID")]
        interview: Option<InterviewId>,
        /// The item's new status.
        #[arg(long, value_parser = choice::<ActionStatus>(STATUSES))]
        status: Option<ActionStatus>,
    },
}

pub async fn run(
    vault: &kizuki_core::vault::Vault,
    command: ActionCommand,
) -> Result<(), CliError> {
    match command {
        ActionCommand::Add { client, from_file } => {
            let mut object = input::read_object(&from_file)?;
            object.insert("clientId".to_owned(), Value::from(client.0));
            let item: ActionItemInput = input::into_input(ITEM.complete(object)?)?;
            let created = action_plan::create(vault, &item).await?;
            output::line(&created.id.to_string())
        }
        ActionCommand::List { client, json } => {
            let items = action_plan::list(vault, client).await?;
            if json {
                return output::json(&items);
            }
            let rows: Vec<String> = items.iter().map(row).collect();
            output::lines(&rows)
        }
        ActionCommand::Edit { id, from_file } => {
            let changes = input::read_object(&from_file)?;
            let stored = action_plan::get(vault, id).await?;
            let item: ActionItemInput = input::into_input(ITEM.overlay(&stored, changes)?)?;
            action_plan::update(vault, id, &item).await?;
            Ok(())
        }
        ActionCommand::Progress {
            id,
            note_file,
            on,
            interview,
            status,
        } => {
            let progress = ProgressInput {
                action_item_id: id,
                interview_id: interview,
                noted_on: on.unwrap_or_else(|| calendar::today().to_string()),
                note: input::read_text(&note_file)?,
                status,
            };
            action_plan::add_progress(vault, &progress).await?;
            Ok(())
        }
    }
}

/// id, status, due date, SMART (the letters ticked, `-` for each missing), what.
fn row(item: &ActionItem) -> String {
    let smart = [
        (item.smart.specific, 'S'),
        (item.smart.measurable, 'M'),
        (item.smart.achievable, 'A'),
        (item.smart.related, 'R'),
        (item.smart.time_bound, 'T'),
    ]
    .iter()
    .map(|(ticked, letter)| if *ticked { *letter } else { '-' })
    .collect::<String>();
    output::row(&[
        item.id.to_string(),
        output::wire(&item.status),
        output::optional(item.due_on),
        smart,
        item.what.lines().next().unwrap_or_default().to_owned(),
    ])
}
