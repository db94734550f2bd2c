//! Dates and times as the consultant types them, checked strictly.
//!
//! Interview times are local wall-clock times (the consultant's and the client's, who meet in
//! one place or one call), kept as text in one of two canonical forms, `YYYY-MM-DD` or
//! `YYYY-MM-DDTHH:MM`, which sort correctly as text whether or not the time is known.

use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::record::{Error, Field, Result};

/// The years a record can plausibly be in; also keeps dates sorting correctly as text.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

/// Parses a `YYYY-MM-DD` date strictly: ten ASCII characters, digits and two dashes, a real
/// calendar date, a plausible year. chrono alone would also take signs and inner spaces.
pub fn parse_date(text: &str, field: Field) -> Result<NaiveDate> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::Required(field));
    }
    let well_formed = text.len() == 10
        && text.bytes().enumerate().all(|(i, byte)| match i {
            4 | 7 => byte == b'-',
            _ => byte.is_ascii_digit(),
        });
    if !well_formed {
        return Err(Error::InvalidDate(field));
    }
    let date =
        NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| Error::InvalidDate(field))?;
    if !YEARS.contains(&date.year()) {
        return Err(Error::InvalidDate(field));
    }
    Ok(date)
}

/// An optional date: blank is absent.
pub fn parse_optional_date(text: Option<&str>, field: Field) -> Result<Option<NaiveDate>> {
    match text.map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => parse_date(text, field).map(Some),
    }
}

/// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DD HH:MM` into the canonical text.
pub fn parse_moment(text: &str, field: Field) -> Result<String> {
    let text = text.trim();
    let (date, time) = match text.len() {
        10 => (text, None),
        16 if matches!(text.as_bytes()[10], b'T' | b' ') => (&text[..10], Some(&text[11..])),
        _ => return Err(Error::InvalidDate(field)),
    };
    let date = parse_date(date, field)?;
    match time {
        None => Ok(date.format("%Y-%m-%d").to_string()),
        Some(time) => {
            let well_formed = time.len() == 5
                && time.bytes().enumerate().all(|(i, byte)| match i {
                    2 => byte == b':',
                    _ => byte.is_ascii_digit(),
                });
            let time = well_formed
                .then(|| NaiveTime::parse_from_str(time, "%H:%M").ok())
                .flatten()
                .ok_or(Error::InvalidDate(field))?;
            Ok(format!(
                "{}T{}",
                date.format("%Y-%m-%d"),
                time.format("%H:%M")
            ))
        }
    }
}

/// An optional moment: blank is absent.
pub fn parse_optional_moment(text: Option<&str>, field: Field) -> Result<Option<String>> {
    match text.map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => parse_moment(text, field).map(Some),
    }
}

/// Whose calendar says what day it is: when a consent's last day ends, what is overdue, when
/// a record's keeping period runs out. Japan's, whatever the machine's clock is set to (a
/// laptop set to UTC would otherwise export on the day after a consent's last day in Japan),
/// unless the consultant's preferences say the machine's own.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum CalendarZone {
    /// Japan Standard Time (Asia/Tokyo: UTC+9, with no daylight saving).
    #[default]
    AsiaTokyo,
    /// The time zone the machine is set to.
    System,
}

/// The zone [`today`] follows in this process; set from the preferences at start.
static FOLLOWS_SYSTEM: AtomicBool = AtomicBool::new(false);

/// Makes [`today`] follow `zone` from now on (the front-ends call it with the preferences).
pub fn set_zone(zone: CalendarZone) {
    FOLLOWS_SYSTEM.store(zone == CalendarZone::System, Ordering::Relaxed);
}

/// The zone [`today`] follows.
pub fn zone() -> CalendarZone {
    if FOLLOWS_SYSTEM.load(Ordering::Relaxed) {
        CalendarZone::System
    } else {
        CalendarZone::AsiaTokyo
    }
}

/// The wall-clock time in `zone` at the instant `now`.
pub fn local_at(zone: CalendarZone, now: DateTime<Utc>) -> NaiveDateTime {
    match zone {
        // A fixed nine hours: Japan has kept no daylight saving since 1951.
        CalendarZone::AsiaTokyo => now.naive_utc() + TimeDelta::hours(9),
        CalendarZone::System => now.with_timezone(&chrono::Local).naive_local(),
    }
}

