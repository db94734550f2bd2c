//! Lays a program's figures out as the report's tables and decides what shows, over every table
//! at once: the breakdowns by department and by age band share their totals, the months add up
//! to the interviews' total, and a reader knows every person's department, age band and
//! interview month.
//!
//! The method, for the sensitive columns (health, family, harm at work, flags): each is shown
//! by one grouping only, the other withheld, so the two cannot be crossed (the method of one
//! breakdown per sensitive measure); the grouping is chosen from who is in the program alone,
//! never from what is counted. Within it, the stricter rule of [`super::suppress`], and the
//! column's total hidden whenever one of its figures is. Every other column keeps the k rule with complementary suppression over
//! the linked tables. Then figures that moved too little since an earlier export are hidden
//! ([`super::earlier`]), and the whole is protected again.

use std::collections::HashSet;

use super::document::{
    Breakdown, Column, Dimension, DisclosureKind, DisclosureNote, Group, Measure, Table, TableRow,
};
use super::earlier::{self, Earlier, Figures, GroupPeople};
use super::gather::{Counted, Facts};
use super::groups::{groups, merged, months, PeopleGroup};
use super::suppress::{Cell, Grid};
use crate::ids::ClientId;
use crate::program::Program;
use crate::text::wire_name;

/// The report's tables as shown, what was done to them, and what they publish (recorded with
/// an export, for the next one to be compared with).
pub(super) struct Laid {
    /// The departments and age bands merged into 「その他」, never to be named.
    pub(super) merged: Vec<String>,
    pub(super) by_department: Breakdown,
    pub(super) by_age_band: Breakdown,
    pub(super) monthly: Table,
    pub(super) disclosure: Vec<DisclosureNote>,
    pub(super) figures: Figures,
}

/// The grid with a key for each of its cells.
#[derive(Default, Clone)]
struct Keyed {
    grid: Grid,
    keys: Vec<String>,
}

impl Keyed {
    fn cell(&mut self, value: u32, population: Option<u32>, key: String) -> Cell {
        let cell = match population {
            Some(population) => self.grid.sensitive_cell(value, population),
            None => self.grid.cell(value),
        };
        self.keys.push(key);
        cell
    }
}

/// One breakdown's cells, before the grid decides what to hide.
struct LaidOut {
    dimension: Dimension,
    groups: Vec<PeopleGroup>,
    /// Per measure: the columns shown in this breakdown (indices into the measure's), and
    /// each group's cells for them.
    tables: Vec<(Vec<usize>, Vec<Vec<Cell>>)>,
}

impl LaidOut {
    /// The cells of the sensitive columns of one group.
    fn sensitive_cells(&self, measures: &[Counted], group: usize) -> Vec<Cell> {
        measures
            .iter()
            .zip(&self.tables)
            .flat_map(|(counted, (columns, rows))| {
                columns
                    .iter()
                    .zip(&rows[group])
                    .filter(|(column, _)| counted.columns[**column].sensitive)
                    .map(|(_, cell)| *cell)
                    .collect::<Vec<_>>()
            })
            .collect()
    }
}

/// The grouping that shows the sensitive columns: the one with more groups to show, the
/// department on a tie. Only who is in which group decides it.
fn sensitive_grouping(by_department: &[PeopleGroup], by_age_band: &[PeopleGroup]) -> Dimension {
    let shown = |groups: &[PeopleGroup]| groups.iter().filter(|group| !group.hidden).count();
    if shown(by_age_band) > shown(by_department) {
        Dimension::AgeBand
    } else {
        Dimension::Department
    }
}

struct Context<'a> {
    measures: &'a [Counted],
    totals: &'a [Vec<Cell>],
    interviewed: &'a HashSet<ClientId>,
    sensitive_grouping: Dimension,
}

