#!/usr/bin/env bash
# Kizuki for Windows, from Linux (Debian 12; docs/release.md):
#   ./scripts/windows.sh build   the core, kizuki.exe and the desktop app's kizuki-desktop.exe, cross-built
#                                for x86_64-pc-windows-gnu with mingw-w64
#   ./scripts/windows.sh test    the core's and the CLI's tests on Windows semantics, under Wine,
#                                and the desktop app started without WebView2 (Wine has none)
# Everything lands in $CARGO_TARGET_DIR/x86_64-pc-windows-gnu/.
source "$(dirname "$0")/common.sh"

WINDOWS_TARGET=x86_64-pc-windows-gnu
# The cross compilers, and Wine to run what they make.
WINDOWS_PACKAGES=(gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64 wine64)

prepare() {
  require_toolchains
  install_system_packages "${WINDOWS_PACKAGES[@]}"
  local installed
  installed="$(rustup target list --installed)"
  grep -x "$WINDOWS_TARGET" >/dev/null <<<"$installed" || rustup target add "$WINDOWS_TARGET"
  # Cargo splits a runner given in the environment on spaces.
  case "$ROOT" in
    *" "*) echo "The Windows tests need a checkout path without spaces: $ROOT" >&2; exit 1 ;;
  esac
  export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
  export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER="$ROOT/scripts/windows/wine-run.sh"
}

OUT="$CARGO_TARGET_DIR/$WINDOWS_TARGET/debug"

# The desktop app, and the tests linked with it, load WebView2Loader.dll from beside them.
place_webview2_loader() {
  local loader
  loader="$(ls -t "$OUT"/build/webview2-com-sys-*/out/x64/WebView2Loader.dll 2>/dev/null | head -1 || true)"
  [ -n "$loader" ] || { echo "WebView2Loader.dll was not built" >&2; exit 1; }
  cp "$loader" "$OUT/"
  mkdir -p "$OUT/deps"
  cp "$loader" "$OUT/deps/"
}

case "${1:-}" in
  build)
    prepare
    build_ui
    step "cross-building the core, kizuki.exe and kizuki-desktop.exe for $WINDOWS_TARGET"
    cd "$ROOT"
    cargo build --locked --target "$WINDOWS_TARGET" -p kizuki-core -p kizuki-cli -p kizuki-desktop
    place_webview2_loader
    step "built: $OUT/kizuki.exe, $OUT/kizuki-desktop.exe"
    ;;
  test)
    prepare
    cd "$ROOT"
    listed="$ROOT/scripts/windows/not-under-wine.txt"
    step "not run under Wine (scripts/windows/not-under-wine.txt):"
    grep -v '^#' "$listed" | sed 's/^/    /'
    skips=()
    while IFS=$'\t' read -r name reason; do
      [[ -z "$name" || "$name" == \#* || "$reason" == "compiled out"* ]] && continue
      skips+=(--skip "$name")
    done <"$listed"
    step "the core's and the CLI's tests under Wine ($WINDOWS_TARGET)"
    cargo test --locked --target "$WINDOWS_TARGET" -p kizuki-core -p kizuki-cli -- --exact "${skips[@]}"
    # Wine has no WebView2: the app started there must say so, never panic.
    step "the desktop app without WebView2, under Wine"
    build_ui
    cargo test --locked --target "$WINDOWS_TARGET" -p kizuki-desktop --test webview_runtime --no-run
    place_webview2_loader
    cargo test --locked --target "$WINDOWS_TARGET" -p kizuki-desktop --test webview_runtime -- --ignored
    ;;
  *)
    echo "usage: $0 build|test" >&2
    exit 2
    ;;
esac
