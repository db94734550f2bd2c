#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine and runs every test: UI checks, Rust lints, unit and
# integration tests against the real SQLCipher and age, and end-to-end tests of the built app in a
# real window under Xvfb. Set KIZUKI_SCREENSHOTS=DIR to keep the end-to-end screenshots.
source "$(dirname "$0")/common.sh"

require_toolchains
install_system_packages "${APP_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
install_tauri_driver

build_ui
cd "$ROOT/ui"
step "UI: type check, lint, unit tests"
npm run --silent typecheck
npm run --silent lint
npm test --silent
cd "$ROOT"

step "Rust: format and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings
# The decade benchmark and its generator sit behind a feature: lint them too, so they keep
# building (running them is `cargo bench`, see BENCHMARKS.md).
cargo clippy --locked -p kizuki-core --features bench --all-targets -- -D warnings

step "the About screen's licence list is current"
node scripts/licenses.mjs --check

step "Rust: no network client in the product"
scripts/check-no-network.sh --self-test
scripts/check-no-network.sh

step "Rust: core, CLI and shell tests"
cargo test --locked

step "end to end: the built app in a real window, with no network"
# The webdriver feature lets WebKitGTK's automation drive the window (see src-tauri/src/window.rs).
cargo build --locked -p kizuki-desktop --features webdriver
cargo test --locked -p kizuki-e2e --no-run
# A network namespace of their own, with only the loopback up (WebDriver speaks HTTP to the
# app's driver over it): the app, the webview and the tests cannot reach any network, and the
# harness checks that no other interface is there (KIZUKI_E2E_NO_NETWORK).
netns=(unshare --net)
[ "$(id -u)" -eq 0 ] || netns=(unshare --net --map-root-user)
if ! "${netns[@]}" true 2>/dev/null; then
  echo "The end-to-end tests run in a network namespace of their own, and this machine refused" >&2
  echo "one (${netns[*]}): in a container, allow it (CAP_SYS_ADMIN, or user namespaces)." >&2
  exit 1
fi
KIZUKI_APP="$CARGO_TARGET_DIR/debug/kizuki-desktop" KIZUKI_E2E_NO_NETWORK=1 \
  "${netns[@]}" sh -c 'ip link set lo up && exec xvfb-run --auto-servernum --server-args="-screen 0 1280x900x24" \
    cargo test --locked --offline -p kizuki-e2e -- --test-threads=1'

step "all tests passed"
