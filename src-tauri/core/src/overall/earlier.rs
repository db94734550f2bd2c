//! Exports compared: a reader holding two overall reports of one program can subtract them, and
//! a figure that moved by one person between them tells that person's answer (the one employee
//! interviewed in between raised health). Each export records the figures it published, never
//! a hidden one, and who was in each group of its sensitive columns.
//!
//! Sensitive columns are compared by who is in the groups, never by the figures: hiding a
//! figure because it moved would itself say that it moved. A group of the next report whose
//! people differ from those of any earlier group they share people with by 1 to k − 1 (someone
//! joined, left, or was interviewed since) shows none of its sensitive figures; and the
//! grouping that shows them stays the first export's, so two groupings are never crossed
//! across exports. Other columns hide every figure, or sum of hidden figures, that moved by
//! fewer than k people since any earlier export.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::document::Dimension;
use super::suppress::{Cell, Grid};

/// The figures one export published, by the key that names each across exports
/// (`department/themes/営業部/health`, `total/flags/mental_health`, `month/2026-05` …), and the
/// sums that tied them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Figures {
    /// Every figure, `None` where it was hidden.
    pub(crate) cells: BTreeMap<String, Option<u32>>,
    /// Parts and the total they add up to.
    pub(crate) lines: Vec<(Vec<String>, String)>,
    /// The grouping that showed the sensitive columns.
    #[serde(default)]
    pub(crate) grouping: Option<Dimension>,
    /// Who was in each group of that grouping.
    #[serde(default)]
    pub(crate) groups: Vec<GroupPeople>,
}

/// The people of one group of an export, by client id: all of them, and those interviewed
/// (who could have brought a theme).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct GroupPeople {
    pub(crate) members: BTreeSet<i64>,
    pub(crate) interviewed: BTreeSet<i64>,
}

impl GroupPeople {
    /// Whether a reader holding both could tell fewer than k people apart: the two share
    /// people, and one holds 1 to k − 1 people (or interviewed people) the other does not.
    fn too_close_to(&self, other: &GroupPeople, k: u32) -> bool {
        if self.members.is_disjoint(&other.members) {
            return false;
        }
        let few = |count: usize| count > 0 && count < k as usize;
        few(self.members.difference(&other.members).count())
            || few(other.members.difference(&self.members).count())
            || few(self.interviewed.difference(&other.interviewed).count())
            || few(other.interviewed.difference(&self.interviewed).count())
    }
}

/// The groups (by index in `now`) whose sensitive figures a reader could subtract from an
/// earlier export's to learn about fewer than k people. Only who is where decides it. A reader
/// subtracts one group from another, groups that share people taken together (two groups
/// merged, plus a newcomer), and everyone (the totals); each is compared.
pub(super) fn regrouped(now: &[GroupPeople], earlier: &[Earlier], k: u32) -> Vec<usize> {
    let mut hidden = BTreeSet::new();
    for export in earlier {
        let then = &export.figures.groups;
        if then.is_empty() {
            continue;
        }
        for (index, group) in now.iter().enumerate() {
            if then.iter().any(|earlier| group.too_close_to(earlier, k)) {
                hidden.insert(index);
            }
        }
        for (now_linked, then_linked) in linked(now, then) {
            if union(now, &now_linked).too_close_to(&union(then, &then_linked), k) {
                hidden.extend(now_linked);
            }
        }
        let everyone =
            |groups: &[GroupPeople]| union(groups, &(0..groups.len()).collect::<Vec<_>>());
        if everyone(now).too_close_to(&everyone(then), k) || moved(now, then) {
            hidden.extend(0..now.len());
        }
    }
    hidden.into_iter().collect()
}

/// Whether people in both exports are grouped differently now (someone moved, or groups were
/// split or merged): the two breakdowns then form one system of sums whose differences can
/// isolate a person even where no group, no linked set and not everyone changed by fewer than
/// k, so no sensitive figure of this grouping is shown again.
fn moved(now: &[GroupPeople], then: &[GroupPeople]) -> bool {
    let group_of = |groups: &[GroupPeople]| -> BTreeMap<i64, usize> {
        groups
            .iter()
            .enumerate()
            .flat_map(|(index, group)| group.members.iter().map(move |person| (*person, index)))
            .collect()
    };
    let (now_of, then_of) = (group_of(now), group_of(then));
    let mut now_for_then: BTreeMap<usize, usize> = BTreeMap::new();
    let mut then_for_now: BTreeMap<usize, usize> = BTreeMap::new();
    for (person, now_group) in &now_of {
        let Some(then_group) = then_of.get(person) else {
            continue;
        };
        if *now_for_then.entry(*then_group).or_insert(*now_group) != *now_group
            || *then_for_now.entry(*now_group).or_insert(*then_group) != *then_group
        {
            return true;
        }
    }
    false
}

