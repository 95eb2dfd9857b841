#!/usr/bin/env bash
# Starts the real app for the load benchmarks: the Release build as its own process on a loopback
# port, a fresh SQLite file, Chain:Mode=Dev (anvil with automine on a loopback port), and one
# merchant with an all-scopes API key. Writes what the load commands need to $dir/env:
#   URL, KEY, RPC, SERVER_PID, ANVIL_PID
# Port 0 (the default) means any free port: the app and anvil each bind port 0 and the app's log says
# which ports they got, so two runs side by side never race for one.
# usage: [APP_DIR=build-folder] load-app.sh start [port=0] [anvil-port=0] [dir=/tmp/p402-load]
#        load-app.sh stop [dir=/tmp/p402-load]      (stops the app; the app stops its anvil)
# PostgreSQL instead of SQLite: PG_DATABASE=name load-app.sh start …   (a fresh database of that name on the scale-out
#   PostgreSQL at 127.0.0.1:5433, which `scripts/scale-out.sh postgres` starts; env then also has PG_PID, the postmaster,
#   for `--pids postgres+=$PG_PID`, which counts its backends too)
# A live-network-like chain: BLOCK_TIME=2 RPC_LATENCY_MS=50 KEYS=4 load-app.sh start
#   starts a second, idle instance in Dev mode that only hosts anvil (--block-time BLOCK_TIME, DevUsdc deployed, payers
#   funded), the load tool's rpc-proxy in front of that anvil (RPC_LATENCY_MS per request; it counts the calls), and the
#   measured app in Rpc mode through the proxy with KEYS signer keys (anvil accounts 0, 4, 6, 7). env then also has
#   PROXY (for `load settle --rpc-stats $PROXY`), CHAIN_PID and PROXY_PID.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command="${1:-start}"

if [[ "$command" == "stop" ]]; then
  dir="${2:-/tmp/p402-load}"
  if [[ -f "$dir/env" ]]; then
    # shellcheck disable=SC1091
    source "$dir/env"
    for pid in "$SERVER_PID" ${PROXY_PID:-} ${CHAIN_PID:-}; do
      kill "$pid" 2>/dev/null || true
      while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    done
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

export ASPNETCORE_ENVIRONMENT=Production
# Explicit so that a copy of a build outside the repository (APP_DIR, for A/B runs) finds them too.
export Chain__Dev__AnvilPath="$anvil" Chain__Dev__TokenArtifactPath="$root/devchain/build/DevUsdc.json" \
  Chain__Dev__SmartWalletsArtifactPath="$root/devchain/build/SmartWallets.json"
[[ "$anvil_port" == 0 ]] || export Chain__Dev__Port="$anvil_port"

# Waits for "Now listening on: URL" in log $1 of process $2 and prints the URL.
listening() {
  local url=""
  for _ in $(seq 1 1200); do
    url="$(grep -oP 'Now listening on: \K\S+' "$1" | head -1 || true)"
    [[ -n "$url" ]] && break
    kill -0 "$2" 2>/dev/null || break
    sleep 0.1
  done
  [[ -n "$url" ]] && curl -sf "$url/supported" >/dev/null || { echo "the app did not start; see $1" >&2; exit 1; }
  echo "$url"
}

