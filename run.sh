#!/usr/bin/env bash
# Runs the P402 dashboard on its embedded defaults: SQLite in .data/ and a local anvil chain with
# USDC at the Base address, all kept between runs. Open http://127.0.0.1:5402 and register.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$root/scripts/setup.sh"
mkdir -p "$root/.data"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export Database__ConnectionString="${Database__ConnectionString:-Data Source=$root/.data/p402.db}"
export Chain__Dev__StatePath="${Chain__Dev__StatePath:-$root/.data/devchain-state.json}"
exec dotnet run --project "$root/P402.Dashboard" -c "${P402_CONFIGURATION:-Release}" --no-launch-profile --urls "${P402_URLS:-http://127.0.0.1:5402}" "$@"
