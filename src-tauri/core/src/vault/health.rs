//! What an unlock finds wrong around the vault that the consultant should hear of while it can
//! still be mended: a recovery file lost or damaged, a directory others can read.

use serde::Serialize;

use super::error::Result;
use super::{RecoveryFileState, Vault};
use crate::fs_atomic;

/// The vault's surroundings, as checked after an unlock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct VaultHealth {
    /// Whether the recovery key could open the vault today.
    pub recovery_file: RecoveryFileState,
    /// Other users of this computer can enter or list the vault's directory. Everything in it
    /// is encrypted, but the files then travel further than they need to.
    pub directory_open_to_others: bool,
}

impl Vault {
    /// Checks the recovery file and the directory's permissions.
    pub async fn health(&self) -> Result<VaultHealth> {
        Ok(VaultHealth {
            recovery_file: self.recovery_file_state().await?,
            directory_open_to_others: fs_atomic::open_to_others(self.layout.dir()),
        })
    }
}
