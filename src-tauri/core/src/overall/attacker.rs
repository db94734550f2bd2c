//! The overall report's reader turned attacker, for the tests. They know every participant's
//! department, age band and interview month (HR scheduled them), so who was interviewed; they
//! read every published figure of a sensitive column in both breakdowns and the totals; and they
//! try to learn that one person has the attribute.
//!
//! People the reader cannot tell apart (in the same published groups) form a class. Small
//! programs are attacked exhaustively and knowing the method: every count per class is tried,
//! the report is published again from it by the very code under test, and a count is kept when
//! the publication is identical to the real one (so a hidden figure that can only be non-zero
//! says so). Larger programs are bounded by linear programming over the shown figures. A person
//! is determined when every count kept fills their class.

use std::collections::BTreeMap;

use minilp::{ComparisonOp, OptimizationDirection, Problem};

use super::document::{Breakdown, Dimension, Measure, TableRow};
use super::gather::Person;
use crate::ids::ClientId;
use crate::text::wire_name;

/// One column's published figures: the people each one counts, and its value (`None` hidden).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Published(pub(super) Vec<(Vec<ClientId>, Option<u32>)>);

impl Published {
    fn values(&self) -> Vec<Option<u32>> {
        self.0.iter().map(|(_, value)| *value).collect()
    }
}

/// The people a row of a breakdown counts, as its reader works them out from the roster: a
/// department by its name, an age band by its code, 「未設定」 those without, 「その他」 all the
/// rest.
fn members(people: &[Person], breakdown: &Breakdown, row: &TableRow) -> Vec<ClientId> {
    let key = |person: &Person| -> Option<String> {
        match breakdown.dimension {
            Dimension::Department => person.department_name().map(str::to_owned),
            Dimension::AgeBand => person.age_band.map(|band| wire_name(&band)),
        }
    };
    let rows = &breakdown.tables[0].rows;
    let named = |label: &str| {
        rows.iter().any(|row| match breakdown.dimension {
            Dimension::Department => row.group.code.is_none() && row.group.label == label,
            Dimension::AgeBand => row.group.code.as_deref() == Some(label),
        })
    };
    let unset_shown = rows
        .iter()
        .any(|row| row.group.code.as_deref() == Some("unset"));
    people
        .iter()
        .filter(|person| {
            let key = key(person);
            match row.group.code.as_deref() {
                Some("unset") => key.is_none(),
                Some("other") => match &key {
                    Some(key) => !named(key),
                    None => !unset_shown,
                },
                _ => match breakdown.dimension {
                    Dimension::Department => key.as_deref() == Some(row.group.label.as_str()),
                    Dimension::AgeBand => key.as_deref() == row.group.code.as_deref(),
                },
            }
        })
        .map(|person| person.id)
        .collect()
}

/// Every published figure of one column, in both breakdowns and the total.
pub(super) fn published(
    people: &[Person],
    breakdowns: [&Breakdown; 2],
    measure: Measure,
    code: &str,
) -> Published {
    let mut figures = Vec::new();
    let mut total = None;
    for breakdown in breakdowns {
        let Some(table) = breakdown
            .tables
            .iter()
            .find(|table| table.measure == measure)
        else {
            continue;
        };
        let Some(column) = table.columns.iter().position(|column| column.code == code) else {
            continue;
        };
        for row in &table.rows {
            figures.push((members(people, breakdown, row), row.cells[column]));
        }
        total = Some(table.totals[column]);
    }
    if let Some(total) = total {
        figures.push((people.iter().map(|person| person.id).collect(), total));
    }
    Published(figures)
}

/// The population cut into classes of people no published figure tells apart.
fn classes(population: &[ClientId], real: &Published) -> Vec<Vec<ClientId>> {
    let mut classes: BTreeMap<Vec<bool>, Vec<ClientId>> = BTreeMap::new();
    for person in population {
        let signature = real
            .0
            .iter()
            .map(|(members, _)| members.contains(person))
            .collect();
        classes.entry(signature).or_default().push(*person);
    }
    classes.into_values().collect()
}

/// The people of `population` (those who could have the attribute) whom `real` shows to have
/// it, trying every count per class and publishing it again with `publish` (given who has the
/// attribute). `None` when there are more than `limit` counts to try.
pub(super) fn determined_exhaustively(
    population: &[ClientId],
    real: &Published,
    publish: impl Fn(&[ClientId]) -> Published,
    limit: u64,
) -> Option<Vec<ClientId>> {
    let classes = classes(population, real);
    let tries = classes.iter().try_fold(1_u64, |tries, class| {
        tries.checked_mul(class.len() as u64 + 1)
    })?;
    if tries > limit {
        return None;
    }
    let wanted = real.values();
    let mut least: Vec<Option<usize>> = vec![None; classes.len()];
    let mut counts = vec![0_usize; classes.len()];
    loop {
        let holders: Vec<ClientId> = classes
            .iter()
            .zip(&counts)
            .flat_map(|(class, count)| class[..*count].iter().copied())
            .collect();
        if publish(&holders).values() == wanted {
            for (least, count) in least.iter_mut().zip(&counts) {
                *least = Some(least.map_or(*count, |least| least.min(*count)));
            }
        }
        // The next count, as an odometer over the classes.
        let mut digit = 0;
        loop {
            if digit == counts.len() {
                assert!(
                    least.iter().all(Option::is_some),
                    "the real figures were not among those tried"
                );
                return Some(
                    classes
                        .iter()
                        .zip(&least)
                        .filter(|(class, least)| **least == Some(class.len()))
                        .flat_map(|(class, _)| class.iter().copied())
                        .collect(),
                );
            }
            if counts[digit] < classes[digit].len() {
                counts[digit] += 1;
                break;
            }
            counts[digit] = 0;
            digit += 1;
        }
    }
}

/// The people of `population` that the shown figures of `real` force to have the attribute,
/// by linear programming: the least count of each class, over every fractional count the shown
/// figures allow. (Each person is in one group of each breakdown, so the constraints are those
/// of a network and the least is reached at a whole count: the bound is exact for the shown
/// figures, though blind to what a hidden figure's being hidden says.)
pub(super) fn determined_by_bounds(population: &[ClientId], real: &Published) -> Vec<ClientId> {
    let classes = classes(population, real);
    let mut determined = Vec::new();
    for (target, class) in classes.iter().enumerate() {
        let mut problem = Problem::new(OptimizationDirection::Minimize);
        let variables: Vec<_> = classes
            .iter()
            .enumerate()
            .map(|(index, class)| {
                problem.add_var(
                    if index == target { 1.0 } else { 0.0 },
                    (0.0, class.len() as f64),
                )
            })
            .collect();
        for (members, value) in &real.0 {
            let Some(value) = value else { continue };
            let terms: Vec<_> = classes
                .iter()
                .zip(&variables)
                .filter(|(class, _)| members.contains(&class[0]))
                .map(|(_, variable)| (*variable, 1.0))
                .collect();
            problem.add_constraint(terms, ComparisonOp::Eq, f64::from(*value));
        }
        let least = problem
            .solve()
            .map(|solution| solution.objective())
            .unwrap_or_else(|error| panic!("the real figures admit no solution: {error}"));
        if least > class.len() as f64 - 1e-6 {
            determined.extend(class.iter().copied());
        }
    }
    determined
}
