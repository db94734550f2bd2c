//! The report as it would be sent, and what in its text would single someone out: a
//! colleague's name or employee number, a group too small to show, or a count of fewer than k
//! people (「営業部の40代1名」), or everyone of a group (「営業部の全員が」).

use chrono::NaiveDate;
use sqlx::SqliteConnection;

use super::document::{Dimension, OverallDocument, OverallProgram, OVERALL_FORMAT};
use super::earlier::Figures;
use super::gather::{facts, measures, Person};
use super::{findings, store, tables, OverallPreview};
use crate::client;
use crate::ids::ProgramId;
use crate::program;
use crate::record::Result;

/// The report exactly as it would be sent, and the figures it publishes (recorded when it is).
pub(super) struct Drawn {
    pub(super) preview: OverallPreview,
    pub(super) figures: Figures,
}

pub(super) async fn preview(
    conn: &mut SqliteConnection,
    program_id: ProgramId,
    today: NaiveDate,
) -> Result<Drawn> {
    let program = program::store::get(&mut *conn, program_id).await?;
    let company = crate::company::store::get(&mut *conn, program.company_id)
        .await?
        .name;
    let facts = facts(&mut *conn, &program).await?;
    let text = store::text(&mut *conn, program_id).await?;
    let earlier = store::earlier_exports(&mut *conn, program_id).await?;
    // Anyone of the company may be named, not only the program's people.
    let colleagues = client::store::identities_at(&mut *conn, program.company_id).await?;
    let laid = tables::lay(&program, &facts, &measures(&facts), &earlier);
    let document = OverallDocument {
        format: OVERALL_FORMAT.to_owned(),
        version: crate::package::FORMAT_VERSION,
        program: OverallProgram {
            name: program.name.clone(),
            company,
            starts_on: program.starts_on.to_string(),
            ends_on: program.ends_on.to_string(),
            anonymity_k: program.anonymity_k,
        },
        created_on: today.to_string(),
        by_department: laid.by_department,
        by_age_band: laid.by_age_band,
        monthly: laid.monthly,
        disclosure: laid.disclosure,
        findings: text.findings,
        proposals: text.proposals,
    };
    let mut words: Vec<String> = colleagues
        .iter()
        .flat_map(|(name, kana, number)| {
            client::identifying_words(name, Some(kana), number.as_deref())
        })
        .collect();
    words.extend(laid.merged);
    let written = format!("{}\n{}", document.findings, document.proposals);
    let mut identifiers_in_text: Vec<String> = crate::identifying::found_in(&written, &words)
        .into_iter()
        .map(str::to_owned)
        .collect();
    // Anyone the findings name, known to the vault or not: the report speaks of groups.
    identifiers_in_text.extend(crate::identifying::people_named(&written));
    identifiers_in_text.extend(findings::small_counts(
        &written,
        program.anonymity_k,
        &group_names(&facts.people),
    ));
    identifiers_in_text.sort();
    identifiers_in_text.dedup();
    Ok(Drawn {
        preview: OverallPreview {
            document,
            identifiers_in_text,
        },
        figures: laid.figures,
    })
}

/// Every department and age band of the program's people, as a text would name them.
fn group_names(people: &[Person]) -> Vec<String> {
    let mut names: Vec<String> = [Dimension::Department, Dimension::AgeBand]
        .into_iter()
        .flat_map(|dimension| {
            people
                .iter()
                .filter_map(move |person| person.group_label(dimension))
        })
        .collect();
    names.sort();
    names.dedup();
    names
}
