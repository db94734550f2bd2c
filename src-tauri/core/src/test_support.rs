//! Shared set-up for the core's tests: real vaults in temporary directories.

use std::path::Path;

use age::secrecy::SecretString;

use crate::vault::key::KdfCost;
use crate::vault::{RecoveryKey, Vault};

/// The passphrase every test vault is created with.
pub(crate) const PASSPHRASE: &str = "やまのうえのいけ";

pub(crate) fn secret(text: &str) -> SecretString {
    SecretString::from(text.to_owned())
}

/// A new, unlocked vault in `dir`, with a low scrypt cost (never used by the product).
pub(crate) async fn new_vault(dir: &Path) -> (Vault, RecoveryKey) {
    match Vault::create_with_cost(dir, &secret(PASSPHRASE), KdfCost::Fixed(10)).await {
        Ok(created) => created,
        Err(error) => panic!("creating a test vault failed: {error}"),
    }
}
