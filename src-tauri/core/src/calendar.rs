//! Dates and times as the consultant types them, checked strictly.
//!
//! Interview times are local wall-clock times (the consultant's and the client's, who meet in
//! one place or one call), kept as text in one of two canonical forms, `YYYY-MM-DD` or
//! `YYYY-MM-DDTHH:MM`, which sort correctly as text whether or not the time is known.

use chrono::{Datelike, NaiveDate, NaiveTime};

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

/// The consultant's local date: the dashboard's "today".
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The day of a canonical moment (see [`parse_moment`]).
pub fn day_of(moment: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(moment.get(..10)?, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
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
