//! How the report groups a program's people (by department, by age band) and its months. A
//! grouping depends only on who is in the program, which the report's reader knows already:
//! never on anything the report counts.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::document::{Dimension, Group};
use super::gather::{column_of, Person};
use crate::client::AgeBand;
use crate::ids::ClientId;
use crate::program::Program;

/// A group of people as the report shows it; `hidden` when smaller than k.
pub(super) struct PeopleGroup {
    pub(super) group: Group,
    pub(super) members: Vec<ClientId>,
    pub(super) hidden: bool,
}

/// The groups of one dimension, in order: those of at least k people under their own label,
/// then those without the attribute if there are k of them, then everyone else merged into
/// 「その他」, with as many of the smallest groups as it takes to reach k. The names of the
/// groups merged never appear.
pub(super) fn groups(people: &[Person], dimension: Dimension, k: u32) -> Vec<PeopleGroup> {
    let mut named: BTreeMap<(usize, String), (Group, Vec<ClientId>)> = BTreeMap::new();
    let mut unset = Vec::new();
    for person in people {
        let key = match dimension {
            Dimension::Department => person.department_name().map(|name| {
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
pub(super) fn months(program: &Program, held: &[(ClientId, String)]) -> Vec<(i32, u32)> {
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

/// The labels of the groups of `dimension` merged into 「その他」: too small to show, so never
/// to be named (「その他」 and 「未設定」 themselves aside, which name no one).
pub(super) fn merged(
    people: &[Person],
    groups: &[PeopleGroup],
    dimension: Dimension,
) -> Vec<String> {
    let shown: Vec<&str> = groups
        .iter()
        .filter(|group| group.group.code.as_deref() != Some("other"))
        .map(|group| group.group.label.as_str())
        .collect();
    let mut merged: Vec<String> = people
        .iter()
        .filter_map(|person| person.group_label(dimension))
        .filter(|label| !shown.contains(&label.as_str()))
        .filter(|label| !["その他", "未設定"].contains(&label.as_str()))
        .collect();
    merged.sort();
    merged.dedup();
    merged
}
