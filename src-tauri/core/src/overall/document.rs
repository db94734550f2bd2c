//! The overall report as it is sent: the JSON document of the package, and what its HTML page
//! and the app's preview are drawn from. A hidden figure is `null`.

use serde::Serialize;

/// The `format` of an overall report's JSON document.
pub const OVERALL_FORMAT: &str = "kizuki-overall-report";

/// The overall report of a program.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OverallDocument {
    /// [`OVERALL_FORMAT`].
    pub format: String,
    /// The document's version (the package format's).
    pub version: u32,
    /// The program reported on.
    pub program: OverallProgram,
    /// The day it was drawn up.
    pub created_on: String,
    /// The figures by department.
    pub by_department: Breakdown,
    /// The figures by age band.
    pub by_age_band: Breakdown,
    /// Interviews held, month by month over the program's period.
    pub monthly: Table,
    /// What was hidden, merged or withheld, and why, for the reader and the consultant.
    pub disclosure: Vec<DisclosureNote>,
    /// The consultant's findings.
    pub findings: String,
    /// The consultant's proposals.
    pub proposals: String,
}

/// The program, as the report names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OverallProgram {
    /// Its name.
    pub name: String,
    /// The company.
    pub company: String,
    /// First day.
    pub starts_on: String,
    /// Last day.
    pub ends_on: String,
    /// The anonymity threshold: no group or count below it is shown.
    pub anonymity_k: u32,
}

/// How the people of a program are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// By department (所属).
    Department,
    /// By age band (年代).
    AgeBand,
}

/// The figures of one grouping, table by table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Breakdown {
    /// The grouping.
    pub dimension: Dimension,
    /// Participation, themes, issues, action plans, flags.
    pub tables: Vec<Table>,
}

/// What a table counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// People in the group, those interviewed, and interviews held.
    Participation,
    /// People who brought each theme.
    Themes,
    /// People whose interviews showed each organisational issue.
    Issues,
    /// Action items decided in the program's interviews, by status.
    ActionPlan,
    /// People with a flag of each kind.
    Flags,
    /// Interviews held in each month.
    Monthly,
}

/// A column: a code for systems and its label as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Column {
    /// e.g. `career_direction`, `done`, `people`.
    pub code: String,
    /// e.g. 「今後のキャリアの方向性」.
    pub label: String,
    /// Whether it says something sensitive of each person counted (health, family, harm at
    /// work, a flag): shown by one grouping only, under the stricter rule.
    pub sensitive: bool,
}

/// A group of people, or a month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Group {
    /// The label as printed: a department's name, 「30代」, 「その他」, 「2026年4月」.
    pub label: String,
    /// A code for systems: an age band (`30s`), a month (`2026-04`), `other` for the small
    /// groups merged, `unset` for people without the attribute; absent for a department.
    pub code: Option<String>,
}

/// One table of figures; every column's figures add up to its total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Table {
    /// What it counts.
    pub measure: Measure,
    /// Its columns.
    pub columns: Vec<Column>,
    /// A row per group.
    pub rows: Vec<TableRow>,
    /// Each column's total over all groups; `null` when hidden.
    pub totals: Vec<Option<u32>>,
}

/// A group's figures, one per column; `null` when hidden.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TableRow {
    /// The group.
    pub group: Group,
    /// Its figures.
    pub cells: Vec<Option<u32>>,
}

/// Why figures of the report are not shown as they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DisclosureKind {
    /// Groups smaller than k were merged into 「その他」 (`count` groups, by `dimension`).
    SmallGroupsMerged,
    /// Sensitive columns are shown by `dimension` only, so that two groupings cannot be crossed.
    SensitiveByOneGrouping,
    /// `count` figures are hidden: counts below k, sensitive counts that would say something of
    /// everyone or nearly everyone in a group, and the figures hidden beside them.
    FiguresHidden,
    /// `count` figures are hidden because they moved by fewer than k people since an earlier
    /// export of this program (on the days in `since`).
    MovedSinceEarlierExport,
}

/// One thing the report hid, merged or withheld.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DisclosureNote {
    /// What was done.
    pub kind: DisclosureKind,
    /// The grouping concerned, if one.
    pub dimension: Option<Dimension>,
    /// How many groups or figures.
    pub count: u32,
    /// The sensitive columns concerned (their codes).
    pub columns: Vec<String>,
    /// The days of the earlier exports compared.
    pub since: Vec<String>,
}

impl DisclosureNote {
    /// The note in the words of the report's page (Japanese, as every recipient document).
    pub(crate) fn japanese(&self, k: u32) -> String {
        let grouping = match self.dimension {
            Some(Dimension::AgeBand) => "年代",
            _ => "所属",
        };
        match self.kind {
            DisclosureKind::SmallGroupsMerged => format!(
                "{k}人未満の{grouping}（{}）は、名前が出ないよう「その他」にまとめました。",
                self.count
            ),
            DisclosureKind::SensitiveByOneGrouping => format!(
                "健康・家庭・職場での困りごとや配慮を要する事項は、所属別と年代別を掛け合わせて\
                 個人が分からないよう、{grouping}別にのみ示しました。"
            ),
            DisclosureKind::FiguresHidden => format!(
                "{k}未満の数値、配慮を要する事項で集団のほぼ全員に当てはまる数値、\
                 それらを引き算で割り出せないよう併せた数値の計{}件を「—」で伏せました。",
                self.count
            ),
            DisclosureKind::MovedSinceEarlierExport => format!(
                "以前の書き出し（{}）との差が{k}人未満の数値{}件を、差し引きで個人が分からないよう伏せました。",
                self.since.join("、"),
                self.count
            ),
        }
    }
}
