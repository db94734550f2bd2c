//! The `search_text` index: the only SQL that reads it (triggers write it).

use std::collections::HashMap;

use sqlx::SqliteConnection;

use super::HitKind;
use crate::ids::{ClientId, InterviewId};
use crate::record::Result;

/// The bits of a rowid below the kind: the record's own id.
const ID_BITS: u32 = 40;

/// The trigram tokenizer indexes runs of three characters: a shorter word is found as the
/// start of the trigrams it begins (see the `search_short_words` migration).
const TRIGRAM: usize = 3;

/// A match, before its text is read.
pub(crate) struct MatchRow {
    pub(crate) rowid: i64,
    pub(crate) kind: HitKind,
    pub(crate) record_id: i64,
    pub(crate) client_id: ClientId,
    pub(crate) interview_id: Option<InterviewId>,
    pub(crate) at: Option<String>,
}

fn kind_of(rowid: i64) -> Option<HitKind> {
    Some(match rowid >> ID_BITS {
        1 => HitKind::Client,
        2 => HitKind::Interview,
        3 => HitKind::SheetSection,
        4 => HitKind::Questionnaire,
        5 => HitKind::ActionItem,
        6 => HitKind::ProgressNote,
        7 => HitKind::Report,
        _ => return None,
    })
}

/// An FTS5 string: double quotes doubled, so a word is matched as it is, never as syntax.
fn fts_string(word: &str) -> String {
    format!("\"{}\"", word.replace('"', "\"\""))
}

/// The range of index terms (trigrams) that begin with a short word: from the word itself up
/// to the word followed by the highest code point. The index folds case, so the word is
/// folded too.
fn term_range(word: &str) -> (String, String) {
    let folded = word.to_lowercase();
    let upper = format!("{folded}{}", char::MAX);
    (folded, upper)
}

/// Below this many matches, a search reads each match's date and sorts them; from this many
/// on, it reads dates newest first and stops at the limit (see `search_dates`).
const FEW_MATCHES: i64 = 2_000;

/// A short word that begins more trigrams than this is a common one (it precedes many
/// different characters): rather than a full-text query of that many alternatives, the
/// records are read newest first and their text checked, which finds the first few hundred
/// quickly for a common word.
const MAX_TERMS: usize = 300;

/// What a search asks of the index: a full-text expression for the words it can, and the
/// words (each in its forms, lower case) to look for in the text itself.
struct Query {
    expression: Option<String>,
    scanned: Vec<Vec<String>>,
}

/// Records holding every word, newest first, at most `limit`.
pub(crate) async fn matching(
    conn: &mut SqliteConnection,
    words: &[String],
    limit: usize,
) -> Result<Vec<MatchRow>> {
    let Some(query) = query(&mut *conn, words).await? else {
        return Ok(Vec::new());
    };
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let rows: Vec<(i64, i64, Option<i64>, Option<String>)> = if query.scanned.is_empty() {
        let expression = query.expression.unwrap_or_default();
        // Counting stops at the threshold: a common word is not counted out in full.
        let matches: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM (SELECT rowid FROM search_text WHERE search_text MATCH ? LIMIT ?)",
        )
        .bind(&expression)
        .bind(FEW_MATCHES)
        .fetch_one(&mut *conn)
        .await?;
        // The `+` keeps the date index out of a small search: the matches are found by row id.
        let sql = if matches < FEW_MATCHES {
            "SELECT rowid, client_id, interview_id, at FROM search_dates
             WHERE rowid IN (SELECT rowid FROM search_text WHERE search_text MATCH ?)
             ORDER BY +at DESC, rowid DESC LIMIT ?"
        } else {
            "SELECT rowid, client_id, interview_id, at FROM search_dates
             INDEXED BY search_dates_by_date
             WHERE rowid IN (SELECT rowid FROM search_text WHERE search_text MATCH ?)
             ORDER BY at DESC, rowid DESC LIMIT ?"
        };
        sqlx::query_as(sql)
            .bind(&expression)
            .bind(limit)
            .fetch_all(conn)
            .await?
    } else {
        let mut sql = String::from(
            "SELECT d.rowid, d.client_id, d.interview_id, d.at
             FROM search_dates d INDEXED BY search_dates_by_date
             JOIN search_text t ON t.rowid = d.rowid WHERE true",
        );
        if query.expression.is_some() {
            sql.push_str(
                " AND d.rowid IN (SELECT rowid FROM search_text WHERE search_text MATCH ?)",
            );
        }
        for forms in &query.scanned {
            let any = vec!["instr(lower(t.body), ?) > 0"; forms.len()].join(" OR ");
            sql.push_str(&format!(" AND ({any})"));
        }
        sql.push_str(" ORDER BY d.at DESC, d.rowid DESC LIMIT ?");
        let mut statement = sqlx::query_as(&sql);
        if let Some(expression) = &query.expression {
            statement = statement.bind(expression);
        }
        for form in query.scanned.iter().flatten() {
            statement = statement.bind(form);
        }
        statement.bind(limit).fetch_all(conn).await?
    };
    Ok(rows
        .into_iter()
        .filter_map(|(rowid, client_id, interview_id, at)| {
            Some(MatchRow {
                rowid,
                kind: kind_of(rowid)?,
                record_id: rowid & ((1 << ID_BITS) - 1),
                client_id: ClientId(client_id),
                interview_id: interview_id.map(InterviewId),
                at,
            })
        })
        .collect())
}

