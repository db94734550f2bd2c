//! The `search_text` index: the only SQL that reads it (triggers write it).

use sqlx::SqliteConnection;

use super::HitKind;
use crate::ids::{ClientId, InterviewId};
use crate::record::Result;

/// The bits of a rowid below the kind: the record's own id.
const ID_BITS: u32 = 40;

/// The trigram tokenizer indexes runs of three characters: a shorter word is found by LIKE.
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

/// A LIKE pattern finding `word` anywhere, its own `%`, `_` and `\` taken literally.
fn like_pattern(word: &str) -> String {
    let mut pattern = String::from("%");
    for c in word.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// Records holding every word, newest first, at most `limit`.
pub(crate) async fn matching(
    conn: &mut SqliteConnection,
    words: &[String],
    limit: usize,
) -> Result<Vec<MatchRow>> {
    let (indexed, short): (Vec<&String>, Vec<&String>) = words
        .iter()
        .partition(|word| word.chars().count() >= TRIGRAM);
    let mut sql =
        String::from("SELECT rowid, client_id, interview_id, at FROM search_text WHERE true");
    if !indexed.is_empty() {
        sql.push_str(" AND search_text MATCH ?");
    }
    for _ in &short {
        sql.push_str(" AND body LIKE ? ESCAPE '\\'");
    }
    sql.push_str(" ORDER BY at DESC, rowid DESC LIMIT ?");
    let mut query = sqlx::query_as::<_, (i64, i64, Option<i64>, Option<String>)>(&sql);
    if !indexed.is_empty() {
        let expression: Vec<String> = indexed.iter().map(|word| fts_string(word)).collect();
        query = query.bind(expression.join(" AND "));
    }
    for word in &short {
        query = query.bind(like_pattern(word));
    }
    let rows = query
        .bind(i64::try_from(limit).unwrap_or(i64::MAX))
        .fetch_all(conn)
        .await?;
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

/// The indexed text of one row.
pub(crate) async fn body(conn: &mut SqliteConnection, rowid: i64) -> Result<String> {
    let body: Option<String> = sqlx::query_scalar("SELECT body FROM search_text WHERE rowid = ?")
        .bind(rowid)
        .fetch_optional(conn)
        .await?;
    Ok(body.unwrap_or_default())
}

/// Removes whatever is indexed for a client. The triggers already remove each record's rows as
/// it is deleted; this catches anything a future table forgets, as erasure must leave nothing.
pub(crate) async fn forget_client(conn: &mut SqliteConnection, client_id: ClientId) -> Result<()> {
    sqlx::query("DELETE FROM search_text WHERE client_id = ?")
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
        assert_eq!(like_pattern("5%_\\"), "%5\\%\\_\\\\%");
    }
}
