//! The k rule and complementary suppression. Every figure of the report is a cell of one grid;
//! the report's totals are tied to the figures they add up by lines (`parts` sum to `total`).
//! A figure shared by two tables (a program-wide total shown by department and by age band) is
//! one cell, so it is hidden in both or in neither.
//!
//! Primary suppression hides every cell of a group smaller than k and every count from 1 to
//! k − 1. A line with exactly one hidden cell would give that cell away by subtraction, so
//! complementary suppression hides one more cell of such a line (the smallest count, so the
//! report loses as little as it can; the total only when no part is left), and repeats until no
//! line has exactly one hidden cell. Hiding only ever grows, so this ends.
//!
//! A sensitive figure (a health or family theme, a flag: see [`super::tables`]) says of each
//! person counted that they have the attribute, so its rule is stricter: it shows only 0 among
//! at least k people who could have it, or a count that leaves at least k on each side (k ≤ c
//! ≤ m − k, m the people who could), and its total is hidden whenever a figure beside it is:
//! see [`Grid::hide_sensitive_totals`] for why a rule that looked at the values would not do.

/// A cell of the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Cell(pub(super) usize);

/// Parts that add up to a total.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    pub(crate) parts: Vec<Cell>,
    pub(crate) total: Cell,
}

impl Line {
    fn members(&self) -> impl Iterator<Item = Cell> + '_ {
        self.parts
            .iter()
            .copied()
            .chain(std::iter::once(self.total))
    }
}

/// Every figure of one report and how they add up.
#[derive(Debug, Default, Clone)]
pub(crate) struct Grid {
    values: Vec<u32>,
    hidden: Vec<bool>,
    /// For a sensitive figure, how many people could have the attribute (its group's people
    /// who were interviewed); `None` for a figure under the plain k rule.
    sensitive: Vec<Option<u32>>,
    lines: Vec<Line>,
}

impl Grid {
    /// A figure.
    pub(crate) fn cell(&mut self, value: u32) -> Cell {
        self.values.push(value);
        self.hidden.push(false);
        self.sensitive.push(None);
        Cell(self.values.len() - 1)
    }

    /// A sensitive figure: `value` of the `population` who could have the attribute have it.
    pub(crate) fn sensitive_cell(&mut self, value: u32, population: u32) -> Cell {
        let cell = self.cell(value);
        self.sensitive[cell.0] = Some(population);
        cell
    }

    /// Hides a figure whatever its value (every figure of a group smaller than k, a figure
    /// that moved too little since an earlier export).
    pub(crate) fn hide(&mut self, cell: Cell) {
        self.hidden[cell.0] = true;
    }

    /// Ties `parts` to the `total` they add up to.
    pub(crate) fn sum(&mut self, parts: Vec<Cell>, total: Cell) {
        if parts.is_empty() {
            // Nothing adds up to it (a program with no one in it): no subtraction to guard.
            return;
        }
        debug_assert_eq!(
            parts.iter().map(|part| self.values[part.0]).sum::<u32>(),
            self.values[total.0],
            "a line whose parts do not add up to its total"
        );
        self.lines.push(Line { parts, total });
    }

    /// Applies the k rule, then complementary suppression until no line gives a cell away.
    pub(crate) fn protect(&mut self, k: u32) {
        for ((value, hidden), sensitive) in self
            .values
            .iter()
            .zip(self.hidden.iter_mut())
            .zip(&self.sensitive)
        {
            let shown = match sensitive {
                None => !(1..k).contains(value),
                Some(population) => sensitive_figure_shows(*value, *population, k),
            };
            if !shown {
                *hidden = true;
            }
        }
        self.hide_sensitive_totals();
        self.complement();
    }

    /// Hides the total of every sensitive line with a hidden figure. Shown, the total less the
    /// shown figures is the sum of the hidden ones, and for some sums that forces a hidden
    /// figure up to its whole group; hiding the total only for those sums would itself say
    /// which sum it was (a reader who knows the method tries each). So the total goes whenever
    /// a figure beside it is hidden, which the reader sees anyway: each hidden figure then says
    /// no more than that it is hidden, and for a group of k or more that allows 1, so no one.
    fn hide_sensitive_totals(&mut self) {
        for line in &self.lines {
            let sensitive = line
                .parts
                .iter()
                .all(|part| self.sensitive[part.0].is_some());
            if sensitive && line.parts.iter().any(|part| self.hidden[part.0]) {
                self.hidden[line.total.0] = true;
            }
        }
    }

    /// Complementary suppression: a second hidden figure in every line with exactly one.
    fn complement(&mut self) {
        loop {
            let mut changed = false;
            for index in 0..self.lines.len() {
                let line = &self.lines[index];
                if line.members().filter(|cell| self.hidden[cell.0]).count() == 1 {
                    if let Some(partner) = self.partner(line) {
                        self.hidden[partner.0] = true;
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
    }

    /// The cell to hide beside a line's one hidden cell: the smallest non-zero part, else the
    /// total, else a part that is zero (a hidden zero reads as any other hidden figure).
    fn partner(&self, line: &Line) -> Option<Cell> {
        let shown_part = |nonzero: bool| {
            line.parts
                .iter()
                .copied()
                .filter(|cell| !self.hidden[cell.0] && (self.values[cell.0] > 0) == nonzero)
                .min_by_key(|cell| (self.values[cell.0], cell.0))
        };
        shown_part(true)
            .or_else(|| (!self.hidden[line.total.0]).then_some(line.total))
            .or_else(|| shown_part(false))
    }

    /// Whether a figure is under the stricter rule of a sensitive column.
    pub(crate) fn is_sensitive(&self, cell: Cell) -> bool {
        self.sensitive[cell.0].is_some()
    }

    /// The figure as the report shows it: `None` when hidden.
    pub(crate) fn shown(&self, cell: Cell) -> Option<u32> {
        (!self.hidden[cell.0]).then_some(self.values[cell.0])
    }

    #[cfg(test)]
    pub(crate) fn value(&self, cell: Cell) -> u32 {
        self.values[cell.0]
    }

    /// The sums that tie the figures.
    pub(crate) fn lines(&self) -> &[Line] {
        &self.lines
    }

    #[cfg(test)]
    pub(crate) fn cells(&self) -> impl Iterator<Item = Cell> {
        (0..self.values.len()).map(Cell)
    }
}

/// Whether a sensitive figure may show: 0 among at least k people who could have the attribute
/// (no one of them has it, and no one is singled out by it), or a count that leaves at least k
/// people on either side. A full count, or one short of full by fewer than k, says of each of
/// them, or nearly each, that they have it.
pub(crate) fn sensitive_figure_shows(value: u32, population: u32, k: u32) -> bool {
    if value == 0 {
        population >= k
    } else {
        value >= k && value.saturating_add(k) <= population
    }
}