fn lay_out(
    keyed: &mut Keyed,
    context: &Context,
    dimension: Dimension,
    groups: Vec<PeopleGroup>,
) -> LaidOut {
    let mut tables = Vec::new();
    for (counted, totals) in context.measures.iter().zip(context.totals) {
        let shown: Vec<usize> = (0..counted.columns.len())
            .filter(|column| {
                !counted.columns[*column].sensitive || dimension == context.sensitive_grouping
            })
            .collect();
        let rows: Vec<Vec<Cell>> = groups
            .iter()
            .map(|group| {
                let population = group
                    .members
                    .iter()
                    .filter(|member| context.interviewed.contains(member))
                    .count() as u32;
                let group_key = group.group.code.as_deref().unwrap_or(&group.group.label);
                shown
                    .iter()
                    .map(|&column| {
                        let column_of = &counted.columns[column];
                        let cell = keyed.cell(
                            counted.sum(&group.members, column),
                            column_of.sensitive.then_some(population),
                            format!(
                                "{}/{}/{group_key}/{}",
                                wire_name(&dimension),
                                wire_name(&counted.measure),
                                column_of.code
                            ),
                        );
                        if group.hidden {
                            keyed.grid.hide(cell);
                        }
                        cell
                    })
                    .collect()
            })
            .collect();
        for (index, &column) in shown.iter().enumerate() {
            keyed
                .grid
                .sum(rows.iter().map(|row| row[index]).collect(), totals[column]);
        }
        tables.push((shown, rows));
    }
    LaidOut {
        dimension,
        groups,
        tables,
    }
}

/// Hides what must be hidden: the sensitive figures of groups whose people changed by fewer
/// than k since an earlier export (`regrouped`), the rules, then every other figure too close
/// to an earlier export's, protecting again after each round. Returns the grid and how many
/// figures the earlier exports hid.
fn protect(keyed: &Keyed, regrouped: Vec<Cell>, earlier: &[Earlier], k: u32) -> (Grid, u32) {
    let mut moved: Vec<Cell> = regrouped;
    loop {
        let mut grid = keyed.grid.clone();
        for cell in &moved {
            grid.hide(*cell);
        }
        grid.protect(k);
        let close = earlier::too_close(&grid, &keyed.keys, earlier, k);
        if close.is_empty() {
            return (grid, moved.len() as u32);
        }
        moved.extend(close);
    }
}

