//! Preferences that are needed before the vault is unlocked, such as the display language.
//!
//! They are kept beside the vault in plain JSON because the unlock screen must already speak the
//! consultant's language. Nothing here may ever describe a client.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::calendar::{self, CalendarZone};
use crate::{fs_atomic, ErrorCode};

pub(crate) const PREFERENCES_FILE: &str = "preferences.json";

/// The languages Kizuki speaks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Japanese, the default.
    #[default]
    Ja,
    /// English, on request.
    En,
}

/// The consultant's preferences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Preferences {
    /// The display language.
    pub language: Language,
    /// Minutes without a key press or a click after which the app locks itself; a file from
    /// before the setting means the default.
    #[serde(default = "default_auto_lock_minutes")]
    pub auto_lock_minutes: u32,
    /// Whose calendar says what day it is (consents' last days, what is overdue); a file from
    /// before the setting means Japan's.
    #[serde(default)]
    pub calendar: CalendarZone,
}

/// Long enough for a pause in an interview, short enough for a laptop left in a meeting room.
pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 10;

/// The idle times the consultant may choose from: there is no "never".
pub const AUTO_LOCK_MINUTES: std::ops::RangeInclusive<u32> = 1..=120;

fn default_auto_lock_minutes() -> u32 {
    DEFAULT_AUTO_LOCK_MINUTES
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            language: Language::default(),
            auto_lock_minutes: DEFAULT_AUTO_LOCK_MINUTES,
            calendar: CalendarZone::default(),
        }
    }
}

/// What can go wrong saving preferences.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The preferences file could not be written.
    #[error("writing preferences failed")]
    Io(#[from] std::io::Error),
    /// An auto-lock time outside [`AUTO_LOCK_MINUTES`].
    #[error("the auto-lock time is outside its range")]
    AutoLockOutOfRange,
}

impl Error {
    /// The code front-ends translate for the user.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::Io(error) => ErrorCode::of_io(error),
            Self::AutoLockOutOfRange => ErrorCode::OutOfRange,
        }
    }

    /// The field at fault.
    pub fn field(&self) -> Option<crate::record::Field> {
        match self {
            Self::Io(_) => None,
            Self::AutoLockOutOfRange => Some(crate::record::Field::AutoLockMinutes),
        }
    }
}

/// The preferences module's result.
pub type Result<T, E = Error> = std::result::Result<T, E>;

fn file(dir: &Path) -> PathBuf {
    dir.join(PREFERENCES_FILE)
}

/// Loads the preferences; a missing or unreadable file means the defaults, and is left as it is.
pub fn load(dir: &Path) -> Preferences {
    std::fs::read(file(dir))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// Saves the preferences, creating the data directory if needed.
pub fn save(dir: &Path, preferences: &Preferences) -> Result<()> {
    fs_atomic::create_private_dir(dir)?;
    let json = serde_json::to_vec_pretty(preferences).map_err(std::io::Error::from)?;
    fs_atomic::write_file(&file(dir), &json)?;
    Ok(())
}

/// Changes the idle time before the app locks itself, keeping every other preference.
pub fn set_auto_lock(dir: &Path, minutes: u32) -> Result<Preferences> {
    if !AUTO_LOCK_MINUTES.contains(&minutes) {
        return Err(Error::AutoLockOutOfRange);
    }
    update(dir, |preferences| preferences.auto_lock_minutes = minutes)
}

/// Changes whose calendar says what day it is, keeping every other preference, and makes this
/// process follow it at once.
pub fn set_calendar(dir: &Path, zone: CalendarZone) -> Result<Preferences> {
    let saved = update(dir, |preferences| preferences.calendar = zone)?;
    calendar::set_zone(saved.calendar);
    Ok(saved)
}

/// Loads the preferences and makes this process's calendar follow them: what a front-end
/// calls once it knows the data directory.
pub fn apply(dir: &Path) -> Preferences {
    let preferences = load(dir);
    calendar::set_zone(preferences.calendar);
    preferences
}

/// Changes the display language, keeping every other preference, and returns the result.
pub fn set_language(dir: &Path, language: Language) -> Result<Preferences> {
    update(dir, |preferences| preferences.language = language)
}

/// Changes one preference, keeping every other, and returns the result.
fn update(dir: &Path, change: impl FnOnce(&mut Preferences)) -> Result<Preferences> {
    let mut preferences = load(dir);
    change(&mut preferences);
    save(dir, &preferences)?;
    Ok(preferences)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_to_japanese_and_round_trips_english() -> Result<()> {
        let dir = tempfile::tempdir()?;
        assert_eq!(load(dir.path()).language, Language::Ja);
        save(
            dir.path(),
            &Preferences {
                language: Language::En,
                ..Preferences::default()
            },
        )?;
        assert_eq!(load(dir.path()).language, Language::En);
        Ok(())
    }

    #[test]
    fn the_auto_lock_time_defaults_to_ten_minutes_and_stays_in_its_range() -> Result<()> {
        let dir = tempfile::tempdir()?;
        // A file written before the setting existed.
        std::fs::write(file(dir.path()), br#"{"language":"en"}"#)?;
        assert_eq!(load(dir.path()).auto_lock_minutes, 10);
        assert_eq!(load(dir.path()).language, Language::En);
        assert_eq!(set_auto_lock(dir.path(), 3)?.auto_lock_minutes, 3);
        assert_eq!(set_language(dir.path(), Language::Ja)?.auto_lock_minutes, 3);
        for refused in [0, 121] {
            assert!(matches!(
                set_auto_lock(dir.path(), refused),
                Err(Error::AutoLockOutOfRange)
            ));
        }
        assert_eq!(load(dir.path()).auto_lock_minutes, 3);
        Ok(())
    }

    #[test]
    fn the_calendar_is_japan_s_unless_the_preferences_say_the_machine_s() -> Result<()> {
        let dir = tempfile::tempdir()?;
        // A file written before the setting existed.
        std::fs::write(
            file(dir.path()),
            br#"{"language":"en","autoLockMinutes":5}"#,
        )?;
        assert_eq!(load(dir.path()).calendar, CalendarZone::AsiaTokyo);
        std::fs::write(
            file(dir.path()),
            br#"{"language":"en","autoLockMinutes":5,"calendar":"system"}"#,
        )?;
        assert_eq!(load(dir.path()).calendar, CalendarZone::System);
        // (Setting it changes this process's calendar, which other tests read: the CLI's tests
        // set it, each in a process of its own.)
        Ok(())
    }

    #[test]
    fn a_damaged_file_means_defaults_and_is_not_overwritten() -> Result<()> {
        let dir = tempfile::tempdir()?;
        std::fs::write(file(dir.path()), b"{not json")?;
        assert_eq!(load(dir.path()), Preferences::default());
        assert_eq!(std::fs::read(file(dir.path()))?, b"{not json");
        Ok(())
    }
}
