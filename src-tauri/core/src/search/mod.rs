//! Search (検索): one query over everything the consultant wrote (clients, interview notes,
//! sheet sections, questionnaires, action items, progress notes and individual reports), with highlighted
//! snippets, grouped by client, newest first.
//!
//! The index (`search_text`, FTS5 with the trigram tokenizer) lives in the encrypted database
//! and is kept by triggers (see the migrations). Words of three characters or more are matched
//! through the index; shorter ones (上司, 鬱), which the trigram tokenizer cannot index, as the
//! start of the trigrams they begin, read from the index's vocabulary. Every word of the query
//! must appear.

pub(crate) mod store;
mod terms;

use std::collections::HashMap;

use serde::Serialize;

use crate::client;
use crate::ids::{ClientId, InterviewId};
use crate::record::Result;
use crate::text;
use crate::vault::Vault;

pub use terms::MAX_QUERY_CHARS;

/// The most hits one search returns; a query matching more says so.
pub const MAX_HITS: usize = 200;
/// Characters of context on each side of the first match in a snippet.
const SNIPPET_CONTEXT_CHARS: usize = 40;

/// What kind of record a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    /// The client's own details.
    Client,
    /// An interview's purpose, theme or notes.
    Interview,
    /// A section of an interview sheet.
    SheetSection,
    /// A questionnaire 「3年後に目指す自分」.
    Questionnaire,
    /// An action item.
    ActionItem,
    /// A progress note on an action item.
    ProgressNote,
    /// An individual report (個別報告書).
    Report,
}

/// A piece of a snippet: the words that matched are highlighted.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SnippetPart {
    /// The text.
    pub text: String,
    /// Whether it is a match.
    pub highlight: bool,
}

/// One matching record.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    /// What it is.
    pub kind: HitKind,
    /// Its id, of the kind's own ids (a sheet section's, an action item's …).
    pub record_id: i64,
    /// The interview it belongs to, if any: where a click on it leads.
    pub interview_id: Option<InterviewId>,
    /// Its date (`YYYY-MM-DD…`), by which hits are ordered.
    pub at: Option<String>,
    /// The text around the first match, matches highlighted.
    pub snippet: Vec<SnippetPart>,
}

/// A client's hits, newest first.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ClientHits {
    /// The client.
    pub client_id: ClientId,
    /// The client's name.
    pub client_name: String,
    /// The hits.
    pub hits: Vec<SearchHit>,
}

/// What a search found: clients ordered by their newest hit.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SearchResults {
    /// Hits, grouped by client.
    pub groups: Vec<ClientHits>,
    /// Whether there were more than [`MAX_HITS`] (the newest are shown).
    pub truncated: bool,
}

text::debug_without_content!(SnippetPart, highlight);
text::debug_without_content!(SearchHit, kind, record_id, interview_id, at);
text::debug_without_content!(ClientHits, client_id);
text::debug_without_content!(SearchResults, truncated);

/// Finds the records holding every word of `query`. Kizuki's own reference to a client
/// (`KZ-42`, as the calendar export shows it) finds that client.
pub async fn search(vault: &Vault, query: &str) -> Result<SearchResults> {
    let words = terms::parse(query)?;
    if let Some(client_id) = terms::reference(&words) {
        let names = client::store::names(&mut *vault.read().await?).await?;
        let groups = names
            .get(&client_id)
            .map(|(name, _)| ClientHits {
                client_id,
                client_name: name.clone(),
                hits: vec![SearchHit {
                    kind: HitKind::Client,
                    record_id: client_id.0,
                    interview_id: None,
                    at: None,
                    snippet: vec![SnippetPart {
                        text: crate::ics::reference(client_id),
                        highlight: true,
                    }],
                }],
            })
            .into_iter()
            .collect();
        return Ok(SearchResults {
            groups,
            truncated: false,
        });
    }
    // Texts saved as they were typed are indexed now, once, rather than on every save; the
    // search then runs in the same transaction, so no save in between can leave it a step
    // behind.
    let stale = store::any_stale(&mut *vault.read().await?).await?;
    let mut tx = if stale {
        let mut tx = vault.write().await?;
        store::index_stale(&mut tx).await?;
        tx
    } else {
        vault.read().await?
    };
    let mut rows = store::matching(&mut tx, &words, MAX_HITS + 1).await?;
    let truncated = rows.len() > MAX_HITS;
    rows.truncate(MAX_HITS);
    let names = client::store::names(&mut tx).await?;
    let rowids: Vec<i64> = rows.iter().map(|row| row.rowid).collect();
    let mut bodies = store::bodies(&mut tx, &rowids).await?;
    tx.commit().await?;
    let mut groups: Vec<ClientHits> = Vec::new();
    let mut group_of: HashMap<ClientId, usize> = HashMap::new();
    for row in rows {
        let body = bodies.remove(&row.rowid).unwrap_or_default();
        let Some((name, _)) = names.get(&row.client_id) else {
            continue;
        };
        let hit = SearchHit {
            kind: row.kind,
            record_id: row.record_id,
            interview_id: row.interview_id,
            at: row.at,
            snippet: snippet(&body, &words),
        };
        // Rows come newest first, so each client's first hit places its group.
        let index = *group_of.entry(row.client_id).or_insert_with(|| {
            groups.push(ClientHits {
                client_id: row.client_id,
                client_name: name.clone(),
                hits: Vec::new(),
            });
            groups.len() - 1
        });
        groups[index].hits.push(hit);
    }
    Ok(SearchResults { groups, truncated })
}

/// The text around the first match, every match in it highlighted. Matching ignores case and
/// width, as the search does (`terms::fold`).
fn snippet(body: &str, words: &[String]) -> Vec<SnippetPart> {
    let chars: Vec<char> = body.chars().collect();
    let folded: Vec<char> = chars.iter().copied().map(terms::fold).collect();
    let mut marked = vec![false; chars.len()];
    for word in words {
        let needle: Vec<char> = word.chars().map(terms::fold).collect();
        if needle.is_empty() || needle.len() > folded.len() {
            continue;
        }
        for start in 0..=folded.len() - needle.len() {
            if folded[start..start + needle.len()] == needle[..] {
                marked[start..start + needle.len()].fill(true);
            }
        }
    }
    let first = marked.iter().position(|m| *m).unwrap_or(0);
    let from = first.saturating_sub(SNIPPET_CONTEXT_CHARS);
    let to = (first + SNIPPET_CONTEXT_CHARS * 2).min(chars.len());
    let mut parts: Vec<SnippetPart> = Vec::new();
    if from > 0 {
        parts.push(SnippetPart {
            text: "…".to_owned(),
            highlight: false,
        });
    }
    for index in from..to {
        // Line breaks would break a one-line snippet.
        let c = if chars[index] == '\n' {
            ' '
        } else {
            chars[index]
        };
        match parts.last_mut() {
            Some(part) if part.highlight == marked[index] && part.text != "…" => {
                part.text.push(c)
            }
            _ => parts.push(SnippetPart {
                text: c.to_string(),
                highlight: marked[index],
            }),
        }
    }
    if to < chars.len() {
        parts.push(SnippetPart {
            text: "…".to_owned(),
            highlight: false,
        });
    }
    parts
}

#[cfg(test)]
mod tests;
