#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine and opens Kizuki. Arguments go to the app
# (e.g. --data-dir DIR; without it the vault lives in ~/.local/share/kizuki).
source "$(dirname "$0")/common.sh"

require_toolchains
install_system_packages "${APP_PACKAGES[@]}"
build_ui
step "building the app (release)"
cargo build --release --locked -p kizuki-desktop
exec "$CARGO_TARGET_DIR/release/kizuki-desktop" "$@"
