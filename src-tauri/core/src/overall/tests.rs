//! The overall report against a real vault: the k rule, complementary suppression tried by an
//! attacker who subtracts and bounds, the identifier check, and the package.

use std::collections::HashMap;

use super::suppress::Grid;
use super::*;
use crate::action_plan::{ActionItemInput, ActionStatus, Smart};
use crate::client::{self, AgeBand};
use crate::flag::{FlagInput, FlagKind};
use crate::ids::{ClientId, InterviewId};
use crate::interview::topics::{self, IssueCategory, Theme, Topics};
use crate::interview::{InterviewDetails, NewInterview};
use crate::program::ProgramInput;
use crate::test_support::fixtures::{self, details, TestResult};
use crate::test_support::new_vault;
use crate::ErrorCode;

/// Figures as a recipient sees them (`None` hidden) and the sums that tie them.
struct System {
    known: Vec<Option<u32>>,
    /// What the attacker knows bounds each figure from above (a count of people in a group is
    /// at most the group's people); `None`: nothing.
    upper: Vec<Option<u32>>,
    lines: Vec<(Vec<usize>, usize)>,
}

impl System {
    /// What an attacker who knows every sum and that no figure is negative can narrow each
    /// hidden figure down to: bounds tightened line by line until nothing moves.
    fn bounds(&self) -> Vec<(u32, u32)> {
        const PRIOR: u32 = 100_000;
        let mut bounds: Vec<(u32, u32)> = self
            .known
            .iter()
            .zip(&self.upper)
            .map(|(known, upper)| known.map_or((0, upper.unwrap_or(PRIOR)), |value| (value, value)))
            .collect();
        loop {
            let before = bounds.clone();
            for (parts, total) in &self.lines {
                let low: u32 = parts.iter().map(|part| bounds[*part].0).sum();
                let high: u32 = parts
                    .iter()
                    .map(|part| bounds[*part].1)
                    .sum::<u32>()
                    .min(PRIOR);
                let (total_low, total_high) = bounds[*total];
                bounds[*total] = (total_low.max(low), total_high.min(high));
                for part in parts {
                    let others = parts.iter().filter(|other| *other != part);
                    let others_low: u32 = others.clone().map(|other| bounds[*other].0).sum();
                    let others_high: u32 = others.map(|other| bounds[*other].1).sum();
                    let (part_low, part_high) = bounds[*part];
                    let (total_low, total_high) = bounds[*total];
                    bounds[*part] = (
                        part_low.max(total_low.saturating_sub(others_high)),
                        part_high.min(total_high.saturating_sub(others_low)),
                    );
                }
            }
            if bounds == before {
                return bounds;
            }
        }
    }

    /// The hidden figures the attacker pins to one value.
    fn recovered(&self) -> Vec<usize> {
        self.bounds()
            .iter()
            .enumerate()
            .filter(|(index, (low, high))| self.known[*index].is_none() && low == high)
            .map(|(index, _)| index)
            .collect()
    }

    /// A grid as it would be shown.
    fn of_grid(grid: &Grid) -> Self {
        System {
            known: grid.cells().map(|cell| grid.shown(cell)).collect(),
            upper: grid.cells().map(|_| None).collect(),
            lines: grid
                .lines()
                .iter()
                .map(|line| (line.parts.iter().map(|cell| cell.0).collect(), line.total.0))
                .collect(),
        }
    }

