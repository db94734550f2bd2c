//! A window with one heading and nothing else: what any Tauri app costs before it does anything.
//! `cargo bench -p kizuki-e2e --bench desktop` sets Kizuki beside it (see BENCHMARKS.md).

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> Result<(), tauri::Error> {
    tauri::Builder::default().run(tauri::generate_context!())
}
