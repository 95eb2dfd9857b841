#!/usr/bin/env bash
# Everything P402 needs on a fresh machine of this kind (.NET SDK, node/npm, apt): npm packages for
# the dev chain and the SDK, the compiled dev token, and, with --browser, Debian's Chromium for the
# Playwright tests. Idempotent: a second run only checks.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
browser=false
for arg in "$@"; do
  [[ "$arg" == "--browser" ]] && browser=true
done

need() { command -v "$1" >/dev/null 2>&1 || { echo "P402 setup: '$1' is required but not installed." >&2; exit 1; }; }
need dotnet
need node
need npm

apt_install() {
  local sudo=""
  [[ "$(id -u)" -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

# Native secp256k1 makes signature recovery ~5x faster; P402 falls back to BouncyCastle without it.
if ! ldconfig -p 2>/dev/null | grep -q libsecp256k1.so; then
  apt_install libsecp256k1-1 || echo "P402 setup: libsecp256k1 not installed; using the managed fallback."
fi

# PostgreSQL 15 (Debian's): the tests run the Core-level data suites and the scale-out tests on a real server.
if [[ ! -x /usr/lib/postgresql/15/bin/postgres ]]; then
  apt_install postgresql-15
fi

if $browser && [[ ! -x /usr/bin/chromium ]]; then
  apt_install chromium
fi

bash "$root/devchain/setup.sh" >/dev/null

sdk="$root/sdk/js"
if [[ ! -d "$sdk/node_modules" || "$sdk/package-lock.json" -nt "$sdk/node_modules/.package-lock.json" ]]; then
  (cd "$sdk" && npm ci --no-audit --no-fund --loglevel=error)
fi
# Built only when a source changed: run.sh calls this script while tests may be running the built SDK, and a
# rebuild rewrites dist/ file by file under them.
stamp="$sdk/dist/.built"
if [[ ! -f "$stamp" || -n "$(find "$sdk/src" "$sdk/package.json" "$sdk/tsconfig.json" "$sdk/node_modules/.package-lock.json" -newer "$stamp" -print -quit)" ]]; then
  (cd "$sdk" && npm run --silent build)
  touch "$stamp"
fi

# x402's reference packages (@x402/express & co.), run against P402 by the interoperability tests.
interop="$root/interop"
if [[ ! -d "$interop/node_modules" || "$interop/package-lock.json" -nt "$interop/node_modules/.package-lock.json" ]]; then
  (cd "$interop" && npm ci --no-audit --no-fund --loglevel=error)
fi

(cd "$root" && dotnet tool restore >/dev/null)