    /// The report as its recipient reads it: every table's columns add up to their totals, and
    /// a total is the same figure in both breakdowns.
    fn of(document: &OverallDocument) -> Self {
        let mut system = System {
            known: Vec::new(),
            upper: Vec::new(),
            lines: Vec::new(),
        };
        // A total is one figure wherever it is shown: a sensitive column's only in one breakdown.
        let mut totals: HashMap<(usize, String), usize> = HashMap::new();
        let add = |system: &mut System, value: Option<u32>, upper: Option<u32>| {
            system.known.push(value);
            system.upper.push(upper);
            system.known.len() - 1
        };
        for breakdown in [&document.by_department, &document.by_age_band] {
            let people: Vec<Option<u32>> = breakdown.tables[0]
                .rows
                .iter()
                .map(|row| row.cells[0])
                .collect();
            for (table_index, table) in breakdown.tables.iter().enumerate() {
                // Counts of people (not of interviews or items) are at most the group's people.
                let counts_people = |column: usize| match table.measure {
                    Measure::Participation => column == 1,
                    Measure::Themes | Measure::Issues | Measure::Flags => true,
                    _ => false,
                };
                for (column, total) in table.totals.iter().enumerate() {
                    let total = *totals
                        .entry((table_index, table.columns[column].code.clone()))
                        .or_insert_with(|| add(&mut system, *total, None));
                    let parts = table
                        .rows
                        .iter()
                        .zip(&people)
                        .map(|(row, people)| {
                            let upper = if counts_people(column) { *people } else { None };
                            add(&mut system, row.cells[column], upper)
                        })
                        .collect();
                    system.lines.push((parts, total));
                }
            }
        }
        let interviews = totals[&(0, "interviews".to_owned())];
        let months = document
            .monthly
            .rows
            .iter()
            .map(|row| add(&mut system, row.cells[0], None))
            .collect();
        system.lines.push((months, interviews));
        system
    }
}

struct Person {
    name: &'static str,
    kana: &'static str,
    department: Option<&'static str>,
    age_band: AgeBand,
    themes: &'static [Theme],
    issues: &'static [IssueCategory],
    flag: Option<FlagKind>,
}

const fn person(
    name: &'static str,
    kana: &'static str,
    department: Option<&'static str>,
    age_band: AgeBand,
    themes: &'static [Theme],
) -> Person {
    Person {
        name,
        kana,
        department,
        age_band,
        themes,
        issues: &[IssueCategory::Workload],
        flag: None,
    }
}

/// A program with k = 3: 営業部 of four, 開発部 of three, 総務部 of one and one person without a
/// department (together two: 「その他」, hidden). The only mental-health flag is in 総務部.
const PEOPLE: [Person; 9] = [
    person(
        "青木 一郎",
        "あおき いちろう",
        Some("営業部"),
        AgeBand::Thirties,
        &[Theme::CareerDirection],
    ),
    person(
        "伊藤 二郎",
        "いとう じろう",
        Some("営業部"),
        AgeBand::Thirties,
        &[Theme::CareerDirection, Theme::Boss],
    ),
    person(
        "上田 三郎",
        "うえだ さぶろう",
        Some("営業部"),
        AgeBand::Forties,
        &[Theme::Skills],
    ),
    person(
        "江藤 四郎",
        "えとう しろう",
        Some("営業部"),
        AgeBand::Forties,
        &[Theme::CareerDirection],
    ),
    person(
        "小野 五郎",
        "おの ごろう",
        Some("開発部"),
        AgeBand::Thirties,
        &[Theme::Skills],
    ),
    person(
        "加藤 六郎",
        "かとう ろくろう",
        Some("開発部"),
        AgeBand::Forties,
        &[Theme::CareerDirection],
    ),
    person(
        "木村 七郎",
        "きむら しちろう",
        Some("開発部"),
        AgeBand::Thirties,
        &[Theme::Skills],
    ),
    Person {
        issues: &[IssueCategory::Management],
        flag: Some(FlagKind::MentalHealth),
        ..person(
            "久保 八郎",
            "くぼ はちろう",
            Some("総務部"),
            AgeBand::Fifties,
            &[Theme::Health],
        )
    },
    person(
        "佐野 九郎",
        "さの くろう",
        None,
        AgeBand::Forties,
        &[Theme::CareerDirection],
    ),
];

struct Scene {
    program_id: ProgramId,
    clients: Vec<ClientId>,
}

