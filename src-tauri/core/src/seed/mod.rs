//! A decade of one consultant's practice, generated: companies with a program each year,
//! clients taking part over several years, interviews with notes and filled sheets, action
//! plans with progress, and individual reports. For benchmarks and for trying the app at
//! scale; never part of the product (the `bench` feature).
//!
//! Companies, programs, clients and reports are made through the public functions. Interviews,
//! their sheets and action items are written with plain SQL, one transaction per client, as a
//! consultant's records would stand after the interviews (the sheet filled before the
//! interview was marked held, so no amendments): through the public functions the fixture
//! would take many minutes. The search index fills itself through its triggers, as always.

mod text;
mod words;

use chrono::{DateTime, Datelike, Days, NaiveDate, TimeZone, Utc};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

use crate::client::{self, AgeBand, ClientInput, ClientStatus};
use crate::company::{self, CompanyInput};
use crate::ids::{ClientId, CompanyId, ProgramId};
use crate::program::{self, ProgramInput};
use crate::record::Result;
use crate::vault::Vault;
use crate::{report, sheet};

/// How large a practice to generate.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    /// Client companies, each with one program a year.
    pub companies: usize,
    /// Clients, spread evenly over the companies.
    pub clients: usize,
    /// Years of practice, ending with the current one.
    pub years: i32,
}

impl Scale {
    /// The decade: 2,000 clients in 40 companies over ten years, which makes about
    /// 20,000 interviews and 40,000 action items.
    pub const DECADE: Self = Self {
        companies: 40,
        clients: 2_000,
        years: 10,
    };

    /// The decade, or as many clients as `KIZUKI_BENCH_CLIENTS` says: a smaller practice for a
    /// quick look at any benchmark.
    pub fn from_env() -> Self {
        let clients = std::env::var("KIZUKI_BENCH_CLIENTS")
            .ok()
            .and_then(|value| value.parse().ok())
            .unwrap_or(Self::DECADE.clients);
        Self {
            clients,
            ..Self::DECADE
        }
    }
}

/// The benchmarks' seed: every benchmark generates the same practice.
pub const BENCH_SEED: u64 = 2026;

/// The passphrase of the benchmarks' vaults.
pub const BENCH_PASSPHRASE: &str = "decade benchmark passphrase";

/// What was generated.
#[derive(Debug, Default, Clone, Copy)]
pub struct Generated {
    #[allow(missing_docs)]
    pub companies: usize,
    #[allow(missing_docs)]
    pub programs: usize,
    #[allow(missing_docs)]
    pub clients: usize,
    #[allow(missing_docs)]
    pub interviews: usize,
    #[allow(missing_docs)]
    pub action_items: usize,
    #[allow(missing_docs)]
    pub reports: usize,
    /// Characters of notes and sheet text written.
    pub characters: usize,
}

struct Program {
    id: ProgramId,
    starts_on: NaiveDate,
    template: Vec<sheet::TemplateSection>,
}

/// Fills `vault` with a practice of `scale` whose last year ends after `today`. The same
/// `seed` makes the same practice (the benchmarks compare two vaults filled alike).
pub async fn practice(
    vault: &Vault,
    scale: Scale,
    seed: u64,
    today: NaiveDate,
) -> Result<Generated> {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut generated = Generated::default();
    // Fiscal years start in April; the last one is the one `today` is in.
    let this_year = if today.month() >= 4 {
        today.year()
    } else {
        today.year() - 1
    };
    let first_year = this_year - scale.years + 1;
    let mut companies: Vec<(CompanyId, Vec<Program>)> = Vec::new();
    for index in 0..scale.companies {
        let name = format!(
            "{}{}株式会社 {}",
            words::COMPANY_STEMS[index % words::COMPANY_STEMS.len()],
            words::COMPANY_KINDS[(index / words::COMPANY_STEMS.len()) % words::COMPANY_KINDS.len()],
            index + 1
        );
        let company_id = company::create(vault, &CompanyInput { name }).await?.id;
        generated.companies += 1;
        let mut programs = Vec::new();
        for year in first_year..=this_year {
            let created = program::create(
                vault,
                &ProgramInput {
                    company_id,
                    name: format!("{year}年度 セルフ・キャリアドック"),
                    starts_on: format!("{year}-04-01"),
                    ends_on: format!("{}-03-31", year + 1),
                    purpose: Some("社員一人ひとりのキャリア自律を支援する".to_owned()),
                    theme: Some(
                        ["3年後に目指す自分", "これからの働き方", "強みを活かす"]
                            [(year % 3) as usize]
                            .to_owned(),
                    ),
                    anonymity_k: None,
                    follow_up_after_days: Some(90),
                    contacts: Vec::new(),
                },
            )
            .await?;
            let mut tx = vault.read().await?;
            let template = sheet::store::template(&mut tx, Some(created.id)).await?;
            drop(tx);
            programs.push(Program {
                id: created.id,
                starts_on: created.starts_on,
                template,
            });
            generated.programs += 1;
        }
        companies.push((company_id, programs));
    }

    for index in 0..scale.clients {
        let (company_id, programs) = &companies[index % companies.len()];
        // A client takes part for a run of consecutive years.
        let first = rng.gen_range(0..programs.len());
        let last = rng.gen_range(first..programs.len()).min(first + 6);
        let enrolled = &programs[first..=last];
        // Clients who took no part this year have finished their engagement.
        let current = last + 1 == programs.len();
        let client_id = add_client(vault, &mut rng, *company_id, enrolled, index, current).await?;
        generated.clients += 1;
        let rare = rng
            .gen_ratio(1, 25)
            .then(|| *words::RARE_WORDS.choose(&mut rng).unwrap_or(&"盆栽"));
        write_interviews(
            vault,
            &mut rng,
            client_id,
            enrolled,
            rare,
            today,
            &mut generated,
        )
        .await?;
        // The report of the latest year they took part in, drafted from its interviews.
        if let Some(latest) = enrolled.last() {
            if latest.starts_on <= today {
                report::create(vault, client_id, latest.id).await?;
                generated.reports += 1;
            }
        }
    }
    Ok(generated)
}

