#!/usr/bin/env bash
# Installs a Kizuki .deb on this machine and starts it as its menu entry does, for a user who
# has never run it (a home of their own) on a virtual display. It fails if the app exits, shows
# no window, or writes anything into the vault's folder before a passphrase is chosen, and it
# keeps a screenshot of the first window: the setup screen (保管庫を作成します), to look at.
#   ./scripts/check-deb.sh [path/to/Kizuki_*.deb] [screenshot.png]
# Needs root (it installs the package, then removes it): run it on a throwaway machine.
source "$(dirname "$0")/common.sh"

deb="$(realpath "${1:-$CARGO_TARGET_DIR/release/bundle/deb/$(deb_name Kizuki)}")"
shot="$(realpath -m "${2:-$ROOT/tmp/first-start.png}")"
if [ "$(id -u)" -ne 0 ]; then
  echo "This check installs a package: run it as root, on a throwaway machine." >&2
  exit 1
fi
install_system_packages xvfb xauth x11-utils imagemagick
package="$(dpkg-deb --field "$deb" Package)"
home="$(mktemp -d)"
# Whatever happens from here, even an install that stopped halfway: the package goes, then the
# home, each whether or not the other could.
trap 'apt-get remove -y -qq "$package" </dev/null >/dev/null 2>&1 || true; rm -rf "$home" || true' EXIT
step "installing $deb ($package)"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" </dev/null

# The menu entry says how the desktop starts it.
entry="$(dpkg -L "$package" | grep '^/usr/share/applications/.*\.desktop$' | head -n 1 || true)"
command=""
[ -z "$entry" ] || command="$(sed -n 's/^Exec=//p' "$entry" | head -n 1)"
if [ -z "$command" ]; then
  echo "The package has no menu entry with an Exec= line." >&2
  exit 1
fi

mkdir -p "$home/runtime" "$(dirname "$shot")"
chmod 700 "$home/runtime"
step "starting $command as a new user would, under Xvfb"
# The user's environment only: nothing from this shell's (its CARGO_TARGET_DIR, its data dirs).
env -i PATH=/usr/bin:/bin HOME="$home" XDG_RUNTIME_DIR="$home/runtime" LANG=C.UTF-8 \
  NO_AT_BRIDGE=1 SHOT="$shot" COMMAND="$command" \
  xvfb-run --auto-servernum --server-args="-screen 0 1280x900x24" sh -c '
    $COMMAND > "$HOME/app.log" 2>&1 &
    app=$!
    stop() { kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true; }
    # The first screen needs a moment: the process, the webview, the page.
    for _ in $(seq 1 60); do
      xwininfo -root -tree 2>/dev/null | grep -q "\"Kizuki\"" && break
      sleep 0.5
    done
    sleep 5
    if ! kill -0 "$app" 2>/dev/null; then
      echo "The app exited:"; cat "$HOME/app.log"; exit 1
    fi
    if ! xwininfo -root -tree | grep "\"Kizuki\""; then
      stop; echo "The app showed no Kizuki window:"; cat "$HOME/app.log"; exit 1
    fi
    if ! import -window root "$SHOT"; then
      stop; echo "The screenshot could not be taken."; exit 1
    fi
    stop
  '

vault="$home/.local/share/kizuki"
if [ -n "$(ls -A "$vault" 2>/dev/null)" ]; then
  echo "The first start wrote into the vault's folder before a passphrase was chosen:" >&2
  ls -A "$vault" >&2
  exit 1
fi
step "the first start showed its window and wrote nothing into the vault's folder; its screen is in $shot"
