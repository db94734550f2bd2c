//! `kizuki preferences …`: the settings kept beside the vault, readable before it is unlocked.

use std::path::Path;

use clap::{Subcommand, ValueEnum};
use kizuki_core::calendar::CalendarZone;
use kizuki_core::preferences;

use crate::error::CliError;
use crate::output;

#[derive(Subcommand)]
pub enum PreferencesCommand {
    /// Print the preferences as JSON.
    Show,
    /// Print whose calendar says what day it is (when a consent's last day ends, what is
    /// overdue), or set it: Japan's (the default, whatever the machine's clock says) or the
    /// machine's own time zone.
    Calendar {
        /// The calendar to follow.
        zone: Option<Zone>,
    },
}

/// The calendars, named as the preferences file names them.
#[derive(Debug, Clone, Copy, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum Zone {
    /// Japan Standard Time (Asia/Tokyo).
    AsiaTokyo,
    /// The machine's own time zone.
    System,
}

impl From<Zone> for CalendarZone {
    fn from(zone: Zone) -> Self {
        match zone {
            Zone::AsiaTokyo => Self::AsiaTokyo,
            Zone::System => Self::System,
        }
    }
}

fn name(zone: CalendarZone) -> &'static str {
    match zone {
        CalendarZone::AsiaTokyo => "asia_tokyo",
        CalendarZone::System => "system",
    }
}

pub fn run(dir: &Path, command: PreferencesCommand) -> Result<(), CliError> {
    match command {
        PreferencesCommand::Show => output::json(&preferences::load(dir)),
        PreferencesCommand::Calendar { zone: None } => {
            output::line(name(preferences::load(dir).calendar))
        }
        PreferencesCommand::Calendar { zone: Some(zone) } => {
            let saved = preferences::set_calendar(dir, zone.into())?;
            output::line(name(saved.calendar))
        }
    }
}
