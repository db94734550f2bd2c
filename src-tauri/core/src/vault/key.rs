//! The database key and its age wrapping.
//!
//! The key is 32 random bytes handed to SQLCipher as a raw key, so SQLCipher's own PBKDF2 is
//! skipped: the slow, memory-hard step is age's scrypt, paid once per unlock rather than once per
//! connection. On disk the key exists only age-encrypted, once per unlock method, because an
//! scrypt stanza must be the only stanza in its file.

use std::io::{Read, Write};
use std::iter;

use age::secrecy::{ExposeSecret, SecretString};
use rand::RngCore;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use super::error::{Error, Result};
use super::recovery_key::RecoveryKey;

const KEY_BYTES: usize = 32;

/// The raw SQLCipher key. Deliberately derives nothing: no `Clone`, no `Debug`, no `Serialize`.
/// Zeroed when dropped; readable only through [`DatabaseKey::sqlcipher_key_statement`].
#[derive(Zeroize, ZeroizeOnDrop)]
pub(crate) struct DatabaseKey([u8; KEY_BYTES]);

impl std::fmt::Debug for DatabaseKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DatabaseKey(..)")
    }
}

/// Which unlock method a key file is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WrappedTo {
    Passphrase,
    RecoveryKey,
}

/// How hard scrypt works when wrapping to a passphrase. Only tests choose a fixed, low cost.
#[derive(Debug, Clone, Copy)]
pub(crate) enum KdfCost {
    /// About one second on this machine, kept between [`MIN_LOG_N`] and [`MAX_LOG_N`].
    Calibrated,
    /// A fixed log2(N), for tests that create many vaults.
    #[cfg(test)]
    Fixed(u8),
}

/// The least scrypt work a passphrase file is written with: N = 2^18, 256 MiB and about a
/// second on a 2020 laptop. Calibration times scrypt on the spot, and a machine busy with a
/// build or a video call would otherwise pick a cost an attacker's hardware shrugs off.
pub(crate) const MIN_LOG_N: u8 = 18;

/// The most scrypt work a passphrase file is written with, and the most Kizuki will spend
/// opening one: N = 2^20, 1 GiB and four times the floor's time. A file written on a fast
/// desktop must still open on a slow laptop; age's own limit (calibrated + 4 on the opening
/// machine) would refuse it there on a busy day. A file asking for more is refused before any
/// work, as [`Error::KeyFileTooCostly`]: a crafted file could otherwise ask for hours and
/// tens of GiB.
pub(crate) const MAX_LOG_N: u8 = 20;

// The floor is age's own guess for a machine it cannot time; the ceiling stays at what a
// laptop with 4 GB opens without swapping.
const _: () = assert!(MIN_LOG_N >= 18 && MIN_LOG_N <= MAX_LOG_N && MAX_LOG_N <= 20);

/// The most scrypt work a passphrase *package* may ask of its opener: the consultant's own
/// backups made before Kizuki bounded its cost were calibrated by age alone, and a fast
/// desktop may have chosen 2^21 or 2^22. As high as the reference `age` goes, and no higher.
pub(crate) const MAX_PACKAGE_LOG_N: u8 = 22;

/// An scrypt recipient at the calibrated cost kept between the bounds: for the passphrase file
/// and for every package Kizuki encrypts to a passphrase.
pub(crate) fn passphrase_recipient(passphrase: &SecretString) -> age::scrypt::Recipient {
    let mut recipient = age::scrypt::Recipient::new(passphrase.clone());
    recipient.set_work_factor(bounded_log_n(calibrated_log_n()));
    recipient
}

/// An scrypt identity that refuses, before any work, a file asking for more than `max_log_n`.
pub(crate) fn passphrase_identity(
    passphrase: &SecretString,
    max_log_n: u8,
) -> age::scrypt::Identity {
    let mut identity = age::scrypt::Identity::new(passphrase.clone());
    identity.set_max_work_factor(max_log_n);
    identity
}

/// The log2(N) an age passphrase file asks for, read from its `-> scrypt <salt> <log_n>` line:
/// for the tests and the benchmarks, which check and report the cost a file was written with.
#[cfg(any(test, feature = "bench"))]
pub(crate) fn scrypt_log_n(wrapped: &[u8]) -> Option<u8> {
    let header = String::from_utf8_lossy(&wrapped[..wrapped.len().min(200)]).into_owned();
    let stanza = header.lines().find(|line| line.starts_with("-> scrypt "))?;
    stanza.rsplit(' ').next()?.parse().ok()
}

/// The work factor a passphrase file is written with, given what calibration found.
pub(crate) fn bounded_log_n(calibrated: u8) -> u8 {
    calibrated.clamp(MIN_LOG_N, MAX_LOG_N)
}

