#!/usr/bin/env bash
# Fails when an HTTP, TLS, WebSocket or DNS client crate enters what Kizuki ships (the app and
# the CLI), on any desktop platform it is built for: Kizuki has no network code, and a
# dependency that brings some is refused before it lands. (cargo-deny's `bans`, without
# building cargo-deny in every CI run.) `--self-test` proves the check can fail.
set -euo pipefail

BANNED='^(reqwest|hyper|hyper-util|hyper-rustls|hyper-tls|h2|h3|quinn|ureq|isahc|curl|curl-sys|surf|attohttpc|minreq|http_req|awc|rustls|tokio-rustls|native-tls|tokio-native-tls|openssl|schannel|security-framework|tungstenite|tokio-tungstenite|async-tungstenite|hickory-resolver|trust-dns-resolver) '
TARGETS=(x86_64-unknown-linux-gnu aarch64-unknown-linux-gnu x86_64-pc-windows-msvc aarch64-apple-darwin x86_64-apple-darwin)

banned_in() { grep -E "$BANNED" || true; }

if [ "${1:-}" = "--self-test" ]; then
  found=$(printf 'serde v1.0.0\nreqwest v0.13.5\nopenssl-sys v0.9.0\n' | banned_in)
  [ "$found" = "reqwest v0.13.5" ] || { echo "check-no-network: the self-test did not catch reqwest" >&2; exit 1; }
  exit 0
fi

cd "$(dirname "$0")/.."
status=0
for target in "${TARGETS[@]}"; do
  crates=$(cargo tree --locked -e normal,build --target "$target" -p kizuki-desktop -p kizuki-cli \
    --prefix none --format '{p}' | sort -u)
  # An empty or tiny tree would pass any check: tauri alone brings hundreds.
  [ "$(wc -l <<<"$crates")" -gt 100 ] || { echo "check-no-network: no dependency tree for $target" >&2; exit 1; }
  found=$(banned_in <<<"$crates")
  if [ -n "$found" ]; then
    echo "check-no-network: network client crates in the product for $target:" >&2
    echo "$found" >&2
    status=1
  fi
done
exit "$status"
