//! The commands the UI can call, one module per area. Each is a one-line adapter onto the core.

pub mod clients;
pub mod preferences;
pub mod sessions;
pub mod vault;
