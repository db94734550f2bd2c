//! Reads a program's figures and lays them out as the report's tables, hidden figures hidden.
//! Each person contributes a row of numbers to each measure (1 if they brought a theme, their
//! action items by status …); a group's figure is the sum over its people, so every column adds
//! up to its total by construction, and the grid can guard each sum.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use sqlx::SqliteConnection;

use super::document::{
    Breakdown, Column, Dimension, Group, Measure, OverallDocument, OverallProgram, Table, TableRow,
    OVERALL_FORMAT,
};
use super::suppress::{Cell, Grid};
use super::{store, OverallPreview, OverallText};
use crate::action_plan::ActionStatus;
use crate::client::{self, AgeBand};
use crate::flag::FlagKind;
use crate::ids::{ClientId, ProgramId};
use crate::interview::topics::{IssueCategory, Theme};
use crate::program::{self, Program};
use crate::record::Result;

/// A person of the program, as far as grouping needs.
#[derive(sqlx::FromRow)]
struct Person {
    id: ClientId,
    department: Option<String>,
    age_band: Option<AgeBand>,
}

/// What the report counts, per person.
struct Facts {
    people: Vec<Person>,
    /// Each held interview's client and day (`YYYY-MM-DD…`).
    held: Vec<(ClientId, String)>,
    themes: Vec<(ClientId, Theme)>,
    issues: Vec<(ClientId, IssueCategory)>,
    items: Vec<(ClientId, ActionStatus)>,
    flags: Vec<(ClientId, FlagKind)>,
}

pub(super) async fn preview(
    conn: &mut SqliteConnection,
    program_id: ProgramId,
    today: NaiveDate,
) -> Result<OverallPreview> {
    let program = program::store::get(&mut *conn, program_id).await?;
    let company = crate::company::store::get(&mut *conn, program.company_id)
        .await?
        .name;
    let facts = facts(&mut *conn, &program).await?;
    let text = store::text(&mut *conn, program_id).await?;
    // Anyone of the company may be named, not only the program's people.
    let colleagues: Vec<(String, String, Option<String>)> =
        sqlx::query_as("SELECT name, name_kana, employee_number FROM clients WHERE company_id = ?")
            .bind(program.company_id)
            .fetch_all(&mut *conn)
            .await?;
    let document = document(&program, company, &facts, text, today);
    let mut words: Vec<String> = colleagues
        .iter()
        .flat_map(|(name, kana, number)| {
            client::identifying_words(name, Some(kana), number.as_deref())
        })
        .collect();
    words.extend(merged_groups(&facts.people, &document));
    let written = format!("{}\n{}", document.findings, document.proposals);
    let mut identifiers_in_text: Vec<String> = crate::identifying::found_in(&written, &words)
        .into_iter()
        .map(str::to_owned)
        .collect();
    identifiers_in_text.sort();
    identifiers_in_text.dedup();
    Ok(OverallPreview {
        document,
        identifiers_in_text,
    })
}

/// The departments and age bands merged into 「その他」: too small to show, so not to be named
/// in the text either. (A department called 「その他」 itself is a word of every text.)
fn merged_groups(people: &[Person], document: &OverallDocument) -> Vec<String> {
    let shown = |breakdown: &Breakdown| -> Vec<String> {
        breakdown
            .tables
            .first()
            .map(|table| {
                table
                    .rows
                    .iter()
                    .map(|row| row.group.label.clone())
                    .collect()
            })
            .unwrap_or_default()
    };
    let shown_departments = shown(&document.by_department);
    let shown_bands = shown(&document.by_age_band);
    let departments = people
        .iter()
        .filter_map(|person| person.department.as_deref().map(str::trim))
        .filter(|department| !department.is_empty())
        .map(str::to_owned)
        .filter(|department| !shown_departments.contains(department));
    let bands = people
        .iter()
        .filter_map(|person| person.age_band)
        .map(|band| band.document_label().to_owned())
        .filter(|band| !shown_bands.contains(band));
    let mut merged: Vec<String> = departments
        .chain(bands)
        .filter(|group| !["その他", "未設定"].contains(&group.as_str()))
        .collect();
    merged.sort();
    merged.dedup();
    merged
}

