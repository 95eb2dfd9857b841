#!/usr/bin/env bash
# Prepares the local dev chain: installs anvil, solc and the contract packages from package-lock.json
# and compiles DevUsdc and the smart-wallet contracts.
# Idempotent and fast when nothing changed: npm ci runs only when the lock file is newer than the
# installed tree, and the contracts are compiled only when a source changed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

installed=node_modules/.package-lock.json
anvil=node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil
if [[ ! -f "$installed" || ! -x "$anvil" || package-lock.json -nt "$installed" ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

if ! node compile.mjs --check; then
  node compile.mjs
fi

"$anvil" --version | head -n 1
