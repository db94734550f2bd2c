//! The follow-up dates as an iCalendar file for the consultant's own calendar.
//!
//! A calendar is synced to servers and shown on phones, so an event holds no client content:
//! a neutral title and Kizuki's own reference to the client (`KZ-<id>`), which means nothing
//! outside the vault. The consultant looks the reference up in Kizuki.

use chrono::{DateTime, Days, NaiveDate, Utc};

use std::path::{Path, PathBuf};

use crate::client;
use crate::fs_atomic;
use crate::ids::ClientId;
use crate::interview;
use crate::record::{Error, Result};
use crate::vault::Vault;

/// The last day a follow-up can fall on (see `calendar`'s plausible years).
const LAST_DAY: Option<NaiveDate> = NaiveDate::from_ymd_opt(2199, 12, 31);

/// What a client reference starts with.
pub const REFERENCE_PREFIX: &str = "KZ-";

/// Kizuki's reference to a client, shown on the client's page: an id, never a name.
pub fn reference(client_id: ClientId) -> String {
    format!("{REFERENCE_PREFIX}{}", client_id.0)
}

/// The file name [`save_follow_ups`] writes.
pub const FILE_NAME: &str = "kizuki-follow-ups.ics";

/// Writes [`follow_ups`] to [`FILE_NAME`] in `dir` (replacing an earlier export whole) and
/// returns its path. The file holds no client content, so it may live outside the vault.
pub async fn save_follow_ups(vault: &Vault, dir: &Path) -> Result<PathBuf> {
    let calendar = follow_ups(vault).await?;
    let path = dir.join(FILE_NAME);
    fs_atomic::write_file(&path, calendar.as_bytes()).map_err(Error::Storage)?;
    Ok(path)
}

/// [`save_follow_ups`] into the user's Downloads folder (else their home folder), for the
/// desktop app, whose UI never chooses paths itself.
pub async fn save_follow_ups_to_downloads(vault: &Vault) -> Result<PathBuf> {
    let dir = crate::data_dir::downloads().map_err(Error::Storage)?;
    save_follow_ups(vault, &dir).await
}

/// Every active client's due follow-up (overdue ones included) as a `VCALENDAR` of all-day
/// events.
pub async fn follow_ups(vault: &Vault) -> Result<String> {
    follow_ups_stamped(vault, Utc::now()).await
}

/// [`follow_ups`], stamped `now`.
pub async fn follow_ups_stamped(vault: &Vault, now: DateTime<Utc>) -> Result<String> {
    let mut tx = vault.read().await?;
    let last_day = LAST_DAY.unwrap_or(NaiveDate::MAX);
    let names = client::store::names(&mut tx).await?;
    let active = client::store::active(&names);
    let due =
        interview::store::follow_ups_due(&mut tx, last_day, crate::calendar::today(), &active)
            .await?;
    drop(tx);
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Kizuki//Follow-ups//JA".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
    ];
    for row in due {
        let reference = reference(row.client_id);
        lines.extend([
            "BEGIN:VEVENT".to_owned(),
            format!("UID:kizuki-follow-up-{}@kizuki.invalid", row.interview_id),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", row.due_on.format("%Y%m%d")),
            format!(
                "DTEND;VALUE=DATE:{}",
                (row.due_on + Days::new(1)).format("%Y%m%d")
            ),
            format!("SUMMARY:Kizuki フォローアップ面談 {reference}"),
            format!("DESCRIPTION:Kizukiで {reference} を開いてください。"),
            "TRANSP:TRANSPARENT".to_owned(),
            "END:VEVENT".to_owned(),
        ]);
    }
    lines.push("END:VCALENDAR".to_owned());
    // RFC 5545: lines end in CRLF.
    Ok(lines.iter().map(|line| format!("{line}\r\n")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::{InterviewDetails, NewInterview};
    use crate::test_support::fixtures::{self, client_input, details, TestResult};
    use crate::test_support::new_vault;

    #[tokio::test]
    async fn an_event_per_due_follow_up_with_no_client_content() -> TestResult {
        let dir = tempfile::tempdir()?;
        let (vault, _) = new_vault(dir.path()).await;
        let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
        let client = client::create(
            &vault,
            &client_input(company_id, "山田 太郎", "やまだ たろう"),
        )
        .await?;
        let interview = interview::create(
            &vault,
            &NewInterview {
                client_id: client.id,
                details: InterviewDetails {
                    held_at: Some("2026-11-20".into()),
                    follow_up_due_on: Some("2027-01-10".into()),
                    purpose: Some("異動の相談".into()),
                    ..details(None, "2026-11-20")
                },
                notes: Some("上司との関係".into()),
            },
        )
        .await?;
        let stamp = DateTime::parse_from_rfc3339("2026-11-23T09:30:00Z")?.with_timezone(&Utc);
        let ics = follow_ups_stamped(&vault, stamp).await?;
        let expected = format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Kizuki//Follow-ups//JA\r\n\
             CALSCALE:GREGORIAN\r\nBEGIN:VEVENT\r\n\
             UID:kizuki-follow-up-{}@kizuki.invalid\r\nDTSTAMP:20261123T093000Z\r\n\
             DTSTART;VALUE=DATE:20270110\r\nDTEND;VALUE=DATE:20270111\r\n\
             SUMMARY:Kizuki フォローアップ面談 KZ-{}\r\n\
             DESCRIPTION:Kizukiで KZ-{} を開いてください。\r\n\
             TRANSP:TRANSPARENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            interview.id, client.id, client.id
        );
        assert_eq!(ics, expected);
        for content in ["山田", "やまだ", "サンプル", "異動", "上司"] {
            assert!(!ics.contains(content), "{content}");
        }
        // RFC 5545 folds lines over 75 octets; none of ours is that long.
        assert!(ics.split("\r\n").all(|line| line.len() <= 75));
        let saved = save_follow_ups(&vault, dir.path()).await?;
        assert_eq!(saved, dir.path().join(FILE_NAME));
        assert!(std::fs::read_to_string(&saved)?.contains("DTSTART;VALUE=DATE:20270110"));
        vault.lock().await;
        Ok(())
    }
}
