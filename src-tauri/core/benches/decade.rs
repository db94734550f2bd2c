//! The decade benchmark: a practice of ten years (2,000 clients, ~20,000 interviews, ~40,000
//! action items) generated twice with the same seed, into an encrypted vault and into plain
//! SQLite, then the same workload timed on both, side by side, in one run.
//!
//! `cargo bench -p kizuki-core --features bench --bench decade` prints a Markdown table for
//! BENCHMARKS.md. `KIZUKI_BENCH_CLIENTS=200` runs a smaller practice for a quick look;
//! `KIZUKI_BENCH_KEEP=DIR` keeps both vaults in DIR (the plain one opens in `sqlite3`, for
//! EXPLAIN QUERY PLAN).

#![allow(clippy::print_stdout)] // the table is the bench's output

use std::future::Future;
use std::time::{Duration, Instant};

use age::secrecy::SecretString;
use kizuki_core::client::{self, ClientFilter};
use kizuki_core::ids::{ClientId, InterviewId};
use kizuki_core::seed::{self, Scale};
use kizuki_core::vault::Vault;
use kizuki_core::{calendar, dashboard, interview, search};

/// Timed runs of each workload, after a few untimed ones.
const RUNS: usize = 200;
const WARM_UP: usize = 10;

/// Searches: common and rare words, of three characters or more and of one or two.
const QUERIES: &[(&str, &str)] = &[
    ("search, 3+ chars, common", "キャリア"),
    ("search, 3+ chars, rare", "パラグライダー"),
    ("search, 2 chars, common", "上司"),
    ("search, 2 chars, rare", "転籍"),
    ("search, 1 char, common", "年"),
    ("search, 1 char, rare", "鬱"),
    ("search, two words", "上司 異動"),
];

type BenchResult<T = ()> = Result<T, Box<dyn std::error::Error>>;

struct Timing {
    p50: Duration,
    p95: Duration,
}

async fn time<F, Fut>(mut run: F) -> BenchResult<Timing>
where
    F: FnMut(usize) -> Fut,
    Fut: Future<Output = BenchResult>,
{
    for index in 0..WARM_UP {
        run(index).await?;
    }
    let mut times = Vec::with_capacity(RUNS);
    for index in 0..RUNS {
        let started = Instant::now();
        run(WARM_UP + index).await?;
        times.push(started.elapsed());
    }
    times.sort();
    let at = |share: f64| times[((share * RUNS as f64).ceil() as usize).clamp(1, RUNS) - 1];
    Ok(Timing {
        p50: at(0.50),
        p95: at(0.95),
    })
}

fn ms(duration: Duration) -> String {
    format!("{:.2}", duration.as_secs_f64() * 1000.0)
}

