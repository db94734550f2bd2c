//! Writes the decade's practice (the same seed as the decade benchmark) into an encrypted vault
//! at `KIZUKI_PRACTICE_DIR`, for the desktop benchmark to unlock in the app
//! (`scripts/bench-desktop.sh`). `KIZUKI_BENCH_CLIENTS=N` writes a smaller one.
//!
//! Prints one JSON object: the passphrase, what was written, and the client the benchmark opens
//! (the one with the most interviews whose name no other client shares, so that the app's
//! client list finds exactly that one by name).

#![allow(clippy::print_stdout)] // the JSON is the bench's output, read by the script

use std::collections::HashMap;
use std::path::PathBuf;

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

    let clients = client::list(&vault, &ClientFilter::default()).await?;
    let mut bearers: HashMap<&str, usize> = HashMap::new();
    for summary in &clients {
        *bearers.entry(summary.name.as_str()).or_default() += 1;
    }
    let mut largest: Option<(usize, &str)> = None;
    for summary in clients
        .iter()
        .filter(|summary| bearers[summary.name.as_str()] == 1)
    {
        let interviews = interview::list(&vault, summary.id).await?.len();
        if largest.is_none_or(|(most, _)| interviews > most) {
            largest = Some((interviews, summary.name.as_str()));
        }
    }
    let (interviews, name) = largest.ok_or("no client has a name of their own")?;
    println!(
        "{}",
        serde_json::json!({
            "passphrase": seed::BENCH_PASSPHRASE,
            "clients": made.clients,
            "interviews": made.interviews,
            "characters": made.characters,
            "largest_client": { "name": name, "interviews": interviews },
        })
    );
    vault.lock().await;
    Ok(())
}
