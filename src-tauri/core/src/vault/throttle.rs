//! Slows down guessing: every wrong unlock attempt after the first few waits longer.
//!
//! The delay is kept in memory only: persisting a counter would mean writing to the vault
//! directory on a failed attempt, and a failed attempt must touch no file.

use std::time::Duration;

use tokio::sync::Mutex;

/// Wrong attempts allowed before any delay, for honest typos.
const FREE_ATTEMPTS: u32 = 2;
/// The longest wait after a wrong attempt.
const MAX_DELAY: Duration = Duration::from_secs(30);

/// How long to wait after the `failures`-th consecutive wrong attempt.
pub fn delay_after_failures(failures: u32) -> Duration {
    let Some(exponent) = failures.checked_sub(FREE_ATTEMPTS + 1) else {
        return Duration::ZERO;
    };
    Duration::from_secs(1u64 << exponent.min(16)).min(MAX_DELAY)
}

/// Serialises unlock attempts and counts consecutive failures.
///
/// An attempt holds the gate for its whole duration, delay included, so parallel attempts
/// cannot bypass the wait.
#[derive(Debug, Default)]
pub struct UnlockGate {
    failures: Mutex<u32>,
}

impl UnlockGate {
    /// Runs one attempt. `is_wrong_key` tells which errors count as a guess that failed. The
    /// attempt's future ends before the delay: whatever it holds (an open vault) is free while
    /// the next guess waits.
    pub async fn attempt<T, E>(
        &self,
        is_wrong_key: impl Fn(&E) -> bool,
        attempt: impl std::future::Future<Output = Result<T, E>>,
    ) -> Result<T, E> {
        let mut failures = self.failures.lock().await;
        let outcome = attempt.await;
        match &outcome {
            Ok(_) => *failures = 0,
            Err(error) if is_wrong_key(error) => {
                *failures = failures.saturating_add(1);
                tokio::time::sleep(delay_after_failures(*failures)).await;
            }
            Err(_) => {}
        }
        outcome
    }

    /// Consecutive wrong attempts since the last success.
    pub async fn failures(&self) -> u32 {
        *self.failures.lock().await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delay_starts_after_the_free_attempts_and_grows_to_a_cap() {
        let delays: Vec<u64> = (0..=10)
            .map(|n| delay_after_failures(n).as_secs())
            .collect();
        assert_eq!(delays, [0, 0, 0, 1, 2, 4, 8, 16, 30, 30, 30]);
        assert_eq!(delay_after_failures(u32::MAX), MAX_DELAY);
    }

    #[tokio::test(start_paused = true)]
    async fn counts_wrong_attempts_waits_after_them_and_resets_on_success() {
        let gate = UnlockGate::default();
        let wrong = |e: &&str| *e == "wrong";
        for _ in 0..3 {
            let started = tokio::time::Instant::now();
            let outcome: Result<(), &str> = gate.attempt(wrong, async { Err("wrong") }).await;
            assert!(outcome.is_err());
            let failures = gate.failures().await;
            assert_eq!(started.elapsed(), delay_after_failures(failures));
        }
        assert_eq!(gate.failures().await, 3);

        let other: Result<(), &str> = gate.attempt(wrong, async { Err("disk") }).await;
        assert!(other.is_err());
        assert_eq!(
            gate.failures().await,
            3,
            "errors that are not guesses do not count"
        );

        let ok: Result<u8, &str> = gate.attempt(wrong, async { Ok(1) }).await;
        assert_eq!(ok, Ok(1));
        assert_eq!(gate.failures().await, 0);
    }
}
