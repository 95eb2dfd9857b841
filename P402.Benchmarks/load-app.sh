#!/usr/bin/env bash
# Starts the real app for the load benchmarks: the Release build as its own process on a loopback
# port, a fresh SQLite file, Chain:Mode=Dev (anvil with automine on a loopback port), and one
# merchant with an all-scopes API key. Writes what the load commands need to $dir/env:
#   URL, KEY, RPC, SERVER_PID, ANVIL_PID
# Port 0 (the default) means any free port: the app and anvil each bind port 0 and the app's log says
# which ports they got, so two runs side by side never race for one.
# usage: [APP_DIR=build-folder] load-app.sh start [port=0] [anvil-port=0] [dir=/tmp/p402-load]
#        load-app.sh stop [dir=/tmp/p402-load]      (stops the app; the app stops its anvil)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command="${1:-start}"

if [[ "$command" == "stop" ]]; then
  dir="${2:-/tmp/p402-load}"
  if [[ -f "$dir/env" ]]; then
    # shellcheck disable=SC1091
    source "$dir/env"
    kill "$SERVER_PID" 2>/dev/null || true
    while kill -0 "$SERVER_PID" 2>/dev/null; do sleep 0.2; done
  fi
  exit 0
fi

port="${2:-0}"
anvil_port="${3:-0}"
dir="${4:-/tmp/p402-load}"
app="${APP_DIR:-$root/P402.Dashboard/bin/Release/net10.0}"
[[ -f "$app/P402.Dashboard.dll" ]] || dotnet build "$root/P402.Dashboard" -c Release -v q
anvil="$(ls "$root"/devchain/node_modules/@foundry-rs/anvil-linux-*/bin/anvil | head -1)"
mkdir -p "$dir"
rm -f "$dir"/p402.db* "$dir/env"

export Database__ConnectionString="Data Source=$dir/p402.db"
export Chain__Mode=Dev ASPNETCORE_ENVIRONMENT=Production
[[ "$anvil_port" == 0 ]] || export Chain__Dev__Port="$anvil_port"
# Explicit so that a copy of a build outside the repository (APP_DIR, for A/B runs) finds them too.
export Chain__Dev__AnvilPath="$anvil" Chain__Dev__TokenArtifactPath="$root/devchain/build/DevUsdc.json" \
  Chain__Dev__SmartWalletsArtifactPath="$root/devchain/build/SmartWallets.json"
key="$(cd "$app" && dotnet P402.Dashboard.dll create-merchant "Bench" | sed -n 's/^api key: *//p')"
pushd "$app" >/dev/null
# env: the names of the log levels this script reads the ports from have dots, which export refuses.
env Logging__LogLevel__Microsoft.Hosting.Lifetime=Information Logging__LogLevel__P402.Core.Chain.DevChain=Information \
  setsid dotnet P402.Dashboard.dll --urls "http://127.0.0.1:$port" >"$dir/app.log" 2>&1 &
server_pid=$!
echo "$server_pid" >"$dir/server.pid"
popd >/dev/null
# Kestrel logs "Now listening on: http://127.0.0.1:PORT" once it serves (anvil has started before).
url=""
for _ in $(seq 1 1200); do
  url="$(grep -oP 'Now listening on: \K\S+' "$dir/app.log" | head -1 || true)"
  [[ -n "$url" ]] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
[[ -n "$url" ]] && curl -sf "$url/supported" >/dev/null || { echo "the app did not start; see $dir/app.log" >&2; exit 1; }
anvil_line="$(grep -oP 'anvil \K[0-9]+ answers on http://127.0.0.1:[0-9]+' "$dir/app.log" | tail -1)"
cat >"$dir/env" <<ENV
URL=$url
KEY=$key
RPC=${anvil_line#* answers on }
SERVER_PID=$server_pid
ANVIL_PID=${anvil_line%% *}
ENV
cat "$dir/env"
