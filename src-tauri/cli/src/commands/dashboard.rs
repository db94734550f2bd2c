//! `kizuki dashboard`: what needs the consultant today, as the app's home screen shows it.

use kizuki_core::{calendar, dashboard, vault::Vault};

use crate::error::CliError;
use crate::output;

/// Prints the dashboard: one section per list, one tab-separated line per entry, each with
/// the ids the entry names.
pub async fn run(vault: &Vault, json: bool) -> Result<(), CliError> {
    let home = dashboard::home(vault, calendar::today()).await?;
    if json {
        return output::json(&home);
    }
    let mut lines = vec![
        output::pair("today", home.today.to_string()),
        "interviews".to_owned(),
    ];
    lines.extend(home.interviews.iter().map(|row| {
        output::row(&[
            row.at.clone(),
            format!("interview:{}", row.interview_id),
            format!("client:{}", row.client_id),
            row.client_name.clone(),
            output::wire(&row.kind),
            if row.held { "held" } else { "scheduled" }.to_owned(),
        ])
    }));
    lines.push("follow-ups".to_owned());
    lines.extend(home.follow_ups.iter().map(|row| {
        output::row(&[
            row.due_on.to_string(),
            format!("client:{}", row.client_id),
            row.client_name.clone(),
            if row.overdue { "overdue" } else { "due" }.to_owned(),
        ])
    }));
    lines.push("open flags".to_owned());
    lines.extend(home.open_flags.iter().map(|row| {
        output::row(&[
            row.raised_on.to_string(),
            format!("flag:{}", row.flag_id),
            format!("client:{}", row.client_id),
            row.client_name.clone(),
            output::wire(&row.kind),
        ])
    }));
    lines.push("overdue actions".to_owned());
    lines.extend(home.overdue_actions.iter().map(|row| {
        output::row(&[
            row.due_on.to_string(),
            format!("action:{}", row.action_item_id),
            format!("client:{}", row.client_id),
            row.client_name.clone(),
            row.what.lines().next().unwrap_or_default().to_owned(),
        ])
    }));
    output::lines(&lines)
}
