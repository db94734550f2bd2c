// Without this, Windows release builds would open a console window beside the app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    kizuki_desktop::run();
}
