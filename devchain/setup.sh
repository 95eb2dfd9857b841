#!/usr/bin/env bash
# Prepares the local dev chain: installs anvil + solc from package-lock.json and compiles DevUsdc.
# Idempotent and fast when nothing changed: npm ci runs only when the lock file is newer than the
# installed tree, and the contract is compiled only when its source changed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

installed=node_modules/.package-lock.json
anvil=node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil
if [[ ! -f "$installed" || ! -x "$anvil" || package-lock.json -nt "$installed" ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

artifact=build/DevUsdc.json
source_hash=$(sha256sum contracts/DevUsdc.sol | cut -d' ' -f1)
if [[ ! -f "$artifact" ]] || ! grep -q "\"sourceHash\": \"$source_hash\"" "$artifact"; then
  node compile.mjs
fi

"$anvil" --version | head -n 1