async fn scene(vault: &Vault) -> TestResult<Scene> {
    let company_id = fixtures::company(vault, "株式会社サンプル").await?;
    let program_id = program::create(
        vault,
        &ProgramInput {
            anonymity_k: Some(3),
            ..fixtures::program_input(company_id, "2026年度 セルフ・キャリアドック")
        },
    )
    .await?
    .id;
    let mut clients = Vec::new();
    for (index, person) in PEOPLE.iter().enumerate() {
        let client_id = client::create(
            vault,
            &client::ClientInput {
                department: person.department.map(str::to_owned),
                age_band: Some(person.age_band),
                employee_number: Some(format!("E{:04}", 7001 + index)),
                program_ids: vec![program_id],
                ..fixtures::client_input(company_id, person.name, person.kana)
            },
        )
        .await?
        .id;
        let held = format!("2026-{:02}-10T10:00", 5 + index % 3);
        let interview: InterviewId = crate::interview::create(
            vault,
            &NewInterview {
                client_id,
                details: InterviewDetails {
                    held_at: Some(held.clone()),
                    ..details(Some(program_id), &held)
                },
                notes: Some(format!("メモ{}", person.name)),
            },
        )
        .await?
        .id;
        topics::set(
            vault,
            interview,
            &Topics {
                themes: person.themes.to_vec(),
                issues: person.issues.to_vec(),
            },
        )
        .await?;
        crate::action_plan::create(
            vault,
            &ActionItemInput {
                client_id,
                interview_id: Some(interview),
                what: format!("行動{}", person.name),
                how: None,
                due_on: None,
                smart: Smart::default(),
                status: if index % 2 == 0 {
                    ActionStatus::Done
                } else {
                    ActionStatus::InProgress
                },
            },
        )
        .await?;
        if let Some(kind) = person.flag {
            crate::flag::create(
                vault,
                &FlagInput {
                    client_id,
                    interview_id: Some(interview),
                    kind,
                    note: "旗の記録".into(),
                    referred_to: None,
                    raised_on: held[..10].to_owned(),
                    handled_on: None,
                },
            )
            .await?;
        }
        clients.push(client_id);
    }
    Ok(Scene {
        program_id,
        clients,
    })
}

fn table(breakdown: &Breakdown, measure: Measure) -> &Table {
    let found = breakdown
        .tables
        .iter()
        .find(|table| table.measure == measure);
    found.unwrap_or_else(|| panic!("no table of {measure:?}"))
}

fn row<'a>(table: &'a Table, label: &str) -> Option<&'a TableRow> {
    table.rows.iter().find(|row| row.group.label == label)
}

#[tokio::test]
async fn small_groups_are_merged_and_hidden_and_nothing_hidden_can_be_worked_out() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(&dir.path().join("vault")).await;
    let scene = scene(&vault).await?;
    let document = preview(&vault, scene.program_id).await?.document;

    let participation = table(&document.by_department, Measure::Participation);
    let labels: Vec<&str> = participation
        .rows
        .iter()
        .map(|row| row.group.label.as_str())
        .collect();
    // 総務部's one and the one without a department are two, fewer than k: the smallest
    // department joins them in 「その他」 rather than showing a group hidden for its size.
    assert_eq!(labels, ["営業部", "その他"]);
    assert_eq!(
        row(participation, "営業部").map(|row| row.cells[0]),
        Some(Some(4))
    );
    assert_eq!(
        row(participation, "その他").map(|row| row.cells[0]),
        Some(Some(5))
    );
    assert_eq!(participation.totals[0], Some(9));
    let ages = table(&document.by_age_band, Measure::Participation);
    assert!(ages
        .rows
        .iter()
        .all(|row| row.cells[0].is_some_and(|people| people >= 3)));

    // The one mental-health flag is 1 < k: hidden; and flags are shown by one grouping only.
    let flags = table(&document.by_department, Measure::Flags);
    assert_eq!(flags.totals[0], None);
    assert!(flags.columns.iter().all(|column| column.sensitive));
    assert!(table(&document.by_age_band, Measure::Flags)
        .columns
        .is_empty());
    // Every count from 1 to k − 1 is hidden, wherever it is.
    let json = serde_json::to_value(&document)?;
    let mut figures = Vec::new();
    collect_numbers(&json["byDepartment"], &mut figures);
    collect_numbers(&json["byAgeBand"], &mut figures);
    collect_numbers(&json["monthly"], &mut figures);
    assert!(!figures.is_empty());
    assert!(
        figures.iter().all(|figure| *figure == 0 || *figure >= 3),
        "{figures:?}"
    );

    // The attacker: every sum, subtraction, and bounds from both breakdowns and the months.
    let system = System::of(&document);
    assert!(system.known.iter().any(Option::is_none));
    assert_eq!(system.recovered(), Vec::<usize>::new());

    // No name, employee number, note, small department or item text anywhere in it.
    let text = serde_json::to_string(&document)? + &html::page(&document);
    for person in &PEOPLE {
        assert!(!text.contains(person.name) && !text.contains(&format!("メモ{}", person.name)));
    }
    for forbidden in [
        "総務部",
        "開発部",
        "50代",
        "E7001",
        "E7008",
        "旗の記録",
        "行動",
    ] {
        assert!(!text.contains(forbidden), "{forbidden} in the report");
    }
    vault.lock().await;
    Ok(())
}

