//! Writes the decade's practice (the same seed as the decade benchmark) into an encrypted vault
//! at `KIZUKI_PRACTICE_DIR`, for the desktop benchmark to unlock in the app
//! (`scripts/bench-desktop.sh`). `KIZUKI_BENCH_CLIENTS=N` writes a smaller one.
//!
//! Prints one JSON object: the passphrase, what was written, the client the benchmark opens,
//! and how long the passphrase file's scrypt takes alone (the part of every unlock that is the
//! price of the passphrase).

#![allow(clippy::print_stdout)] // the JSON is the bench's output, read by the script

use std::path::PathBuf;
use std::time::Instant;

use age::secrecy::SecretString;
use kizuki_core::client::{self, ClientFilter};
use kizuki_core::seed::{self, Scale};
use kizuki_core::vault::Vault;
use kizuki_core::{calendar, interview};

type BenchResult<T = ()> = Result<T, Box<dyn std::error::Error>>;

#[tokio::main]
async fn main() -> BenchResult {
    let dir = std::env::var_os("KIZUKI_PRACTICE_DIR")
        .map(PathBuf::from)
        .ok_or("KIZUKI_PRACTICE_DIR must name the directory the vault is written to")?;
    let passphrase = SecretString::from(seed::BENCH_PASSPHRASE.to_owned());
    let (vault, _) = Vault::create(&dir, &passphrase).await?;
    let made = seed::practice(
        &vault,
        Scale::from_env(),
        seed::BENCH_SEED,
        calendar::today(),
    )
    .await?;
    let (place, name, interviews) = largest_client(&vault).await?;
    vault.lock().await;

    let mut scrypt_ms = Vec::new();
    let mut log_n = 0;
    for _ in 0..5 {
        let started = Instant::now();
        log_n = Vault::open_passphrase_file_for_benchmark(&dir, &passphrase)?;
        scrypt_ms.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    scrypt_ms.sort_by(f64::total_cmp);

    println!(
        "{}",
        serde_json::json!({
            "passphrase": seed::BENCH_PASSPHRASE,
            "clients": made.clients,
            "interviews": made.interviews,
            "characters": made.characters,
            "largest_client": { "place": place, "name": name, "interviews": interviews },
            "scrypt": { "log_n": log_n, "median_ms": scrypt_ms[scrypt_ms.len() / 2] },
        })
    );
    Ok(())
}

/// A client with the most interviews, and their place in the client list: the app lists
/// clients in the same order, unfiltered, so the benchmark opens the row at that place.
async fn largest_client(vault: &Vault) -> BenchResult<(usize, String, usize)> {
    let clients = client::list(vault, &ClientFilter::default()).await?;
    let mut largest: Option<(usize, &str, usize)> = None;
    for (place, summary) in clients.iter().enumerate() {
        let interviews = interview::list(vault, summary.id).await?.len();
        if largest.is_none_or(|(_, _, most)| interviews > most) {
            largest = Some((place, summary.name.as_str(), interviews));
        }
    }
    let (place, name, interviews) = largest.ok_or("the practice has no client")?;
    Ok((place, name.to_owned(), interviews))
}
