//! End-to-end tests of the built app in a real window (WebKitGTK under Xvfb), driven through
//! `tauri-driver` and `WebKitWebDriver`. Run by `scripts/test.sh`. The journeys share one
//! app start where they can: each launch costs seconds.

mod between_interviews;
mod first_interview;
mod processes;
mod steps;
