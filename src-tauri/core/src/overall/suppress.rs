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
    lines: Vec<Line>,
}

impl Grid {
    /// A figure.
    pub(crate) fn cell(&mut self, value: u32) -> Cell {
        self.values.push(value);
        self.hidden.push(false);
        Cell(self.values.len() - 1)
    }

    /// Hides a figure whatever its value (every figure of a group smaller than k).
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
        for (value, hidden) in self.values.iter().zip(self.hidden.iter_mut()) {
            if (1..k).contains(value) {
                *hidden = true;
            }
        }
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

    /// The figure as the report shows it: `None` when hidden.
    pub(crate) fn shown(&self, cell: Cell) -> Option<u32> {
        (!self.hidden[cell.0]).then_some(self.values[cell.0])
    }

    #[cfg(test)]
    pub(crate) fn value(&self, cell: Cell) -> u32 {
        self.values[cell.0]
    }

    #[cfg(test)]
    pub(crate) fn lines(&self) -> &[Line] {
        &self.lines
    }

    #[cfg(test)]
    pub(crate) fn cells(&self) -> impl Iterator<Item = Cell> {
        (0..self.values.len()).map(Cell)
    }
}