async fn facts(conn: &mut SqliteConnection, program: &Program) -> Result<Facts> {
    // The program's people: those enrolled, and anyone interviewed in it.
    let people = sqlx::query_as(
        "SELECT id, department, age_band FROM clients
         WHERE id IN (SELECT client_id FROM client_programs WHERE program_id = ?1
                      UNION SELECT client_id FROM interviews WHERE program_id = ?1)
         ORDER BY id",
    )
    .bind(program.id)
    .fetch_all(&mut *conn)
    .await?;
    let held = sqlx::query_as(
        "SELECT client_id, held_at FROM interviews
         WHERE program_id = ? AND held_at IS NOT NULL",
    )
    .bind(program.id)
    .fetch_all(&mut *conn)
    .await?;
    let themes = sqlx::query_as(
        "SELECT DISTINCT i.client_id, t.theme FROM interview_themes t
         JOIN interviews i ON i.id = t.interview_id
         WHERE i.program_id = ? AND i.held_at IS NOT NULL",
    )
    .bind(program.id)
    .fetch_all(&mut *conn)
    .await?;
    let issues = sqlx::query_as(
        "SELECT DISTINCT i.client_id, t.issue FROM interview_issues t
         JOIN interviews i ON i.id = t.interview_id
         WHERE i.program_id = ? AND i.held_at IS NOT NULL",
    )
    .bind(program.id)
    .fetch_all(&mut *conn)
    .await?;
    let items = sqlx::query_as(
        "SELECT a.client_id, a.status FROM action_items a
         JOIN interviews i ON i.id = a.interview_id
         WHERE i.program_id = ?",
    )
    .bind(program.id)
    .fetch_all(&mut *conn)
    .await?;
    // Flags raised in the program's interviews, or raised apart from any interview during
    // the program's period by one of its people.
    let flags = sqlx::query_as(
        "SELECT DISTINCT f.client_id, f.kind FROM flags f
         LEFT JOIN interviews i ON i.id = f.interview_id
         WHERE i.program_id = ?1
            OR (f.interview_id IS NULL AND f.raised_on BETWEEN ?2 AND ?3
                AND f.client_id IN (SELECT client_id FROM client_programs WHERE program_id = ?1))",
    )
    .bind(program.id)
    .bind(program.starts_on)
    .bind(program.ends_on)
    .fetch_all(&mut *conn)
    .await?;
    Ok(Facts {
        people,
        held,
        themes,
        issues,
        items,
        flags,
    })
}

/// One measure: its columns and each person's contribution to them.
struct Counted {
    measure: Measure,
    columns: Vec<Column>,
    by_person: HashMap<ClientId, Vec<u32>>,
}

impl Counted {
    fn new(measure: Measure, columns: Vec<Column>, people: &[Person]) -> Self {
        let by_person = people
            .iter()
            .map(|person| (person.id, vec![0; columns.len()]))
            .collect();
        Self {
            measure,
            columns,
            by_person,
        }
    }

    fn add(&mut self, person: ClientId, column: usize) {
        if let Some(row) = self.by_person.get_mut(&person) {
            row[column] += 1;
        }
    }

    fn sum(&self, people: &[ClientId], column: usize) -> u32 {
        people
            .iter()
            .filter_map(|person| self.by_person.get(person))
            .map(|row| row[column])
            .sum()
    }
}

fn columns<T: Copy>(
    members: &[T],
    code: impl Fn(T) -> String,
    label: impl Fn(T) -> &'static str,
) -> Vec<Column> {
    members
        .iter()
        .map(|&member| Column {
            code: code(member),
            label: label(member).to_owned(),
        })
        .collect()
}

fn column_of<T: PartialEq>(members: &[T], member: &T) -> usize {
    members
        .iter()
        .position(|candidate| candidate == member)
        .unwrap_or_default()
}

fn measures(facts: &Facts) -> Vec<Counted> {
    let people = &facts.people;
    let mut participation = Counted::new(
        Measure::Participation,
        columns(
            &["people", "interviewed", "interviews"],
            str::to_owned,
            |code| match code {
                "people" => "対象者数",
                "interviewed" => "面談実施者数",
                _ => "面談回数",
            },
        ),
        people,
    );
    for person in people {
        participation.add(person.id, 0);
    }
    let mut interviewed = std::collections::HashSet::new();
    for (person, _) in &facts.held {
        if interviewed.insert(*person) {
            participation.add(*person, 1);
        }
        participation.add(*person, 2);
    }
    let mut themes = Counted::new(
        Measure::Themes,
        columns(
            Theme::ALL,
            |theme| crate::text::wire_name(&theme),
            Theme::label,
        ),
        people,
    );
    for (person, theme) in &facts.themes {
        themes.add(*person, column_of(Theme::ALL, theme));
    }
    let mut issues = Counted::new(
        Measure::Issues,
        columns(
            IssueCategory::ALL,
            |issue| crate::text::wire_name(&issue),
            IssueCategory::label,
        ),
        people,
    );
    for (person, issue) in &facts.issues {
        issues.add(*person, column_of(IssueCategory::ALL, issue));
    }
    let mut items = Counted::new(
        Measure::ActionPlan,
        columns(
            &ActionStatus::ALL,
            |status| crate::text::wire_name(&status),
            ActionStatus::document_label,
        ),
        people,
    );
    for (person, status) in &facts.items {
        items.add(*person, column_of(&ActionStatus::ALL, status));
    }
    let mut flags = Counted::new(
        Measure::Flags,
        columns(
            &FlagKind::ALL,
            |kind| crate::text::wire_name(&kind),
            FlagKind::document_label,
        ),
        people,
    );
    for (person, kind) in &facts.flags {
        flags.add(*person, column_of(&FlagKind::ALL, kind));
    }
    vec![participation, themes, issues, items, flags]
}

