//! `kizuki calendar`: the follow-up dates as an iCalendar file, with no client content.

use std::path::Path;

use kizuki_core::{ics, vault::Vault};

use crate::error::CliError;
use crate::output;

/// Prints the calendar, or writes it to `out`.
pub async fn run(vault: &Vault, out: Option<&Path>) -> Result<(), CliError> {
    let calendar = ics::follow_ups(vault).await?;
    match out {
        Some(path) => std::fs::write(path, calendar).map_err(CliError::Output),
        None => output::text(&calendar),
    }
}
