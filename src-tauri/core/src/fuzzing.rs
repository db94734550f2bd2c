//! A mutation fuzzer for the parsers of outside input, on stable Rust: the packages and
//! backups a consultant opens, the keys and recipients they paste, the files the CLI reads.
//!
//! Each target starts from real inputs (seeds) and runs mutated copies of them (bits flipped,
//! bytes set to edge values, ranges cut, repeated or spliced from another seed, numbers made
//! huge) through the parser for a time budget, failing on a panic or on an input that takes
//! too long. Outside input may be refused; it may never crash Kizuki or hang it.
//!
//! `KIZUKI_FUZZ_SECONDS` sets each target's budget (2 s by default, as CI runs it; BENCHMARKS.md
//! records a longer run); `KIZUKI_FUZZ_SEED` replays a run. A failing input is shown in hex in
//! the failure, with the seed.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// The slowest any one input may be, well above a parser's worst honest case.
const SLOW_INPUT: Duration = Duration::from_secs(2);

/// Values that break parsers more often than random ones: boundaries of signed and unsigned
/// bytes, NUL, and the bytes that start or end a structure.
const EDGE_BYTES: &[u8] = &[
    0x00, 0x01, 0x7f, 0x80, 0xff, b'"', b'{', b'}', b'[', b'\\', b'\n', b'-',
];

/// What a run did, for the report.
#[derive(Debug, Clone, Copy)]
pub struct Report {
    /// Inputs run.
    pub executions: u64,
    /// How long the run took.
    pub elapsed: Duration,
    /// The slowest single input.
    pub slowest: Duration,
}

/// Runs `target` on mutations of `seeds` for the configured budget. Panics (failing the test
/// that called it) on the first input that panics the target or takes longer than two seconds.
pub fn run(name: &str, seeds: &[Vec<u8>], mut target: impl FnMut(&[u8])) -> Report {
    assert!(!seeds.is_empty(), "{name}: a fuzz target needs seeds");
    let budget = std::env::var("KIZUKI_FUZZ_SECONDS")
        .ok()
        .and_then(|value| value.parse::<f64>().ok())
        .map_or(Duration::from_secs(2), Duration::from_secs_f64);
    let seed = std::env::var("KIZUKI_FUZZ_SEED")
        .ok()
        .and_then(|value| value.parse::<u64>().ok())
        .unwrap_or_else(rand::random);
    let mut rng = StdRng::seed_from_u64(seed);
    let started = Instant::now();
    let mut report = Report {
        executions: 0,
        elapsed: Duration::ZERO,
        slowest: Duration::ZERO,
    };
    // The seeds themselves first: they must pass through untouched.
    let mut next_seed = 0;
    while started.elapsed() < budget || next_seed < seeds.len() {
        let input = if next_seed < seeds.len() {
            next_seed += 1;
            seeds[next_seed - 1].clone()
        } else {
            mutate(&mut rng, seeds)
        };
        let one = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| target(&input)));
        let took = one.elapsed();
        report.executions += 1;
        report.slowest = report.slowest.max(took);
        if outcome.is_err() || took > SLOW_INPUT {
            let shown = &input[..input.len().min(4096)];
            panic!(
                "{name}: an input {} (KIZUKI_FUZZ_SEED={seed} replays the run); its first {} \
                 of {} bytes, hex: {}",
                if outcome.is_err() {
                    "panicked".to_owned()
                } else {
                    format!("took {took:?}")
                },
                shown.len(),
                input.len(),
                crate::text::hex(shown)
            );
        }
    }
    report.elapsed = started.elapsed();
    eprintln!(
        "fuzz {name}: {} inputs in {:.1} s, slowest {:.1} ms (KIZUKI_FUZZ_SEED={seed})",
        report.executions,
        report.elapsed.as_secs_f64(),
        report.slowest.as_secs_f64() * 1000.0
    );
    report
}

/// One seed, changed one to eight times.
fn mutate(rng: &mut StdRng, seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut input = seeds[rng.gen_range(0..seeds.len())].clone();
    for _ in 0..rng.gen_range(1..=8) {
        let len = input.len();
        match rng.gen_range(0..8) {
            0 if len > 0 => {
                let at = rng.gen_range(0..len);
                input[at] ^= 1 << rng.gen_range(0..8);
            }
            1 if len > 0 => {
                let at = rng.gen_range(0..len);
                input[at] = EDGE_BYTES[rng.gen_range(0..EDGE_BYTES.len())];
            }
            2 if len > 0 => {
                let start = rng.gen_range(0..len);
                let end = rng.gen_range(start..=len.min(start + 64));
                input.drain(start..end);
            }
            3 if len > 0 => {
                let start = rng.gen_range(0..len);
                let end = rng.gen_range(start..=len.min(start + 64));
                let copy = input[start..end].to_vec();
                let at = rng.gen_range(0..=len);
                input.splice(at..at, copy);
            }
            4 => {
                let at = rng.gen_range(0..=len);
                let noise: Vec<u8> = (0..rng.gen_range(1..16)).map(|_| rng.gen()).collect();
                input.splice(at..at, noise);
            }
            5 if len > 0 => input.truncate(rng.gen_range(0..len)),
            6 => {
                // A piece of another seed: structure where the fuzzer would not guess it.
                let other = &seeds[rng.gen_range(0..seeds.len())];
                if !other.is_empty() {
                    let start = rng.gen_range(0..other.len());
                    let end = rng.gen_range(start..=other.len());
                    let at = rng.gen_range(0..=len);
                    input.splice(at..at, other[start..end].iter().copied());
                }
            }
            _ => {
                // A number made huge or negative: sizes, counts, versions, work factors.
                if let Some(at) = (0..len).find(|&i| input[i].is_ascii_digit() && rng.gen_bool(0.2))
                {
                    let huge: &[u8] = [
                        b"99999999999999999999".as_slice(),
                        b"-1",
                        b"0",
                        b"4294967296",
                    ][rng.gen_range(0..4)];
                    input.splice(at..at + 1, huge.iter().copied());
                }
            }
        }
    }
    input
}