/// A group of people as the report shows it; `hidden` when smaller than k.
struct PeopleGroup {
    group: Group,
    members: Vec<ClientId>,
    hidden: bool,
}

/// The groups of one dimension, in order: those of at least k people under their own label,
/// then those without the attribute if there are k of them, then everyone else merged into
/// 「その他」, with as many of the smallest groups as it takes to reach k. The names of the
/// groups merged never appear.
fn groups(people: &[Person], dimension: Dimension, k: u32) -> Vec<PeopleGroup> {
    let mut named: BTreeMap<(usize, String), (Group, Vec<ClientId>)> = BTreeMap::new();
    let mut unset = Vec::new();
    for person in people {
        let key = match dimension {
            Dimension::Department => person
                .department
                .as_deref()
                .map(str::trim)
                .filter(|name| !name.is_empty())
                .map(|name| {
                    (
                        (0, name.to_owned()),
                        Group {
                            label: name.to_owned(),
                            code: None,
                        },
                    )
                }),
            Dimension::AgeBand => person.age_band.map(|band| {
                (
                    (column_of(&AgeBand::ALL, &band), String::new()),
                    Group {
                        label: band.document_label().to_owned(),
                        code: Some(crate::text::wire_name(&band)),
                    },
                )
            }),
        };
        match key {
            Some((key, group)) => named
                .entry(key)
                .or_insert((group, Vec::new()))
                .1
                .push(person.id),
            None => unset.push(person.id),
        }
    }
    let big_enough = |members: &[ClientId]| members.len() >= k as usize;
    let mut shown = Vec::new();
    let mut other = Vec::new();
    for (group, members) in named.into_values() {
        if big_enough(&members) {
            shown.push(PeopleGroup {
                group,
                members,
                hidden: false,
            });
        } else {
            other.extend(members);
        }
    }
    if big_enough(&unset) {
        shown.push(PeopleGroup {
            group: Group {
                label: "未設定".into(),
                code: Some("unset".into()),
            },
            members: unset,
            hidden: false,
        });
    } else {
        other.extend(unset);
    }
    if !other.is_empty() {
        // A group hidden for its size would still give its size away: every group shown has
        // k or more, so the total less the others, less at least k each, pins it. So the
        // smallest groups join 「その他」 until it too has k (or everyone is in it).
        while !big_enough(&other) && !shown.is_empty() {
            let smallest = (0..shown.len())
                .rev()
                .min_by_key(|index| shown[*index].members.len())
                .unwrap_or_default();
            other.extend(shown.remove(smallest).members);
        }
        shown.push(PeopleGroup {
            group: Group {
                label: "その他".into(),
                code: Some("other".into()),
            },
            // Only when the whole program is smaller than k.
            hidden: !big_enough(&other),
            members: other,
        });
    }
    shown
}

/// The months a program's interviews fall in: its period, stretched to any held outside it.
fn months(program: &Program, held: &[(ClientId, String)]) -> Vec<(i32, u32)> {
    let month_of = |day: NaiveDate| (day.year(), day.month());
    let held_months = held.iter().filter_map(|(_, at)| {
        let year = at.get(..4)?.parse().ok()?;
        let month = at.get(5..7)?.parse().ok()?;
        Some((year, month))
    });
    let first = held_months
        .clone()
        .chain([month_of(program.starts_on)])
        .min();
    let last = held_months.chain([month_of(program.ends_on)]).max();
    let (Some(mut at), Some(last)) = (first, last) else {
        return Vec::new();
    };
    let mut months = Vec::new();
    while at <= last {
        months.push(at);
        at = if at.1 == 12 {
            (at.0 + 1, 1)
        } else {
            (at.0, at.1 + 1)
        };
    }
    months
}

