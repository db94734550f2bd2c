//! The commands the UI can call, one module per area. Each is a one-line adapter onto a
//! documented core function; `command_list.rs` names every one of them once.

pub mod action_plans;
pub mod backups;
pub mod clients;
pub mod companies;
pub mod consents;
pub mod dashboard;
pub mod erasure;
pub mod exports;
pub mod flags;
pub mod interviews;
pub mod overall_reports;
pub mod preferences;
pub mod programs;
pub mod questionnaires;
pub mod reports;
pub mod retention;
pub mod search;
pub mod sheets;
pub mod supervision;
pub mod vault;
pub mod window;