fn collect_numbers(value: &serde_json::Value, into: &mut Vec<u64>) {
    match value {
        serde_json::Value::Array(values) => {
            values.iter().for_each(|value| collect_numbers(value, into))
        }
        serde_json::Value::Object(fields) => fields
            .iter()
            .filter(|(name, _)| name.as_str() != "group")
            .for_each(|(_, value)| collect_numbers(value, into)),
        serde_json::Value::Number(number) => into.extend(number.as_u64()),
        _ => {}
    }
}

/// The subtraction a reader would try first, on a grid where it works without the rule.
#[test]
fn a_lone_hidden_figure_gets_a_partner_and_the_subtraction_fails() {
    let mut grid = Grid::default();
    let total = grid.cell(14);
    let parts = vec![grid.cell(9), grid.cell(3), grid.cell(2)];
    grid.sum(parts.clone(), total);
    // Hiding only the small figure: 14 − 9 − 3 gives it back.
    let mut naive = grid.clone();
    naive.hide(parts[2]);
    assert_eq!(System::of_grid(&naive).recovered(), vec![parts[2].0]);
    grid.protect(3);
    assert_eq!(grid.shown(parts[2]), None);
    assert_eq!(
        grid.shown(parts[1]),
        None,
        "the smallest other figure hides beside it"
    );
    assert_eq!(grid.shown(parts[0]), Some(9));
    assert!(System::of_grid(&grid).recovered().is_empty());
}

/// Many random programs: two breakdowns of the same people sharing their totals, and months
/// adding up to one of them. Whatever the counts, nothing hidden is pinned down.
#[test]
fn across_random_tables_no_hidden_figure_is_ever_pinned_down() {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move |below: u32| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % u64::from(below)) as u32
    };
    for _ in 0..500 {
        let k = 2 + next(5);
        let columns = 1 + next(4) as usize;
        let mut grid = Grid::default();
        let rows_of = |grid: &mut Grid, rows: usize, next: &mut dyn FnMut(u32) -> u32| {
            (0..rows)
                .map(|_| (0..columns).map(|_| next(12)).collect::<Vec<u32>>())
                .map(|values| {
                    values
                        .into_iter()
                        .map(|value| (value, grid.cell(value)))
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>()
        };
        let first = rows_of(&mut grid, 1 + next(5) as usize, &mut next);
        let sums: Vec<u32> = (0..columns)
            .map(|column| first.iter().map(|row| row[column].0).sum())
            .collect();
        let totals: Vec<_> = sums.iter().map(|sum| grid.cell(*sum)).collect();
        for column in 0..columns {
            grid.sum(
                first.iter().map(|row| row[column].1).collect(),
                totals[column],
            );
        }
        // The second breakdown splits each total differently.
        for column in 0..columns {
            let mut left = sums[column];
            let mut parts = Vec::new();
            while left > 0 {
                let take = 1 + next(left);
                parts.push(grid.cell(take));
                left -= take;
            }
            parts.push(grid.cell(0));
            grid.sum(parts, totals[column]);
        }
        if next(3) == 0 {
            grid.hide(first[0][0].1);
        }
        grid.protect(k);
        let system = System::of_grid(&grid);
        for cell in grid.cells() {
            if (1..k).contains(&grid.value(cell)) {
                assert_eq!(grid.shown(cell), None);
            }
        }
        assert_eq!(system.recovered(), Vec::<usize>::new(), "k={k}");
    }
}

#[tokio::test]
async fn a_name_in_the_findings_stops_the_export_and_nothing_is_written() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(&dir.path().join("vault")).await;
    let scene = scene(&vault).await?;
    let path = dir.path().join("report.age");
    let target = || Target {
        encryption: Encryption::Passphrase(crate::test_support::secret("correct horse battery")),
        armored: false,
        path: path.clone(),
    };
    // No findings yet: refused.
    let error = export(&vault, scene.program_id, &target()).await.err();
    assert_eq!(error.and_then(|error| error.field()), Some(Field::Findings));
    for (findings, found) in [
        (
            "営業部では伊藤さんが上司との関係に悩んでいる。",
            vec!["伊藤"],
        ),
        ("社員番号 E 7003 の方から", vec!["E7003"]),
        // Someone the vault does not know, by the dictionary; the place names no one.
        ("東京本社の小林は異動を望む。", vec!["小林"]),
        ("上田三郎さんの件", vec!["三郎", "上田", "上田三郎"]),
        // Written in half-width katakana, spaced: the reading all the same.
        ("ｲﾄｳ ｼﾞﾛｳさん", vec!["いとうじろう"]),
        // 開発部 is merged into 「その他」: naming it would name a group too small to show.
        ("開発部では残業が多い。", vec!["開発部"]),
        // So are the age bands merged: 50代 has one person. And 1名 is fewer than k.
        ("50代の1名は", vec!["1名", "50代"]),
        ("営業部の40代1名が", vec!["1名", "40代"]),
        ("営業部の全員が", vec!["全員"]),
    ] {
        save_text(
            &vault,
            scene.program_id,
            &OverallTextInput {
                findings: findings.into(),
                proposals: String::new(),
            },
        )
        .await?;
        assert_eq!(
            preview(&vault, scene.program_id).await?.identifiers_in_text,
            found
        );
        let error = export(&vault, scene.program_id, &target()).await.err();
        assert_eq!(
            error.map(|error| error.code()),
            Some(ErrorCode::IdentifiesClient)
        );
        assert!(!path.exists());
    }
    assert!(crate::audit::list(&vault).await?.is_empty());
    vault.lock().await;
    let _ = scene.clients;
    Ok(())
}