/// One breakdown's cells, before the grid decides what to hide: per measure, per group, per
/// column.
struct LaidOut {
    dimension: Dimension,
    groups: Vec<PeopleGroup>,
    tables: Vec<Vec<Vec<Cell>>>,
}

fn lay_out(
    grid: &mut Grid,
    facts: &Facts,
    measures: &[Counted],
    totals: &[Vec<Cell>],
    dimension: Dimension,
    k: u32,
) -> LaidOut {
    let groups = groups(&facts.people, dimension, k);
    let mut tables = Vec::new();
    for (counted, totals) in measures.iter().zip(totals) {
        let rows: Vec<Vec<Cell>> = groups
            .iter()
            .map(|group| {
                (0..counted.columns.len())
                    .map(|column| {
                        let cell = grid.cell(counted.sum(&group.members, column));
                        if group.hidden {
                            grid.hide(cell);
                        }
                        cell
                    })
                    .collect()
            })
            .collect();
        for (column, total) in totals.iter().enumerate() {
            grid.sum(rows.iter().map(|row| row[column]).collect(), *total);
        }
        tables.push(rows);
    }
    LaidOut {
        dimension,
        groups,
        tables,
    }
}

fn document(
    program: &Program,
    company: String,
    facts: &Facts,
    text: OverallText,
    today: NaiveDate,
) -> OverallDocument {
    let k = program.anonymity_k;
    let measures = measures(facts);
    let everyone: Vec<ClientId> = facts.people.iter().map(|person| person.id).collect();
    let mut grid = Grid::default();
    // The totals are shared by both breakdowns (and the interviews' total by the months).
    let totals: Vec<Vec<Cell>> = measures
        .iter()
        .map(|counted| {
            (0..counted.columns.len())
                .map(|column| grid.cell(counted.sum(&everyone, column)))
                .collect()
        })
        .collect();
    let by_department = lay_out(
        &mut grid,
        facts,
        &measures,
        &totals,
        Dimension::Department,
        k,
    );
    let by_age_band = lay_out(&mut grid, facts, &measures, &totals, Dimension::AgeBand, k);
    let months = months(program, &facts.held);
    let month_cells: Vec<Cell> = months
        .iter()
        .map(|&(year, month)| {
            let prefix = format!("{year:04}-{month:02}");
            let held = facts
                .held
                .iter()
                .filter(|(_, at)| at.starts_with(&prefix))
                .count();
            grid.cell(held as u32)
        })
        .collect();
    let interviews_total = totals[0][2];
    grid.sum(month_cells.clone(), interviews_total);

    grid.protect(k);

    let shown = |cells: &[Cell]| {
        cells
            .iter()
            .map(|cell| grid.shown(*cell))
            .collect::<Vec<_>>()
    };
    let breakdown = |laid_out: LaidOut| Breakdown {
        dimension: laid_out.dimension,
        tables: measures
            .iter()
            .zip(&totals)
            .zip(laid_out.tables)
            .map(|((counted, totals), rows)| Table {
                measure: counted.measure,
                columns: counted.columns.clone(),
                rows: laid_out
                    .groups
                    .iter()
                    .zip(rows)
                    .map(|(group, cells)| TableRow {
                        group: group.group.clone(),
                        cells: shown(&cells),
                    })
                    .collect(),
                totals: shown(totals),
            })
            .collect(),
    };
    let by_department = breakdown(by_department);
    let by_age_band = breakdown(by_age_band);
    let monthly = Table {
        measure: Measure::Monthly,
        columns: vec![Column {
            code: "interviews".into(),
            label: "面談回数".into(),
        }],
        rows: months
            .iter()
            .zip(&month_cells)
            .map(|(&(year, month), cell)| TableRow {
                group: Group {
                    label: format!("{year}年{month}月"),
                    code: Some(format!("{year:04}-{month:02}")),
                },
                cells: vec![grid.shown(*cell)],
            })
            .collect(),
        totals: vec![grid.shown(interviews_total)],
    };
    OverallDocument {
        format: OVERALL_FORMAT.to_owned(),
        version: crate::package::FORMAT_VERSION,
        program: OverallProgram {
            name: program.name.clone(),
            company,
            starts_on: program.starts_on.to_string(),
            ends_on: program.ends_on.to_string(),
            anonymity_k: k,
        },
        created_on: today.to_string(),
        by_department,
        by_age_band,
        monthly,
        findings: text.findings,
        proposals: text.proposals,
    }
}
