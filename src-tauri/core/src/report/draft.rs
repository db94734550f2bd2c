//! The first draft of a report, made from the client's held interviews in the program: each
//! part gathers, oldest interview first and headed by its date, what the sheets say under the
//! section the part corresponds to; the proposed support lists the open action items decided
//! in those interviews. Only interviews with the client count: a boss consultation or the
//! consultant's supervision is not the client's own account. The consultant rewrites the
//! draft; it only saves copying.

use std::collections::HashSet;

use sqlx::SqliteConnection;

use super::{ReportPart, ReportParts, MAX_PART_CHARS};
use crate::ids::{ClientId, ProgramId};
use crate::record::Result;
use crate::{action_plan, interview, sheet};

/// The part drafted from a section of the default template (sections the consultant added
/// under their own titles have no key, and are left to the consultant).
fn part_of_section(key: Option<&str>) -> Option<ReportPart> {
    match key? {
        "career_issues" => Some(ReportPart::CareerAwareness),
        "workplace" => Some(ReportPart::Workplace),
        "organisational_issues" => Some(ReportPart::Organisational),
        _ => None,
    }
}

/// Between passages of different interviews.
const PARAGRAPH: &str = "\n\n";
/// Between the items of a list.
const LINE: &str = "\n";

pub(super) async fn compose(
    conn: &mut SqliteConnection,
    client_id: ClientId,
    program_id: ProgramId,
) -> Result<ReportParts> {
    let interviews =
        interview::store::held_with_client(&mut *conn, client_id, Some(program_id)).await?;
    let mut parts = ReportParts::default();
    for interview in &interviews {
        let held_at = &interview.held_at;
        let day = held_at.get(..10).unwrap_or(held_at);
        for section in sheet::store::sections(&mut *conn, interview.id).await? {
            let text = section.text.trim();
            if let Some(part) = part_of_section(section.key.as_deref()) {
                if !text.is_empty() {
                    append(
                        parts.part_mut(part),
                        &format!("【{day}】\n{text}"),
                        PARAGRAPH,
                    );
                }
            }
        }
    }
    let held: HashSet<_> = interviews.iter().map(|interview| interview.id).collect();
    let mut items: Vec<_> = action_plan::store::list(&mut *conn, client_id)
        .await?
        .into_iter()
        // What is still to do: done and dropped items are no longer proposals.
        .filter(|item| item.status.is_open())
        .filter(|item| item.interview_id.is_some_and(|id| held.contains(&id)))
        .collect();
    items.sort_by_key(|item| item.id);
    for item in items {
        let mut line = format!("・{}", item.what);
        if let Some(how) = &item.how {
            line.push('：');
            line.push_str(how);
        }
        if let Some(due_on) = item.due_on {
            line.push_str(&format!("（{due_on}）"));
        }
        append(&mut parts.proposed_support, &line, LINE);
    }
    Ok(parts)
}

/// Adds a passage after `separator`, unless the part would grow past what a part may hold: a
/// draft never fails for being long, it only stops copying.
fn append(part: &mut String, passage: &str, separator: &str) {
    let separator = if part.is_empty() { "" } else { separator };
    if part.chars().count() + separator.chars().count() + passage.chars().count() <= MAX_PART_CHARS
    {
        part.push_str(separator);
        part.push_str(passage);
    }
}