#[tokio::test]
async fn the_package_holds_the_page_with_charts_the_json_and_the_findings() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(&dir.path().join("vault")).await;
    let scene = scene(&vault).await?;
    let saved = save_text(
        &vault,
        scene.program_id,
        &OverallTextInput {
            findings: "中堅層でキャリアの方向性への関心が高い。所見甲甲".into(),
            proposals: "上司向けの面談研修を提案する。提言乙乙".into(),
        },
    )
    .await?;
    assert!(saved.updated_at.is_some());
    let identity = age::x25519::Identity::generate();
    let exported = export_into(
        &vault,
        scene.program_id,
        Encryption::Recipients(vec![identity.to_public().to_string()]),
        false,
        dir.path(),
    )
    .await?;
    assert_eq!(exported.provision_record, None);
    let name = std::path::Path::new(&exported.path)
        .file_name()
        .map(|name| name.to_string_lossy().into_owned());
    assert_eq!(
        name.as_deref(),
        Some(format!("全体報告書-KZG-{}.age", scene.program_id).as_str())
    );
    let package = crate::package::open(&std::fs::read(&exported.path)?, &[&identity])?;
    assert_eq!(package.manifest.kind, PackageKind::OverallReport);
    assert_eq!(package.manifest.consent, None);
    let file = |name: &str| {
        package
            .files
            .iter()
            .find(|(file, _)| file == name)
            .map(|(_, content)| String::from_utf8_lossy(content).into_owned())
            .unwrap_or_default()
    };
    let html = file("overall-report.html");
    assert!(html.contains("所見甲甲") && html.contains("提言乙乙"));
    assert!(
        html.matches("<svg").count() >= 6,
        "a chart for each measure"
    );
    assert!(
        html.contains("非表示"),
        "a hidden figure is drawn as hidden"
    );
    let json: serde_json::Value = serde_json::from_str(&file("overall-report.json"))?;
    assert_eq!(json["format"], OVERALL_FORMAT);
    assert_eq!(
        json,
        serde_json::to_value(preview(&vault, scene.program_id).await?.document)?
    );
    let entries = crate::audit::list(&vault).await?;
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].subject, format!("KZG-{}", scene.program_id));
    assert!(entries[0].detail.contains("kind=overall_report"));
    assert!(matches!(
        crate::audit::verify(&vault).await?,
        crate::audit::Verdict::Intact { entries: 1, .. }
    ));
    vault.lock().await;
    Ok(())
}
