#!/usr/bin/env bash
# Builds Kizuki's Linux bundles (docs/release.md): `./scripts/bundle.sh` makes the .deb and the
# AppImage, `./scripts/bundle.sh deb` only the .deb. They land in
# $CARGO_TARGET_DIR/release/bundle/.
source "$(dirname "$0")/common.sh"

bundles="${1:-deb,appimage}"
require_toolchains
install_system_packages "${APP_PACKAGES[@]}"
build_ui
step "bundling ($bundles)"
cd "$ROOT"
# tauri.conf.json keeps bundling off, so that ordinary builds never make installers; it is
# turned on for this command only.
npx --yes "@tauri-apps/cli@$TAURI_CLI_VERSION" build --config src-tauri/tauri.conf.json \
  --config '{"bundle":{"active":true}}' --bundles "$bundles"
step "bundles in $CARGO_TARGET_DIR/release/bundle/"
ls -l "$CARGO_TARGET_DIR"/release/bundle/*/ 2>/dev/null || true
