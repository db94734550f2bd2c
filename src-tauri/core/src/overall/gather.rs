//! Reads a program's figures, person by person. Each person contributes a row of numbers to
//! each measure (1 if they brought a theme, their action items by status …); a group's figure is
//! the sum over its people, so every column adds up to its total by construction, and the grid
//! can guard each sum.

use std::collections::HashMap;

use sqlx::SqliteConnection;

use super::document::{Column, Dimension, Measure};
use crate::action_plan::ActionStatus;
use crate::client::AgeBand;
use crate::flag::FlagKind;
use crate::ids::ClientId;
use crate::interview::topics::{IssueCategory, Theme};
use crate::program::Program;
use crate::record::Result;

/// A person of the program, as far as grouping needs.
#[derive(Debug, Clone, sqlx::FromRow)]
pub(super) struct Person {
    pub(super) id: ClientId,
    pub(super) department: Option<String>,
    pub(super) age_band: Option<AgeBand>,
}

impl Person {
    /// Their department as the report groups it: trimmed, and none when blank.
    pub(super) fn department_name(&self) -> Option<&str> {
        self.department
            .as_deref()
            .map(str::trim)
            .filter(|name| !name.is_empty())
    }

    /// Their group's label in `dimension`, as the report prints it; none when unset.
    pub(super) fn group_label(&self, dimension: Dimension) -> Option<String> {
        match dimension {
            Dimension::Department => self.department_name().map(str::to_owned),
            Dimension::AgeBand => self.age_band.map(|band| band.document_label().to_owned()),
        }
    }
}

/// What the report counts, per person.
#[derive(Debug, Clone, Default)]
pub(super) struct Facts {
    pub(super) people: Vec<Person>,
    /// Each held interview's client and day (`YYYY-MM-DD…`).
    pub(super) held: Vec<(ClientId, String)>,
    pub(super) themes: Vec<(ClientId, Theme)>,
    pub(super) issues: Vec<(ClientId, IssueCategory)>,
    pub(super) items: Vec<(ClientId, ActionStatus)>,
    pub(super) flags: Vec<(ClientId, FlagKind)>,
}

pub(super) async fn facts(conn: &mut SqliteConnection, program: &Program) -> Result<Facts> {
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
pub(super) struct Counted {
    pub(super) measure: Measure,
    pub(super) columns: Vec<Column>,
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

    pub(super) fn sum(&self, people: &[ClientId], column: usize) -> u32 {
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
    sensitive: impl Fn(T) -> bool,
) -> Vec<Column> {
    members
        .iter()
        .map(|&member| Column {
            code: code(member),
            label: label(member).to_owned(),
            sensitive: sensitive(member),
        })
        .collect()
}

pub(super) fn column_of<T: PartialEq>(members: &[T], member: &T) -> usize {
    members
        .iter()
        .position(|candidate| candidate == member)
        .unwrap_or_default()
}

pub(super) fn measures(facts: &Facts) -> Vec<Counted> {
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
            |_| false,
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
            Theme::is_sensitive,
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
            IssueCategory::is_sensitive,
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
            |_| false,
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
            // A flag is a matter needing care whatever its kind.
            |_| true,
        ),
        people,
    );
    for (person, kind) in &facts.flags {
        flags.add(*person, column_of(&FlagKind::ALL, kind));
    }
    vec![participation, themes, issues, items, flags]
}
