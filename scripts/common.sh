# Shared by scripts/run.sh and scripts/test.sh: set-up on a fresh Debian/Ubuntu machine.
# Idempotent: each step checks first and does only what is missing.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
# Build artefacts live outside the clone, so a cache survives fresh clones; nothing depends on
# one existing.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/kizuki/target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
export PATH="$HOME/.cargo/bin:$PATH"

# What building and running the window needs (tauri 2 on WebKitGTK), and Japanese fonts: Noto
# for the screen, IPAex (TrueType, embedded as real fonts in a PDF) for printed reports.
APP_PACKAGES=(build-essential pkg-config libwebkit2gtk-4.1-dev librsvg2-dev libssl-dev fonts-noto-cjk
  fonts-ipaexfont-mincho fonts-ipaexfont-gothic)
# What the tests add: a virtual display, the WebKit WebDriver, the reference age tool, and
# poppler (pdftotext, pdffonts) to read a printed PDF, unzip and ssh-keygen to open packages as a
# recipient would, a D-Bus daemon for a session bus of the tests' own (the screen locking), and
# iproute2 for the loopback of the network namespace the end-to-end tests run in.
TEST_PACKAGES=(xvfb xauth webkit2gtk-driver age poppler-utils unzip openssh-client dbus iproute2)

step() { printf '\n==> %s\n' "$*"; }

install_system_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  step "installing system packages: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
}

# The Tauri CLI, pinned, fetched from npm by `npx` on first use (scripts/bundle.sh): not a
# dependency of the UI, whose lock file would then need every platform's build of it.
TAURI_CLI_VERSION=2.12.5

# The file names the Tauri bundler gives a .deb: `<productName>_<version>_<arch>.deb`.
deb_name() {
  local version
  version="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$ROOT/Cargo.toml" | head -n 1)"
  echo "${1}_${version}_$(dpkg --print-architecture).deb"
}

# The WebDriver server the end-to-end tests and the desktop benchmark start the app through.
install_tauri_driver() {
  if ! command -v tauri-driver >/dev/null; then
    step "installing tauri-driver"
    cargo install tauri-driver --locked --version 2.1.0
  fi
}

require_toolchains() {
  command -v cargo >/dev/null || { echo "Rust is missing: install it with rustup (https://rustup.rs), then re-run." >&2; exit 1; }
  command -v npm >/dev/null || { echo "Node.js 20+ and npm are missing: install them, then re-run." >&2; exit 1; }
}

build_ui() {
  cd "$ROOT/ui"
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    step "installing npm packages"
    npm ci --no-audit --no-fund </dev/null
  fi
  step "building the UI"
  npm run --silent build
  cd "$ROOT"
}