/// The consultant's date: the dashboard's "today", and the day consents are checked on.
pub fn today() -> NaiveDate {
    local_at(zone(), Utc::now()).date()
}

/// The consultant's wall-clock time now, to the minute, in the canonical form.
pub fn now_to_the_minute() -> String {
    local_at(zone(), Utc::now())
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

/// The day of a canonical moment (see [`parse_moment`]).
pub fn day_of(moment: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(moment.get(..10)?, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn japan_s_day_begins_at_fifteen_hundred_utc_whatever_the_machine_says() {
        use super::{local_at, CalendarZone};
        use chrono::{NaiveDate, TimeZone, Utc};
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let before = Utc.with_ymd_and_hms(2026, 12, 7, 14, 59, 59).single();
        let after = Utc.with_ymd_and_hms(2026, 12, 7, 15, 0, 0).single();
        let (Some(before), Some(after)) = (before, after) else {
            panic!("test instants");
        };
        assert_eq!(
            Some(local_at(CalendarZone::AsiaTokyo, before).date()),
            day(2026, 12, 7)
        );
        assert_eq!(
            Some(local_at(CalendarZone::AsiaTokyo, after).date()),
            day(2026, 12, 8)
        );
        // New Year's Eve at 15:00 UTC is already the next year in Japan.
        let new_year = Utc.with_ymd_and_hms(2026, 12, 31, 15, 0, 0).single();
        assert_eq!(
            new_year.map(|now| local_at(CalendarZone::AsiaTokyo, now).date()),
            day(2027, 1, 1)
        );
        // The machine's own zone is the machine's.
        assert_eq!(
            local_at(CalendarZone::System, after),
            after.with_timezone(&chrono::Local).naive_local()
        );
    }

    use super::*;

    #[test]
    fn parses_only_real_dates_in_iso_form() {
        assert_eq!(
            parse_date("2026-11-21", Field::StartsOn).ok(),
            NaiveDate::from_ymd_opt(2026, 11, 21)
        );
        for bad in [
            "2026-02-30",
            "2026/11/21",
            "21-11-2026",
            "2026-1-5",
            "明日",
            "2026-11-21x",
            "-001-01-01",
            "+202-01-01",
            "2026- 1- 5",
            "0000-01-01",
            "２０２６-１１-２１",
        ] {
            assert!(
                matches!(
                    parse_date(bad, Field::StartsOn),
                    Err(Error::InvalidDate(Field::StartsOn))
                ),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_blank_date_is_missing_rather_than_wrong() {
        assert!(matches!(
            parse_date("  ", Field::RaisedOn),
            Err(Error::Required(Field::RaisedOn))
        ));
    }

    #[test]
    fn moments_are_canonical_and_sort_as_text() {
        assert_eq!(
            parse_moment("2026-11-21 09:30", Field::HeldAt)
                .ok()
                .as_deref(),
            Some("2026-11-21T09:30")
        );
        assert_eq!(
            parse_moment(" 2026-11-21 ", Field::HeldAt).ok().as_deref(),
            Some("2026-11-21")
        );
        for bad in [
            "2026-11-21T24:00",
            "2026-11-21T9:30",
            "2026-11-21X09:30",
            "2026-11-21T09:3x",
        ] {
            assert!(parse_moment(bad, Field::HeldAt).is_err(), "{bad}");
        }
        let mut moments = ["2026-11-22", "2026-11-21T10:00", "2026-11-21"];
        moments.sort_unstable();
        assert_eq!(moments, ["2026-11-21", "2026-11-21T10:00", "2026-11-22"]);
        assert_eq!(
            parse_optional_moment(Some("  "), Field::HeldAt).ok(),
            Some(None)
        );
        assert_eq!(
            day_of("2026-11-21T10:00"),
            NaiveDate::from_ymd_opt(2026, 11, 21)
        );
        assert_eq!(day_of("2026-11"), None);
    }
}