/// The search for every word, in any of its forms (see `terms::variants`): a form of three
/// characters or more as itself, a shorter one as any of the trigrams it begins, or, when
/// it begins too many, by reading the text. None when some word can match nothing at all.
async fn query(conn: &mut SqliteConnection, words: &[String]) -> Result<Option<Query>> {
    let mut clauses = Vec::with_capacity(words.len());
    let mut scanned = Vec::new();
    for word in words {
        let variants = super::terms::variants(word);
        let mut forms = Vec::new();
        let mut common = false;
        for form in &variants {
            if form.chars().count() >= TRIGRAM {
                forms.push(fts_string(form));
                continue;
            }
            let (lowest, highest) = term_range(form);
            let terms: Vec<String> = sqlx::query_scalar(
                "SELECT term FROM search_terms WHERE term >= ? AND term <= ? LIMIT ?",
            )
            .bind(lowest)
            .bind(highest)
            .bind(i64::try_from(MAX_TERMS + 1).unwrap_or(i64::MAX))
            .fetch_all(&mut *conn)
            .await?;
            common |= terms.len() > MAX_TERMS;
            // FTS5 reads its query as a C string: a term holding NUL cannot be written in it.
            forms.extend(
                terms
                    .iter()
                    .filter(|term| !term.contains('\0'))
                    .map(|term| fts_string(term)),
            );
        }
        if common {
            scanned.push(variants.iter().map(|form| form.to_lowercase()).collect());
        } else if forms.is_empty() {
            return Ok(None);
        } else {
            clauses.push(format!("({})", forms.join(" OR ")));
        }
    }
    Ok(Some(Query {
        expression: (!clauses.is_empty()).then(|| clauses.join(" AND ")),
        scanned,
    }))
}

/// Whether any text saved as it was typed waits to be indexed (see `search_stale`).
pub(crate) async fn any_stale(conn: &mut SqliteConnection) -> Result<bool> {
    Ok(
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM search_stale)")
            .fetch_one(conn)
            .await?,
    )
}

/// Indexes every waiting text afresh: emptying `search_stale` runs its triggers, which hold
/// the SQL of each kind.
pub(crate) async fn index_stale(conn: &mut SqliteConnection) -> Result<()> {
    sqlx::query("DELETE FROM search_stale")
        .execute(conn)
        .await?;
    Ok(())
}

/// The indexed texts of the given rows, without the line breaks every indexed text ends
/// with: one statement for all the hits shown, not one per hit.
pub(crate) async fn bodies(
    conn: &mut SqliteConnection,
    rowids: &[i64],
) -> Result<HashMap<i64, String>> {
    let ids = crate::db::json_ids(rowids);
    let json: String = sqlx::query_scalar(
        "SELECT json_group_array(json_array(rowid, body)) FROM search_text
         WHERE rowid IN (SELECT value FROM json_each(?))",
    )
    .bind(ids)
    .fetch_one(conn)
    .await?;
    let rows: Vec<(i64, String)> = crate::db::rows_from_json(&json)?;
    Ok(rows
        .into_iter()
        .map(|(rowid, body)| (rowid, body.trim_end_matches('\n').to_owned()))
        .collect())
}

/// Removes whatever is indexed for a client. The triggers already remove each record's rows as
/// it is deleted; this catches anything a future table forgets, as erasure must leave nothing.
pub(crate) async fn forget_client(conn: &mut SqliteConnection, client_id: ClientId) -> Result<()> {
    sqlx::query("DELETE FROM search_text WHERE client_id = ?")
        .bind(client_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM search_dates WHERE client_id = ?")
        .bind(client_id)
        .execute(conn)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_reach_sql_as_data_never_as_syntax() {
        assert_eq!(fts_string(r#"say "hi" OR x"#), r#""say ""hi"" OR x""#);
    }

    #[test]
    fn a_short_word_spans_the_trigrams_it_begins() {
        let (lowest, highest) = term_range("Ab");
        assert_eq!(lowest, "ab");
        assert!(lowest.as_str() <= "abc" && "abc" <= highest.as_str());
        assert!("ab\u{10ffff}" <= highest.as_str() && highest.as_str() < "ac");
    }
}