/// Times scrypt the way age does (N = 2^10, then doubled until a second), without age's
/// fallback to its own unbounded choice.
fn calibrated_log_n() -> u8 {
    const ONE_SECOND: std::time::Duration = std::time::Duration::from_secs(1);
    let mut log_n = 10u8;
    let measure = |log_n: u8| {
        let params = scrypt::Params::new(log_n, 8, 1, 32).ok()?;
        let mut output = [0u8; 32];
        let started = std::time::Instant::now();
        scrypt::scrypt(b"", b"", &params, &mut output).ok()?;
        Some(started.elapsed())
    };
    let Some(mut elapsed) = measure(log_n) else {
        return MIN_LOG_N;
    };
    while elapsed.is_zero() && log_n < MAX_LOG_N {
        log_n += 1;
        elapsed = measure(log_n).unwrap_or(ONE_SECOND);
    }
    while elapsed < ONE_SECOND && log_n < MAX_LOG_N {
        log_n += 1;
        elapsed *= 2;
    }
    log_n
}

impl DatabaseKey {
    pub(crate) fn generate() -> Self {
        let mut bytes = [0u8; KEY_BYTES];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        Self(bytes)
    }

    /// Whether two unwrapped keys are the same, compared in constant time.
    pub(crate) fn same_key_as(&self, other: &Self) -> bool {
        self.0
            .iter()
            .zip(other.0.iter())
            .fold(0u8, |difference, (a, b)| difference | (a ^ b))
            == 0
    }

    /// The raw key, for tests that read the database's pages themselves.
    #[cfg(test)]
    pub(crate) fn raw_bytes(&self) -> [u8; KEY_BYTES] {
        self.0
    }

    /// The statement `PRAGMA key = "x'…'";`, in SQLCipher's raw-key syntax. Written into
    /// one buffer of its final size, so no growth leaves a copy of the key behind in freed
    /// memory; zeroed when dropped.
    pub(crate) fn sqlcipher_key_statement(&self) -> Zeroizing<String> {
        self.raw_key_between("PRAGMA key = \"x'", "'\";")
    }

    /// The key as SQLCipher reads a raw key given as a value (`ATTACH … KEY ?`): `x'…'`.
    pub(crate) fn raw_key_literal(&self) -> Zeroizing<String> {
        self.raw_key_between("x'", "'")
    }

    /// The key in hex between `prefix` and `suffix`.
    fn raw_key_between(&self, prefix: &str, suffix: &str) -> Zeroizing<String> {
        let mut text = Zeroizing::new(String::with_capacity(
            prefix.len() + 2 * KEY_BYTES + suffix.len(),
        ));
        text.push_str(prefix);
        for byte in &self.0 {
            text.push(char::from(b"0123456789abcdef"[usize::from(byte >> 4)]));
            text.push(char::from(b"0123456789abcdef"[usize::from(byte & 0x0f)]));
        }
        text.push_str(suffix);
        text
    }

    pub(crate) fn wrap_to_passphrase(
        &self,
        passphrase: &SecretString,
        cost: KdfCost,
    ) -> Result<Vec<u8>> {
        let recipient = match cost {
            KdfCost::Calibrated => passphrase_recipient(passphrase),
            #[cfg(test)]
            KdfCost::Fixed(log_n) => {
                let mut recipient = age::scrypt::Recipient::new(passphrase.clone());
                recipient.set_work_factor(log_n);
                recipient
            }
        };
        self.wrap(&recipient)
    }

    pub(crate) fn wrap_to_recovery_key(&self, recovery_key: &RecoveryKey) -> Result<Vec<u8>> {
        self.wrap(&recovery_key.recipient())
    }

    fn wrap(&self, recipient: &dyn age::Recipient) -> Result<Vec<u8>> {
        let encryptor = age::Encryptor::with_recipients(iter::once(recipient))?;
        let mut wrapped = Vec::new();
        let mut writer = encryptor.wrap_output(&mut wrapped)?;
        writer.write_all(&self.0)?;
        // Without finish() the last chunk is never written and the file is silently truncated.
        writer.finish()?;
        Ok(wrapped)
    }

    pub(crate) fn unwrap_with_passphrase(
        wrapped: &[u8],
        passphrase: &SecretString,
    ) -> Result<Self> {
        let identity = passphrase_identity(passphrase, MAX_LOG_N);
        Self::unwrap(wrapped, &identity, WrappedTo::Passphrase)
    }

    pub(crate) fn unwrap_with_recovery_key(
        wrapped: &[u8],
        recovery_key: &RecoveryKey,
    ) -> Result<Self> {
        Self::unwrap(wrapped, recovery_key.identity(), WrappedTo::RecoveryKey)
    }

