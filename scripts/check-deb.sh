#!/usr/bin/env bash
# Installs a Kizuki .deb on this machine and starts it as its menu entry does, for a user who
# has never run it (a home of their own) on a virtual display: the first start must open the
# setup screen and write no vault. Keeps a screenshot of that first window to look at.
#   ./scripts/check-deb.sh [path/to/Kizuki_*.deb] [screenshot.png]
# Needs root (it installs the package, then removes it): run it on a throwaway machine.
source "$(dirname "$0")/common.sh"

deb="$(realpath "${1:-$CARGO_TARGET_DIR/release/bundle/deb/Kizuki_0.1.0_amd64.deb}")"
shot="$(realpath -m "${2:-$ROOT/tmp/first-start.png}")"
if [ "$(id -u)" -ne 0 ]; then
  echo "This check installs a package: run it as root, on a throwaway machine." >&2
  exit 1
fi
install_system_packages xvfb xauth x11-utils imagemagick
package="$(dpkg-deb --field "$deb" Package)"
step "installing $deb ($package)"
apt-get install -y -qq --no-install-recommends "$deb" </dev/null
trap 'apt-get remove -y -qq "$package" </dev/null >/dev/null' EXIT

# The menu entry says how the desktop starts it.
entry="$(dpkg -L "$package" | grep '^/usr/share/applications/.*\.desktop$' | head -n 1)"
command="$(sed -n 's/^Exec=//p' "$entry" | head -n 1)"
[ -n "$command" ] || { echo "no Exec= in $entry" >&2; exit 1; }

home="$(mktemp -d)"
mkdir -p "$home/runtime" "$(dirname "$shot")"
chmod 700 "$home/runtime"
step "starting $command as a new user would, under Xvfb"
# The user's environment only: nothing from this shell's (its CARGO_TARGET_DIR, its data dirs).
env -i PATH=/usr/bin:/bin HOME="$home" XDG_RUNTIME_DIR="$home/runtime" LANG=ja_JP.UTF-8 \
  NO_AT_BRIDGE=1 SHOT="$shot" COMMAND="$command" \
  xvfb-run --auto-servernum --server-args="-screen 0 1280x900x24" sh -c '
    $COMMAND > "$HOME/app.log" 2>&1 &
    app=$!
    # The first screen needs a moment: the process, the webview, the page.
    for _ in $(seq 1 60); do
      xwininfo -root -tree 2>/dev/null | grep -q "\"Kizuki\"" && break
      sleep 0.5
    done
    sleep 5
    kill -0 "$app" || { echo "the app exited:"; cat "$HOME/app.log"; exit 1; }
    xwininfo -root -tree | grep "\"Kizuki\"" || { echo "no Kizuki window"; exit 1; }
    import -window root "$SHOT"
    kill "$app"
    wait "$app" 2>/dev/null || true
  '

vault="$home/.local/share/kizuki"
if [ -e "$vault/kizuki.db" ] || [ -e "$vault/key.passphrase.age" ]; then
  echo "The first start wrote a vault before any passphrase was chosen: $(ls -A "$vault")" >&2
  exit 1
fi
step "the first start showed a window and wrote no vault; its screen is in $shot"
rm -rf "$home"