/// The people of `groups` at `indices`, together.
fn union(groups: &[GroupPeople], indices: &[usize]) -> GroupPeople {
    indices
        .iter()
        .fold(GroupPeople::default(), |mut union, index| {
            union.members.extend(&groups[*index].members);
            union.interviewed.extend(&groups[*index].interviewed);
            union
        })
}

/// The groups of `now` and `then` linked by shared people, directly or through others: each
/// set as (indices in `now`, indices in `then`).
fn linked(now: &[GroupPeople], then: &[GroupPeople]) -> Vec<(Vec<usize>, Vec<usize>)> {
    // Union-find over both lists: `now` first, then `then`.
    let mut parent: Vec<usize> = (0..now.len() + then.len()).collect();
    fn root(parent: &mut [usize], mut node: usize) -> usize {
        while parent[node] != node {
            parent[node] = parent[parent[node]];
            node = parent[node];
        }
        node
    }
    for (i, group) in now.iter().enumerate() {
        for (j, earlier) in then.iter().enumerate() {
            if !group.members.is_disjoint(&earlier.members) {
                let (a, b) = (root(&mut parent, i), root(&mut parent, now.len() + j));
                parent[a] = b;
            }
        }
    }
    let mut sets: BTreeMap<usize, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for node in 0..parent.len() {
        let set = sets.entry(root(&mut parent, node)).or_default();
        if node < now.len() {
            set.0.push(node);
        } else {
            set.1.push(node - now.len());
        }
    }
    sets.into_values().collect()
}

/// An earlier export of the same program.
#[derive(Debug, Clone)]
pub(crate) struct Earlier {
    /// Its day (`YYYY-MM-DD`).
    pub(crate) exported_on: String,
    /// What it published.
    pub(crate) figures: Figures,
}

/// What `grid` publishes, keyed by `keys` (one per cell, in cell order), and who was in each
/// group of the sensitive `grouping`.
pub(super) fn figures(
    grid: &Grid,
    keys: &[String],
    grouping: Dimension,
    groups: Vec<GroupPeople>,
) -> Figures {
    Figures {
        grouping: Some(grouping),
        groups,
        cells: keys
            .iter()
            .enumerate()
            .map(|(index, key)| (key.clone(), grid.shown(Cell(index))))
            .collect(),
        lines: grid
            .lines()
            .iter()
            .map(|line| {
                (
                    line.parts.iter().map(|part| keys[part.0].clone()).collect(),
                    keys[line.total.0].clone(),
                )
            })
            .collect(),
    }
}

/// The figures `grid` shows that a reader could subtract from an earlier export's to learn
/// about fewer than k people: a figure shown in both that moved by 1 to k − 1, and the total of
/// a line whose hidden figures (hidden in either export) add up, in the two, to sums that moved
/// so. Hiding what this returns and protecting again, until it returns nothing, leaves no such
/// difference.
pub(super) fn too_close(grid: &Grid, keys: &[String], earlier: &[Earlier], k: u32) -> Vec<Cell> {
    let moved = |now: i64, then: i64| {
        let difference = now.abs_diff(then);
        difference > 0 && difference < u64::from(k)
    };
    let mut close = BTreeSet::new();
    for export in earlier {
        let then = |key: &str| export.figures.cells.get(key).copied().flatten();
        for (index, key) in keys.iter().enumerate() {
            // Sensitive figures are compared by who is in their groups ([`regrouped`]).
            if grid.is_sensitive(Cell(index)) {
                continue;
            }
            if let (Some(now), Some(then)) = (grid.shown(Cell(index)), then(key)) {
                if moved(now.into(), then.into()) {
                    close.insert(Cell(index));
                }
            }
        }
        for line in grid.lines() {
            if grid.is_sensitive(line.total) {
                continue;
            }
            let (Some(total_now), Some(total_then)) =
                (grid.shown(line.total), then(&keys[line.total.0]))
            else {
                continue;
            };
            let parts: BTreeSet<&str> = line
                .parts
                .iter()
                .map(|part| keys[part.0].as_str())
                .collect();
            let same_line = export.figures.lines.iter().any(|(earlier_parts, total)| {
                *total == keys[line.total.0]
                    && earlier_parts
                        .iter()
                        .map(String::as_str)
                        .collect::<BTreeSet<_>>()
                        == parts
            });
            if !same_line {
                continue;
            }
            // The figures hidden in either export: their sum is the total less the others, in
            // both, since every other figure was shown in both.
            let hidden_in_either =
                |part: &Cell| grid.shown(*part).is_none() || then(&keys[part.0]).is_none();
            if !line.parts.iter().any(hidden_in_either) {
                continue;
            }
            let (mut sum_now, mut sum_then) = (i64::from(total_now), i64::from(total_then));
            for part in line.parts.iter().filter(|part| !hidden_in_either(part)) {
                sum_now -= i64::from(grid.shown(*part).unwrap_or_default());
                sum_then -= i64::from(then(&keys[part.0]).unwrap_or_default());
            }
            if moved(sum_now, sum_then) {
                close.insert(line.total);
            }
        }
    }
    close.into_iter().collect()
}
