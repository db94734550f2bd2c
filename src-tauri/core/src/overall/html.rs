//! The overall report as the package's HTML page, in Japanese: the consultant's findings and
//! proposals first, then each measure as a chart and as tables by department and by age band.

use super::chart;
use super::document::{Measure, OverallDocument, Table};
use crate::package::Page;

/// How a hidden figure is printed.
const HIDDEN: &str = "—";

fn figure(value: Option<u32>) -> String {
    value.map_or_else(|| HIDDEN.to_owned(), |value| value.to_string())
}

/// A table with its categories as rows and its groups as columns, then the total: the
/// categories are many and the groups few, so it fits the page's width.
fn transposed(page: &mut Page, corner: &str, table: &Table) {
    let mut header = vec![corner];
    header.extend(table.rows.iter().map(|row| row.group.label.as_str()));
    header.push("合計");
    let rows: Vec<Vec<String>> = table
        .columns
        .iter()
        .enumerate()
        .map(|(index, column)| {
            let mut cells = vec![if column.sensitive {
                format!("{}※", column.label)
            } else {
                column.label.clone()
            }];
            cells.extend(table.rows.iter().map(|row| figure(row.cells[index])));
            cells.push(figure(table.totals[index]));
            cells
        })
        .collect();
    page.table(&header, &rows);
}

fn heading_of(measure: Measure) -> (&'static str, &'static str) {
    match measure {
        Measure::Participation => ("実施状況", "人数・回数"),
        Measure::Themes => ("相談テーマ（人数）", "テーマ"),
        Measure::Issues => ("組織的な課題（人数）", "課題"),
        Measure::ActionPlan => ("アクションプランの進捗（件数）", "状況"),
        Measure::Flags => ("配慮を要する事項（人数）", "区分"),
        Measure::Monthly => ("面談の推移（回数）", "月"),
    }
}

pub(super) fn page(document: &OverallDocument) -> String {
    let program = &document.program;
    let mut page = Page::new(&format!("全体報告書 {}", program.name));
    page.notice("個人が特定されない集計のみを記載");
    page.heading(1, "全体報告書");
    page.facts(&[
        ("企業", program.company.clone()),
        ("実施プログラム", program.name.clone()),
        (
            "実施期間",
            format!("{} 〜 {}", program.starts_on, program.ends_on),
        ),
        ("作成日", document.created_on.clone()),
        (
            "匿名化の基準",
            format!(
                "{}人未満の集団・{}未満の数値は表示しない",
                program.anonymity_k, program.anonymity_k
            ),
        ),
    ]);
    page.heading(2, "所見");
    page.text(&document.findings);
    if !document.proposals.trim().is_empty() {
        page.heading(2, "提言");
        page.text(&document.proposals);
    }
    let by_age = &document.by_age_band.tables;
    for (index, by_department) in document.by_department.tables.iter().enumerate() {
        let (title, corner) = heading_of(by_department.measure);
        page.heading(2, title);
        let bars: Vec<(String, Option<u32>)> = if by_department.measure == Measure::Participation {
            // How many took part, department by department.
            by_department
                .rows
                .iter()
                .map(|row| (row.group.label.clone(), row.cells[0]))
                .collect()
        } else {
            by_department
                .columns
                .iter()
                .zip(&by_department.totals)
                .map(|(column, total)| (column.label.clone(), *total))
                .collect()
        };
        let caption = if by_department.measure == Measure::Participation {
            "所属別の対象者数"
        } else {
            "全体の合計"
        };
        page.figure(&chart::bars(title, &bars), caption);
        page.heading(3, "所属別");
        transposed(&mut page, corner, by_department);
        if let Some(by_age) = by_age.get(index) {
            page.heading(3, "年代別");
            transposed(&mut page, corner, by_age);
        }
        if by_department.measure == Measure::Participation {
            let (title, _) = heading_of(Measure::Monthly);
            page.heading(2, title);
            let monthly = &document.monthly;
            let bars: Vec<(String, Option<u32>)> = monthly
                .rows
                .iter()
                .map(|row| (row.group.label.clone(), row.cells[0]))
                .collect();
            page.figure(&chart::bars(title, &bars), "月別の面談回数");
        }
    }
    page.heading(2, "個人が特定されないための処理");
    for note in &document.disclosure {
        page.text(&note.japanese(program.anonymity_k));
    }
    page.muted(&format!(
        "「{HIDDEN}」は伏せた数値です。配慮を要する項目（※）は一つの区分でのみ集計しています。"
    ));
    page.finish()
}