    fn unwrap(wrapped: &[u8], identity: &dyn age::Identity, wrapped_to: WrappedTo) -> Result<Self> {
        use age::DecryptError;
        let decryptor =
            age::Decryptor::new_buffered(wrapped).map_err(|_| Error::Damaged("key file header"))?;
        // A file of the other kind (say, the two key files swapped) is damage, not a wrong key:
        // it must neither say "wrong passphrase" nor count towards the unlock delay.
        if decryptor.is_scrypt() != (wrapped_to == WrappedTo::Passphrase) {
            return Err(Error::Damaged("key file of the wrong kind"));
        }
        let mut reader = match decryptor.decrypt(iter::once(identity)) {
            Ok(reader) => reader,
            // scrypt reports a wrong passphrase as a failed stanza decryption; x25519 as no
            // matching key. Both mean the same to the user: that is not the right key.
            Err(DecryptError::DecryptionFailed | DecryptError::NoMatchingKeys) => {
                return Err(match wrapped_to {
                    WrappedTo::Passphrase => Error::WrongPassphrase,
                    WrappedTo::RecoveryKey => Error::WrongRecoveryKey,
                })
            }
            // Not damage: the file is whole, and the recovery key still opens the vault.
            Err(DecryptError::ExcessiveWork { required, .. }) => {
                return Err(Error::KeyFileTooCostly { log_n: required })
            }
            Err(_) => return Err(Error::Damaged("key file header")),
        };
        let mut plaintext = Zeroizing::new(Vec::with_capacity(KEY_BYTES));
        reader
            .read_to_end(&mut plaintext)
            .map_err(|_| Error::Damaged("key file payload"))?;
        let bytes: [u8; KEY_BYTES] = plaintext
            .as_slice()
            .try_into()
            .map_err(|_| Error::Damaged("key file length"))?;
        Ok(Self(bytes))
    }
}

/// Passphrases are compared and measured only here, through an explicit exposure.
pub(crate) fn passphrase_chars(passphrase: &SecretString) -> usize {
    passphrase.expose_secret().chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passphrase(text: &str) -> SecretString {
        SecretString::from(text.to_owned())
    }

    #[test]
    fn passphrase_wrapping_round_trips_and_rejects_another_passphrase() -> Result<()> {
        let key = DatabaseKey::generate();
        let wrapped =
            key.wrap_to_passphrase(&passphrase("正しい馬電池ホチキス"), KdfCost::Fixed(4))?;
        let unwrapped =
            DatabaseKey::unwrap_with_passphrase(&wrapped, &passphrase("正しい馬電池ホチキス"))?;
        assert_eq!(unwrapped.0, key.0);
        assert!(matches!(
            DatabaseKey::unwrap_with_passphrase(&wrapped, &passphrase("別のパスフレーズ")),
            Err(Error::WrongPassphrase)
        ));
        Ok(())
    }

    #[test]
    fn recovery_wrapping_round_trips_and_rejects_another_key() -> Result<()> {
        let key = DatabaseKey::generate();
        let recovery = RecoveryKey::generate();
        let wrapped = key.wrap_to_recovery_key(&recovery)?;
        assert_eq!(
            DatabaseKey::unwrap_with_recovery_key(&wrapped, &recovery)?.0,
            key.0
        );
        assert!(matches!(
            DatabaseKey::unwrap_with_recovery_key(&wrapped, &RecoveryKey::generate()),
            Err(Error::WrongRecoveryKey)
        ));
        Ok(())
    }

    #[test]
    fn damaged_key_files_are_reported_as_damage_not_as_a_wrong_passphrase() -> Result<()> {
        let key = DatabaseKey::generate();
        let wrapped = key.wrap_to_passphrase(&passphrase("passphrase-1"), KdfCost::Fixed(4))?;
        let truncated = &wrapped[..wrapped.len() - 8];
        assert!(matches!(
            DatabaseKey::unwrap_with_passphrase(truncated, &passphrase("passphrase-1")),
            Err(Error::Damaged(_))
        ));
        assert!(matches!(
            DatabaseKey::unwrap_with_passphrase(b"not an age file", &passphrase("passphrase-1")),
            Err(Error::Damaged(_))
        ));
        Ok(())
    }

    #[test]
    fn a_key_file_of_the_other_kind_is_damage_not_a_wrong_key() -> Result<()> {
        let key = DatabaseKey::generate();
        let recovery = RecoveryKey::generate();
        let for_recovery = key.wrap_to_recovery_key(&recovery)?;
        let for_passphrase =
            key.wrap_to_passphrase(&passphrase("passphrase-1"), KdfCost::Fixed(4))?;
        assert!(matches!(
            DatabaseKey::unwrap_with_passphrase(&for_recovery, &passphrase("passphrase-1")),
            Err(Error::Damaged(_))
        ));
        assert!(matches!(
            DatabaseKey::unwrap_with_recovery_key(&for_passphrase, &recovery),
            Err(Error::Damaged(_))
        ));
        Ok(())
    }

    #[test]
    fn the_key_statement_is_sqlciphers_raw_key_syntax_in_a_buffer_that_never_grew() {
        let statement = DatabaseKey([0xab; KEY_BYTES]).sqlcipher_key_statement();
        assert!(statement.starts_with("PRAGMA key = \"x'abab") && statement.ends_with("ab'\";"));
        assert_eq!(
            statement.len(),
            statement.capacity(),
            "sized once, never reallocated"
        );
    }

    #[test]
    fn debug_output_hides_the_key() {
        assert_eq!(
            format!("{:?}", DatabaseKey([7; KEY_BYTES])),
            "DatabaseKey(..)"
        );
    }
}
