//! Support for the end-to-end tests: a small W3C WebDriver client, the app launched through
//! `tauri-driver` in an isolated home, and a scanner for plaintext left on disk.
//!
//! The client speaks HTTP/1.1 over a loopback `TcpStream` itself: the tests need five verbs,
//! and no HTTP library belongs in this workspace.

pub mod app;
pub mod plaintext;
pub mod process_tree;
pub mod webdriver;
pub mod window_manager;

/// What a test step returns; a failure explains itself.
pub type Result<T, E = Box<dyn std::error::Error>> = std::result::Result<T, E>;
