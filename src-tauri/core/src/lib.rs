//! Kizuki's core: everything a consultant's records need, with no knowledge of Tauri or the UI.
//!
//! A vault ([`vault::Vault`]) is one data directory holding a SQLCipher database and the
//! age-wrapped database key. Every record lives only inside that database; the front-ends (the
//! desktop shell and the `kizuki` CLI) call the documented functions of [`client`] and
//! [`session`] with an unlocked vault, and translate [`ErrorCode`]s for the user.
#![deny(missing_docs)]

pub mod client;
pub mod data_dir;
mod db;
mod error;
mod fs_atomic;
pub mod preferences;
pub mod session;
#[cfg(test)]
mod test_support;
mod text;
pub mod vault;

pub use error::ErrorCode;
