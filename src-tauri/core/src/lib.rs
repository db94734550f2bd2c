//! Kizuki's core: everything a consultant's records need, with no knowledge of Tauri or the UI.
//!
//! A vault ([`vault::Vault`]) is one data directory holding a SQLCipher database and the
//! age-wrapped database key. Every record lives only inside that database. Each kind of record
//! is one module with the same shape (see `ARCHITECTURE.md`, "The shape of an entity"): its
//! types and rules in `mod.rs`, its SQL alone in `store.rs`, its tests beside it. The
//! front-ends (the desktop shell and the `kizuki` CLI) call the documented functions of those
//! modules with an unlocked vault, and translate [`ErrorCode`]s for the user.
#![deny(missing_docs)]

pub mod action_plan;
pub mod audit;
pub mod backup;
pub mod calendar;
pub mod client;
pub mod company;
pub mod consent;
pub mod dashboard;
pub mod data_dir;
mod db;
pub mod erasure;
mod error;
pub mod export;
pub mod flag;
mod fs_atomic;
#[cfg(test)]
mod fuzz_targets;
#[cfg(any(test, feature = "fuzzing"))]
pub mod fuzzing;
pub mod ics;
mod identifying;
pub mod ids;
pub mod instance;
pub mod interview;
pub mod overall;
pub mod package;
pub mod preferences;
pub mod process_guard;
pub mod program;
pub mod provision;
pub mod questionnaire;
pub mod record;
pub mod report;
pub mod retention;
pub mod search;
#[cfg(any(test, feature = "bench"))]
pub mod seed;
pub mod sheet;
pub mod supervision;
#[cfg(test)]
mod test_support;
mod text;
pub mod vault;

pub use error::ErrorCode;