async fn add_client(
    vault: &Vault,
    rng: &mut StdRng,
    company_id: CompanyId,
    enrolled: &[Program],
    index: usize,
    current: bool,
) -> Result<ClientId> {
    let (family, family_kana) = *words::FAMILY_NAMES
        .choose(rng)
        .unwrap_or(&("佐藤", "さとう"));
    let (given, given_kana) = *words::GIVEN_NAMES.choose(rng).unwrap_or(&("健", "けん"));
    let bands = [
        AgeBand::Twenties,
        AgeBand::Thirties,
        AgeBand::Forties,
        AgeBand::Fifties,
    ];
    let input = ClientInput {
        company_id: Some(company_id),
        name: format!("{family} {given}"),
        name_kana: format!("{family_kana} {given_kana}"),
        employee_number: Some(format!("E{:05}", index + 1)),
        department: Some((*words::DEPARTMENTS.choose(rng).unwrap_or(&"営業部")).to_owned()),
        role: Some((*words::ROLES.choose(rng).unwrap_or(&"主任")).to_owned()),
        age_band: bands.choose(rng).copied(),
        years_at_company: Some(rng.gen_range(1..35)),
        job_content: None,
        desired_career: None,
        tags: Vec::new(),
        status: if current && !rng.gen_ratio(1, 20) {
            ClientStatus::Active
        } else {
            ClientStatus::Closed
        },
        program_ids: enrolled.iter().map(|program| program.id).collect(),
    };
    Ok(client::create(vault, &input).await?.id)
}

/// Noon UTC of a day: a plausible `created_at` for what was written that day.
fn instant(day: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_hms_opt(3, 0, 0).unwrap_or_default())
}

