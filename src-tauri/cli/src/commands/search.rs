//! `kizuki search QUERY`: the app's search box on the command line.

use kizuki_core::search::{self, HitKind};
use kizuki_core::vault::Vault;

use std::path::Path;

use crate::error::CliError;
use crate::{input, output};

/// Prints each client that has hits, then one line per hit: its date, kind, ids and snippet
/// with the matches in 【】.
pub async fn run(vault: &Vault, query: &str, json: bool) -> Result<(), CliError> {
    // A query may name a client: `-` keeps it out of the shell's history.
    let query = if input::is_stdin(Path::new(query)) {
        input::read_text(Path::new(query))?
    } else {
        query.to_owned()
    };
    let results = search::search(vault, &query).await?;
    if json {
        return output::json(&results);
    }
    let mut lines = Vec::new();
    for group in &results.groups {
        lines.push(output::row(&[
            format!("client:{}", group.client_id),
            group.client_name.clone(),
        ]));
        for hit in &group.hits {
            let snippet: String = hit
                .snippet
                .iter()
                .map(|part| {
                    if part.highlight {
                        format!("【{}】", part.text)
                    } else {
                        part.text.clone()
                    }
                })
                .collect();
            lines.push(output::row(&[
                String::new(),
                output::optional(hit.at.as_ref()),
                output::wire(&hit.kind),
                record(hit.kind, hit.record_id, hit.interview_id.map(|id| id.0)),
                snippet,
            ]));
        }
    }
    if results.truncated {
        lines.push(format!("… (the newest {} hits)", search::MAX_HITS));
    }
    output::lines(&lines)
}

/// Where a hit leads: the interview for anything written in one, else the record.
fn record(kind: HitKind, record_id: i64, interview_id: Option<i64>) -> String {
    match (kind, interview_id) {
        (HitKind::Client, _) => format!("client:{record_id}"),
        (HitKind::Interview | HitKind::SheetSection, Some(interview)) => {
            format!("interview:{interview}")
        }
        (HitKind::ActionItem | HitKind::ProgressNote, _) => format!("action:{record_id}"),
        (HitKind::Questionnaire, _) => format!("questionnaire:{record_id}"),
        (_, _) => format!("record:{record_id}"),
    }
}