chain_env=""
if [[ -n "${BLOCK_TIME:-}${RPC_LATENCY_MS:-}${KEYS:-}" ]]; then
  bench="$root/P402.Benchmarks/bin/Release/net10.0/P402.Benchmarks.dll"
  [[ -f "$bench" ]] || dotnet build "$root/P402.Benchmarks" -c Release -v q
  rm -f "$dir"/chain.db*
  pushd "$app" >/dev/null
  env Database__ConnectionString="Data Source=$dir/chain.db" Chain__Mode=Dev ${BLOCK_TIME:+Chain__Dev__BlockTime=$BLOCK_TIME} \
    Logging__LogLevel__Microsoft.Hosting.Lifetime=Information Logging__LogLevel__P402.Core.Chain.DevChain=Information \
    setsid dotnet P402.Dashboard.dll --urls "http://127.0.0.1:0" >"$dir/chain.log" 2>&1 &
  chain_pid=$!
  popd >/dev/null
  listening "$dir/chain.log" "$chain_pid" >/dev/null
  chain_line="$(grep -oP 'anvil \K[0-9]+ answers on http://127.0.0.1:[0-9]+' "$dir/chain.log" | tail -1)"
  anvil_rpc="${chain_line#* answers on }"
  setsid dotnet "$bench" rpc-proxy --upstream "$anvil_rpc" --latency "${RPC_LATENCY_MS:-0}ms" >"$dir/proxy.log" 2>&1 &
  proxy_pid=$!
  proxy=""
  for _ in $(seq 1 300); do
    proxy="$(grep -oP 'rpc-proxy listening on \K\S+' "$dir/proxy.log" || true)"
    [[ -n "$proxy" ]] && break
    sleep 0.1
  done
  [[ -n "$proxy" ]] || { echo "the rpc-proxy did not start; see $dir/proxy.log" >&2; exit 1; }
  signer_keys=(0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a
    0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e 0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356)
  export Chain__Mode=Rpc Chain__Networks__0__Network=eip155:8453 Chain__Networks__0__V1Name=base Chain__Networks__0__ChainId=8453 \
    Chain__Networks__0__RpcUrl="$proxy" Chain__Networks__0__Assets__0__Address=0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913 \
    Chain__Networks__0__Assets__0__Name="USD Coin" Chain__Networks__0__Assets__0__Version=2 \
    Chain__FacilitatorPrivateKey=0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80
  for ((i = 0; i < ${KEYS:-1} - 1; i++)); do export "Chain__FacilitatorPrivateKeys__$i=${signer_keys[$i]}"; done
  chain_env="PROXY=$proxy
CHAIN_PID=$chain_pid
PROXY_PID=$proxy_pid"
else
  export Chain__Mode=Dev
fi
pg_env=""
if [[ -n "${PG_DATABASE:-}" ]]; then
  pg_bin=/usr/lib/postgresql/15/bin
  "$pg_bin/dropdb" --if-exists -h 127.0.0.1 -p 5433 -U p402 "$PG_DATABASE"
  "$pg_bin/createdb" -h 127.0.0.1 -p 5433 -U p402 "$PG_DATABASE"
  export Database__Provider=Postgres Database__ConnectionString="Host=127.0.0.1;Port=5433;Username=p402;Database=$PG_DATABASE"
  pg_env="PG_PID=$(cat "$root/.data/scale-out/postgres.pid")"
else
  export Database__ConnectionString="Data Source=$dir/p402.db"
fi
key="$(cd "$app" && dotnet P402.Dashboard.dll create-merchant "Bench" | sed -n 's/^api key: *//p')"
pushd "$app" >/dev/null
# env: the names of the log levels this script reads the ports from have dots, which export refuses.
env Logging__LogLevel__Microsoft.Hosting.Lifetime=Information Logging__LogLevel__P402.Core.Chain.DevChain=Information \
  setsid dotnet P402.Dashboard.dll --urls "http://127.0.0.1:$port" >"$dir/app.log" 2>&1 &
server_pid=$!
echo "$server_pid" >"$dir/server.pid"
popd >/dev/null
# Kestrel logs "Now listening on: http://127.0.0.1:PORT" once it serves (anvil has started before).
url="$(listening "$dir/app.log" "$server_pid")" || exit 1
# (chain.log exists only with BLOCK_TIME/RPC_LATENCY_MS/KEYS; grep's "no such file" must not end the script under pipefail)
anvil_line="$(grep -ohP 'anvil \K[0-9]+ answers on http://127.0.0.1:[0-9]+' "$dir/app.log" "$dir/chain.log" 2>/dev/null | tail -1 || true)"
cat >"$dir/env" <<ENV
URL=$url
KEY=$key
RPC=${anvil_line#* answers on }
SERVER_PID=$server_pid
ANVIL_PID=${anvil_line%% *}
$chain_env
$pg_env
ENV
cat "$dir/env"