/// Each enrolled year: an initial interview in spring or summer, one to three more, now
/// and then an additional one besides; two action items decided in each, some with progress.
async fn write_interviews(
    vault: &Vault,
    rng: &mut StdRng,
    client_id: ClientId,
    enrolled: &[Program],
    rare: Option<&str>,
    today: NaiveDate,
    generated: &mut Generated,
) -> Result<()> {
    let department = (*words::DEPARTMENTS.choose(rng).unwrap_or(&"営業部")).to_owned();
    let mut tx = vault.write().await?;
    for program in enrolled {
        let mut day = program.starts_on + Days::new(rng.gen_range(30..120));
        let count = 1 + rng.gen_range(1..=3) + usize::from(rng.gen_ratio(1, 4));
        for number in 0..count {
            let kind = match number {
                0 => "initial",
                _ if rng.gen_ratio(1, 5) => "additional",
                _ => "follow_up",
            };
            let at = format!("{day}T{:02}:00", rng.gen_range(9..18));
            let held = day < today;
            let sentences = rng.gen_range(6..30);
            let notes = if held {
                text::notes(rng, sentences, rare)
            } else {
                String::new()
            };
            generated.characters += notes.chars().count();
            let follow_up = held.then(|| day + Days::new(rng.gen_range(60..120)));
            let interview_id: i64 = sqlx::query_scalar(
                "INSERT INTO interviews (client_id, program_id, kind, scheduled_at, held_at,
                     duration_minutes, place, purpose, theme, notes, follow_up_due_on,
                     created_at, updated_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            )
            .bind(client_id)
            .bind(program.id)
            .bind(kind)
            .bind(&at)
            .bind(held.then_some(&at))
            .bind(rng.gen_range(30..90))
            .bind(["online", "in_person"][rng.gen_range(0..2)])
            .bind("キャリアの棚卸し")
            .bind(words::TOPICS.choose(rng).copied())
            .bind(&notes)
            .bind(follow_up)
            .bind(instant(day))
            .bind(instant(day))
            .fetch_one(&mut *tx)
            .await?;
            generated.interviews += 1;
            for section in program.template.iter().filter(|section| !section.retired) {
                let text = match (&section.key, held) {
                    (Some(key), true) if !rng.gen_ratio(1, 6) => {
                        text::section(rng, key, &department)
                    }
                    _ => String::new(),
                };
                generated.characters += text.chars().count();
                sqlx::query(
                    "INSERT INTO sheet_sections (interview_id, template_section_id, key, title,
                         position, text, updated_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?)",
                )
                .bind(interview_id)
                .bind(section.id)
                .bind(&section.key)
                .bind(&section.title)
                .bind(section.position)
                .bind(&text)
                .bind(instant(day))
                .execute(&mut *tx)
                .await?;
            }
            if held {
                for _ in 0..2 {
                    write_action(&mut tx, rng, client_id, interview_id, day, today).await?;
                    generated.action_items += 1;
                }
            }
            day = day + Days::new(rng.gen_range(60..130));
        }
    }
    tx.commit().await?;
    Ok(())
}

async fn write_action(
    conn: &mut sqlx::SqliteConnection,
    rng: &mut StdRng,
    client_id: ClientId,
    interview_id: i64,
    day: NaiveDate,
    today: NaiveDate,
) -> Result<()> {
    let (what, how) = text::action(rng);
    let due_on = day + Days::new(rng.gen_range(14..120));
    // Items of past years were settled long ago; recent ones may still be open, some late.
    let status = if due_on + Days::new(120) < today {
        ["done", "done", "done", "dropped"][rng.gen_range(0..4)]
    } else if due_on < today {
        ["done", "done", "dropped", "in_progress", "not_started"][rng.gen_range(0..5)]
    } else {
        ["not_started", "in_progress"][rng.gen_range(0..2)]
    };
    let smart = |rng: &mut StdRng| rng.gen_ratio(4, 5);
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO action_items (client_id, interview_id, what, how, due_on, specific,
             measurable, achievable, related, time_bound, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(client_id)
    .bind(interview_id)
    .bind(what)
    .bind(how)
    .bind(due_on)
    .bind(smart(rng))
    .bind(smart(rng))
    .bind(smart(rng))
    .bind(smart(rng))
    .bind(smart(rng))
    .bind(status)
    .bind(instant(day))
    .bind(instant(day))
    .fetch_one(&mut *conn)
    .await?;
    if status != "not_started" && rng.gen_ratio(1, 2) {
        let noted_on = day + Days::new(rng.gen_range(7..60));
        if noted_on < today {
            sqlx::query(
                "INSERT INTO action_progress (action_item_id, interview_id, noted_on, note,
                     status, created_at)
                 VALUES (?, NULL, ?, ?, NULL, ?)",
            )
            .bind(id)
            .bind(noted_on)
            .bind(text::progress(rng))
            .bind(instant(noted_on))
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{fixtures::TestResult, new_vault};

    #[tokio::test]
    async fn a_small_practice_is_written_alike_from_one_seed_and_found_by_search() -> TestResult {
        let scale = Scale {
            companies: 2,
            clients: 12,
            years: 3,
        };
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        let mut made = Vec::new();
        for name in ["a", "b"] {
            let dir = tempfile::tempdir()?;
            let (vault, _) = new_vault(&dir.path().join(name)).await;
            let generated = practice(&vault, scale, 7, today).await?;
            let notes: i64 = sqlx::query_scalar("SELECT count(*) FROM search_text")
                .fetch_one(&mut *vault.read().await?)
                .await?;
            assert!(notes > generated.interviews as i64, "everything is indexed");
            let found = crate::search::search(&vault, "キャリア").await?;
            assert!(!found.groups.is_empty());
            made.push((
                generated.interviews,
                generated.action_items,
                generated.characters,
            ));
            assert_eq!(generated.programs, 6);
            assert_eq!(generated.clients, 12);
            assert!(generated.action_items > 0 && generated.reports > 0);
            vault.lock().await;
        }
        assert_eq!(made[0], made[1], "one seed, one practice");
        Ok(())
    }
}
