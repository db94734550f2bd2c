#!/usr/bin/env bash
# Cargo's runner for x86_64-pc-windows-gnu (set by scripts/windows.sh): runs a Windows test or
# program under Wine, in a prefix of the build's own (never the user's ~/.wine) that has the
# ProcessPrng shim Debian 12's Wine lacks (process-prng.c). The prefix is made once, under a
# lock, and kept beside the build.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="${CARGO_TARGET_DIR:?set by scripts/windows.sh}"
export WINEPREFIX="${KIZUKI_WINEPREFIX:-$target/wine-prefix}"
export WINEARCH=win64
# Quiet, but a DLL that cannot be loaded is still said.
export WINEDEBUG="${WINEDEBUG:--all,err+module}"
# No Mono or Gecko installers asked for at the prefix's creation.
export WINEDLLOVERRIDES="${WINEDLLOVERRIDES:-mscoree,mshtml=}"
# No display: a window (a message box) cannot open and wait for a click.
export DISPLAY=
unset WAYLAND_DISPLAY

# Debian's wine64 package keeps its programs out of PATH; both come from the same Wine.
if command -v wine64 >/dev/null; then
  wine="$(command -v wine64)"
  wineserver="$(dirname "$wine")/wineserver"
else
  wine=/usr/lib/wine/wine64
  wineserver=/usr/lib/wine/wineserver64
fi

system32="$WINEPREFIX/drive_c/windows/system32"
shim="$system32/bcryptprimitives.dll"
if [ ! -f "$shim" ]; then
  mkdir -p "$(dirname "$WINEPREFIX")"
  (
    flock 9
    if [ ! -f "$shim" ]; then
      if ! "$wine" cmd /c exit >"$WINEPREFIX.log" 2>&1; then
        echo "wine-run: the Wine prefix could not be made ($WINEPREFIX.log):" >&2
        tail -20 "$WINEPREFIX.log" >&2
        exit 1
      fi
      "$wineserver" -w
      [ -d "$system32" ] || { echo "wine-run: no system32 in $WINEPREFIX" >&2; exit 1; }
      x86_64-w64-mingw32-gcc -shared -O2 -Wl,--kill-at -o "$shim.tmp" "$here/process-prng.c" -ladvapi32
      mv "$shim.tmp" "$shim"
    fi
  ) 9>"$WINEPREFIX.lock"
fi
exec "$wine" "$@"
