#!/usr/bin/env bash
# Runs every P402 test: the .NET suite (unit, API against a real anvil chain, bUnit, Playwright in
# Debian's Chromium) and the JS SDK's node tests. Sets up whatever is missing first.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$root/scripts/setup.sh" --browser
(cd "$root/sdk/js" && npm test)
# The whole solution, benchmarks included: `dotnet test` alone builds only the test projects and what they use.
dotnet build "$root/P402.sln" -c Release
dotnet test "$root/P402.sln" -c Release --no-build "$@"
