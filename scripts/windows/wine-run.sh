#!/usr/bin/env bash
# Cargo's runner for x86_64-pc-windows-gnu (set by scripts/windows.sh): runs a Windows test or
# program under Wine, in a prefix of the project's own that has the ProcessPrng shim Debian 12's
# Wine lacks (process-prng.c). The prefix is made once and kept beside the build.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="${CARGO_TARGET_DIR:?set by scripts/windows.sh}"
export WINEPREFIX="${WINEPREFIX:-$target/wine-prefix}"
export WINEARCH=win64
export WINEDEBUG="${WINEDEBUG:--all}"
# No window, no Mono or Gecko installers asked for at the prefix's creation.
export WINEDLLOVERRIDES="${WINEDLLOVERRIDES:-mscoree,mshtml=}"
export DISPLAY=

# Debian's wine64 package keeps its programs out of PATH.
wine="$(command -v wine64 || echo /usr/lib/wine/wine64)"
wineserver="$(command -v wineserver || echo /usr/lib/wine/wineserver64)"

system32="$WINEPREFIX/drive_c/windows/system32"
if [ ! -f "$system32/bcryptprimitives.dll" ]; then
  "$wine" cmd /c exit >/dev/null 2>&1
  "$wineserver" -w
  x86_64-w64-mingw32-gcc -shared -O2 -Wl,--kill-at -o "$system32/bcryptprimitives.dll" \
    "$here/process-prng.c" -ladvapi32
fi
exec "$wine" "$@"