pub(super) fn lay(
    program: &Program,
    facts: &Facts,
    measures: &[Counted],
    earlier: &[Earlier],
) -> Laid {
    let k = program.anonymity_k;
    let everyone: Vec<ClientId> = facts.people.iter().map(|person| person.id).collect();
    let interviewed: HashSet<ClientId> = facts.held.iter().map(|(client, _)| *client).collect();
    let department_groups = groups(&facts.people, Dimension::Department, k);
    let age_band_groups = groups(&facts.people, Dimension::AgeBand, k);
    // Once exported, the grouping stays: two exports must never cross two groupings.
    let sensitive_grouping = earlier
        .iter()
        .find_map(|export| export.figures.grouping)
        .unwrap_or_else(|| sensitive_grouping(&department_groups, &age_band_groups));
    let mut keyed = Keyed::default();
    // The totals are shared by both breakdowns (and the interviews' total by the months).
    let totals: Vec<Vec<Cell>> = measures
        .iter()
        .map(|counted| {
            counted
                .columns
                .iter()
                .enumerate()
                .map(|(index, column)| {
                    keyed.cell(
                        counted.sum(&everyone, index),
                        column.sensitive.then_some(interviewed.len() as u32),
                        format!("total/{}/{}", wire_name(&counted.measure), column.code),
                    )
                })
                .collect()
        })
        .collect();
    let context = Context {
        measures,
        totals: &totals,
        interviewed: &interviewed,
        sensitive_grouping,
    };
    let merged_departments = merged(&facts.people, &department_groups, Dimension::Department);
    let merged_bands = merged(&facts.people, &age_band_groups, Dimension::AgeBand);
    let by_department = lay_out(
        &mut keyed,
        &context,
        Dimension::Department,
        department_groups,
    );
    let by_age_band = lay_out(&mut keyed, &context, Dimension::AgeBand, age_band_groups);
    let months = months(program, &facts.held);
    let month_cells: Vec<Cell> = months
        .iter()
        .map(|&(year, month)| {
            let code = format!("{year:04}-{month:02}");
            let held = facts
                .held
                .iter()
                .filter(|(_, at)| at.starts_with(&code))
                .count();
            keyed.cell(held as u32, None, format!("month/{code}"))
        })
        .collect();
    let interviews_total = totals[0][2];
    keyed.grid.sum(month_cells.clone(), interviews_total);

    let laid_sensitive = match sensitive_grouping {
        Dimension::Department => &by_department,
        Dimension::AgeBand => &by_age_band,
    };
    let people: Vec<GroupPeople> = laid_sensitive
        .groups
        .iter()
        .map(|group| GroupPeople {
            members: group.members.iter().map(|member| member.0).collect(),
            interviewed: group
                .members
                .iter()
                .filter(|member| interviewed.contains(member))
                .map(|member| member.0)
                .collect(),
        })
        .collect();
    let regrouped: Vec<Cell> = earlier::regrouped(&people, earlier, k)
        .into_iter()
        .flat_map(|group| laid_sensitive.sensitive_cells(measures, group))
        .collect();
    let (grid, moved) = protect(&keyed, regrouped, earlier, k);

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
            .map(|((counted, totals), (columns, rows))| Table {
                measure: counted.measure,
                columns: columns
                    .iter()
                    .map(|column| counted.columns[*column].clone())
                    .collect::<Vec<Column>>(),
                rows: laid_out
                    .groups
                    .iter()
                    .zip(rows)
                    .map(|(group, cells)| TableRow {
                        group: group.group.clone(),
                        cells: shown(&cells),
                    })
                    .collect(),
                totals: columns
                    .iter()
                    .map(|column| grid.shown(totals[*column]))
                    .collect(),
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
            sensitive: false,
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
    let sensitive_columns: Vec<String> = measures
        .iter()
        .flat_map(|counted| &counted.columns)
        .filter(|column| column.sensitive)
        .map(|column| column.code.clone())
        .collect();
    let hidden = (0..keyed.keys.len())
        .filter(|index| grid.shown(Cell(*index)).is_none())
        .count() as u32;
    let note = |kind, dimension, count, columns: Vec<String>, since: Vec<String>| DisclosureNote {
        kind,
        dimension,
        count,
        columns,
        since,
    };
    let mut disclosure = Vec::new();
    for (dimension, merged) in [
        (Dimension::Department, &merged_departments),
        (Dimension::AgeBand, &merged_bands),
    ] {
        if !merged.is_empty() {
            disclosure.push(note(
                DisclosureKind::SmallGroupsMerged,
                Some(dimension),
                merged.len() as u32,
                Vec::new(),
                Vec::new(),
            ));
        }
    }
    disclosure.push(note(
        DisclosureKind::SensitiveByOneGrouping,
        Some(sensitive_grouping),
        sensitive_columns.len() as u32,
        sensitive_columns,
        Vec::new(),
    ));
    if hidden > moved {
        disclosure.push(note(
            DisclosureKind::FiguresHidden,
            None,
            hidden - moved,
            Vec::new(),
            Vec::new(),
        ));
    }
    if moved > 0 {
        let mut since: Vec<String> = earlier
            .iter()
            .map(|export| export.exported_on.clone())
            .collect();
        since.sort();
        since.dedup();
        disclosure.push(note(
            DisclosureKind::MovedSinceEarlierExport,
            None,
            moved,
            Vec::new(),
            since,
        ));
    }
    Laid {
        merged: [merged_departments, merged_bands].concat(),
        by_department,
        by_age_band,
        monthly,
        disclosure,
        figures: earlier::figures(&grid, &keyed.keys, sensitive_grouping, people),
    }
}