#[tokio::main]
async fn main() -> BenchResult {
    let scale = Scale::from_env();
    let today = calendar::today();
    let temporary = tempfile::tempdir()?;
    let kept = std::env::var_os("KIZUKI_BENCH_KEEP").map(std::path::PathBuf::from);
    let dir = kept.as_deref().unwrap_or(temporary.path());
    let passphrase = SecretString::from(seed::BENCH_PASSPHRASE.to_owned());
    let (encrypted, _) = Vault::create(&dir.join("encrypted"), &passphrase).await?;
    let plain = Vault::create_unencrypted_for_benchmark(&dir.join("plain")).await?;
    let vaults = [("encrypted", &encrypted), ("plain", &plain)];

    println!("| generated | encrypted | plain |\n| --- | --- | --- |");
    let mut lines = Vec::new();
    for (_, vault) in vaults {
        let started = Instant::now();
        let generated = seed::practice(vault, scale, seed::BENCH_SEED, today).await?;
        lines.push((generated, started.elapsed()));
    }
    let (made, _) = lines[0];
    println!(
        "| records | {} companies, {} programs, {} clients, {} interviews, {} action items, {} reports, {} characters of notes and sheets | same |",
        made.companies, made.programs, made.clients, made.interviews, made.action_items, made.reports, made.characters
    );
    println!(
        "| time to generate | {:.0} s | {:.0} s |",
        lines[0].1.as_secs_f64(),
        lines[1].1.as_secs_f64()
    );
    let size = |name: &str| {
        std::fs::metadata(dir.join(name).join("kizuki.db"))
            .map(|meta| meta.len() / 1_000_000)
            .unwrap_or_default()
    };
    println!(
        "| database file | {} MB | {} MB |\n",
        size("encrypted"),
        size("plain")
    );

    println!("| workload | matches | encrypted p50 | encrypted p95 | plain p50 | plain p95 | p95 encrypted / plain |");
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    for (label, query) in QUERIES {
        let found = search::search(&encrypted, query).await?;
        let hits: usize = found.groups.iter().map(|group| group.hits.len()).sum();
        let matches = format!("{hits}{}", if found.truncated { "+" } else { "" });
        let mut row = Vec::new();
        for (_, vault) in vaults {
            row.push(
                time(|_| async {
                    search::search(vault, query).await?;
                    Ok(())
                })
                .await?,
            );
        }
        print_row(&format!("{label} 「{query}」"), &matches, &row);
    }

    let mut row = Vec::new();
    for (_, vault) in vaults {
        row.push(
            time(|_| async {
                dashboard::home(vault, today).await?;
                Ok(())
            })
            .await?,
        );
    }
    print_row("dashboard", "", &row);

    let mut row = Vec::new();
    let mut listed = 0;
    for (_, vault) in vaults {
        listed = client::list(vault, &ClientFilter::default()).await?.len();
        row.push(
            time(|_| async {
                client::list(vault, &ClientFilter::default()).await?;
                Ok(())
            })
            .await?,
        );
    }
    print_row("client list (all clients)", &listed.to_string(), &row);

    // Autosave of a long note of a held interview: each save adds a little, as typing does,
    // and extends the interview's amendment.
    let mut row = Vec::new();
    for (_, vault) in vaults {
        let held = interview_of(vault, 1, true).await?;
        row.push(saves(vault, held, false).await?);
    }
    print_row("save a note (held interview, ~1,000 chars)", "", &row);

    // Autosave during an interview (not yet held: no amendment is kept).
    let mut row = Vec::new();
    for (_, vault) in vaults {
        let upcoming = interview_of(vault, 1, false).await?;
        row.push(saves(vault, upcoming, false).await?);
    }
    print_row("save a note (interview not yet held)", "", &row);

    // A search just after a note was saved indexes that note first (see `search_stale`).
    let mut row = Vec::new();
    for (_, vault) in vaults {
        let held = interview_of(vault, 2, true).await?;
        row.push(saves(vault, held, true).await?);
    }
    print_row("save a note, then search 「キャリア」", "", &row);

    // A new database key for the whole decade: the database copied under the new key, key
    // files for the passphrase (its KDF at the product's calibrated cost) and a new recovery
    // key, synced, renamed into place, and the vault opened again. The plain counterpart is
    // the copy alone (`VACUUM INTO`): a plain database has no key to change.
    let started = Instant::now();
    plain
        .copy_for_benchmark(&dir.join("plain").join("copy.db"))
        .await?;
    let copied = started.elapsed();
    let started = Instant::now();
    let (encrypted, _) = encrypted
        .rekey(&passphrase, None)
        .await
        .map_err(|failure| failure.error)?;
    let rekeyed = started.elapsed();
    println!(
        "\n| a new database key (one run) | encrypted: rekey | plain: the copy alone |\n| --- | --- | --- |\n| the decade's vault | {:.1} s | {:.1} s |",
        rekeyed.as_secs_f64(),
        copied.as_secs_f64()
    );

    encrypted.lock().await;
    plain.lock().await;
    Ok(())
}

/// The first interview, held or not as asked, of the clients from `first_client` on.
async fn interview_of(vault: &Vault, first_client: i64, held: bool) -> BenchResult<InterviewId> {
    for client in first_client..first_client + 200 {
        let found = interview::list(vault, ClientId(client))
            .await?
            .into_iter()
            .find(|summary| summary.held_at.is_some() == held);
        if let Some(found) = found {
            return Ok(found.id);
        }
    }
    Err("no such interview among 200 clients".into())
}

/// Times saving the interview's notes, each save adding a little to them, and a search after
/// each save if asked.
async fn saves(vault: &Vault, id: InterviewId, then_search: bool) -> BenchResult<Timing> {
    let base = interview::get(vault, id).await?.notes;
    time(|index| {
        let text = format!("{base}{}", "追記".repeat(index + 1));
        async move {
            interview::save_notes(vault, id, &text).await?;
            if then_search {
                search::search(vault, "キャリア").await?;
            }
            Ok(())
        }
    })
    .await
}

fn print_row(label: &str, matches: &str, row: &[Timing]) {
    let ratio = row[0].p95.as_secs_f64() / row[1].p95.as_secs_f64().max(f64::EPSILON);
    println!(
        "| {label} | {matches} | {} | {} | {} | {} | {ratio:.2} |",
        ms(row[0].p50),
        ms(row[0].p95),
        ms(row[1].p50),
        ms(row[1].p95)
    );
}
