#!/usr/bin/env bash
# The desktop benchmark (BENCHMARKS.md, "The desktop app"): Kizuki beside a plain Tauri window
# built the same way, in one run. Builds and bundles both (release), writes the decade's
# practice into a vault, then starts each app under Xvfb through WebDriver and prints Markdown.
# Needs root: it empties the page cache before each cold start, and reads the memory of
# Kizuki's processes, which make themselves undumpable.
# KIZUKI_BENCH_CLIENTS=N writes a smaller practice; KIZUKI_BENCH_ROUNDS=N sets the starts.
source "$(dirname "$0")/common.sh"

if [ "$(id -u)" -ne 0 ]; then
  echo "The desktop benchmark empties the page cache and reads undumpable processes' memory:" >&2
  echo "run it as root (in a throwaway machine or container)." >&2
  exit 1
fi
require_toolchains
install_system_packages "${APP_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
install_tauri_driver

# Both bundles, each made by the Tauri CLI from its own release build.
"$ROOT/scripts/bundle.sh" deb
step "bundling the plain window"
(cd "$ROOT/tests/plain-window" &&
  npx --yes "@tauri-apps/cli@$TAURI_CLI_VERSION" build --config '{"bundle":{"active":true}}' --bundles deb)
bundles="$CARGO_TARGET_DIR/release/bundle/deb"
kizuki_deb="$bundles/$(deb_name Kizuki)"
plain_deb="$bundles/$(deb_name "Plain Window")"

# The bundled Kizuki cannot be driven (its webview is always incognito, which WebKitGTK's
# automation refuses): the same release build with the webdriver feature stands in for it.
step "building Kizuki for WebDriver (release)"
cargo build --locked --release -p kizuki-desktop --features webdriver

work="$(mktemp -d "${TMPDIR:-/tmp}/kizuki-bench-desktop.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/practice"
step "writing the practice"
KIZUKI_PRACTICE_DIR="$work/practice/vault" \
  cargo bench --locked -p kizuki-core --features bench --bench practice > "$work/practice/practice.json"

step "measuring"
cargo bench --locked -p kizuki-e2e --bench desktop --no-run
KIZUKI_APP="$CARGO_TARGET_DIR/release/kizuki-desktop" \
KIZUKI_PLAIN_APP="$CARGO_TARGET_DIR/release/kizuki-plain-window" \
KIZUKI_PRACTICE="$work/practice" \
KIZUKI_BUNDLES="$kizuki_deb:$plain_deb" \
  xvfb-run --auto-servernum --server-args="-screen 0 1280x900x24" \
    cargo bench --locked -p kizuki-e2e --bench desktop
