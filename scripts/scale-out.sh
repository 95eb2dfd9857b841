#!/usr/bin/env bash
# Scale-out on one machine, for trying it out: a local PostgreSQL 15, three P402 instances on it, one anvil chain,
# and nginx in front.
#   scripts/scale-out.sh start    builds, starts everything, prints the addresses
#   scripts/scale-out.sh stop     stops everything it started (by PID); the data stays in .data/scale-out/
#   scripts/scale-out.sh status
#   scripts/scale-out.sh postgres only the PostgreSQL server (for P402.Benchmarks/load-app.sh with PG_DATABASE)
# Addresses: nginx http://127.0.0.1:5410 (API calls spread over the instances, the dashboard sticky per client),
# instances http://127.0.0.1:5411, :5412, :5413, PostgreSQL 127.0.0.1:5433 (user p402, database p402),
# anvil http://127.0.0.1:8545 (run by instance 1, Chain:Mode=Dev; instances 2 and 3 use it in Rpc mode).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="$root/.data/scale-out"
pg_bin=/usr/lib/postgresql/15/bin
configuration="${P402_CONFIGURATION:-Release}"
# All three instances share two signer keys, anvil's well-known accounts 0 and 6 (never real keys): each key is leased
# to one instance at a time (table SignerLeases), so two instances sign at once and the third takes its turn.
shared_keys=(Chain__FacilitatorPrivateKey=0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80
  Chain__FacilitatorPrivateKeys__0=0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e)
connection="Host=127.0.0.1;Port=5433;Username=p402;Database=p402"

# PostgreSQL refuses to run as root: as root it runs as the postgres user (setpriv execs, so $! is the server's PID).
as_postgres=()
[[ "$(id -u)" -eq 0 ]] && as_postgres=(setpriv --reuid=postgres --regid=postgres --init-groups)
running() { [[ -f "$state/$1.pid" ]] && kill -0 "$(cat "$state/$1.pid")" 2>/dev/null; }
wait_for() { # url, what
  for _ in $(seq 1 240); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.5; done
  echo "scale-out: $2 did not come up; see $state/*.log" >&2; exit 1
}

start_postgres() {
  [[ -x "$pg_bin/postgres" ]] || apt-get -o DPkg::Lock::Timeout=300 install -y -qq postgresql-15 >/dev/null
  mkdir -p "$state/pg"
  [[ "$(id -u)" -eq 0 ]] && chown postgres:postgres "$state/pg"
  if [[ ! -f "$state/pg/data/PG_VERSION" ]]; then
    "${as_postgres[@]}" "$pg_bin/initdb" -D "$state/pg/data" -U p402 --auth=trust -E UTF8 --locale=C >"$state/initdb.log"
  fi
  if ! running postgres; then
    "${as_postgres[@]}" "$pg_bin/postgres" -D "$state/pg/data" -c listen_addresses=127.0.0.1 -c port=5433 \
      -c unix_socket_directories="$state/pg" -c max_connections=300 >"$state/postgres.log" 2>&1 &
    echo $! >"$state/postgres.pid"
    for _ in $(seq 1 120); do "$pg_bin/pg_isready" -q -h 127.0.0.1 -p 5433 && break; sleep 0.5; done
    "$pg_bin/psql" -h 127.0.0.1 -p 5433 -U p402 -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='p402'" | grep -q 1 \
      || "$pg_bin/createdb" -h 127.0.0.1 -p 5433 -U p402 p402
  fi
}

start_instance() { # n, extra env...
  local n="$1"; shift
  running "p402-$n" && return 0
  env ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:541$n" \
    Database__Provider=Postgres Database__ConnectionString="$connection" "$@" \
    dotnet "$root/P402.Dashboard/bin/$configuration/net10.0/P402.Dashboard.dll" >"$state/p402-$n.log" 2>&1 &
  echo $! >"$state/p402-$n.pid"
}

start_nginx() {
  command -v nginx >/dev/null || { apt-get update -qq; apt-get -o DPkg::Lock::Timeout=300 install -y -qq nginx-light >/dev/null; }
  mkdir -p "$state/nginx"
  cat >"$state/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $state/nginx.pid;
error_log $state/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $state/nginx;
  upstream p402_api { least_conn; server 127.0.0.1:5411; server 127.0.0.1:5412; server 127.0.0.1:5413; keepalive 64; }
  upstream p402_ui { ip_hash; server 127.0.0.1:5411; server 127.0.0.1:5412; server 127.0.0.1:5413; }
  map \$http_upgrade \$connection_upgrade { default upgrade; '' close; }
  server {
    listen 127.0.0.1:5410;
    location ~ ^/(verify|settle|supported|api/) {
      proxy_pass http://p402_api; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_set_header Host \$host; proxy_set_header X-Forwarded-For \$remote_addr;
    }
    location / {
      proxy_pass http://p402_ui; proxy_http_version 1.1;
      proxy_set_header Upgrade \$http_upgrade; proxy_set_header Connection \$connection_upgrade; proxy_set_header Host \$host;
    }
  }
}
CONF
  running nginx || nginx -c "$state/nginx/nginx.conf" -p "$state/nginx"
}

stop_one() {
  if running "$1"; then
    # The PID is read before the signal: nginx deletes its PID file as it exits.
    local pid; pid="$(cat "$state/$1.pid")"
    kill -"${2:-TERM}" "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  fi
  rm -f "$state/$1.pid"
}

case "${1:-}" in
  start)
    bash "$root/scripts/setup.sh"
    mkdir -p "$state"
    dotnet build "$root/P402.Dashboard" -c "$configuration" -v q -nologo >/dev/null
    start_postgres
    # Instance 1 migrates the database and runs the dev chain; the others join once it serves.
    start_instance 1 Chain__Mode=Dev Chain__Dev__Port=8545 Chain__Dev__StatePath="$state/devchain-state.json" "${shared_keys[@]}"
    wait_for http://127.0.0.1:5411/healthz "instance 1"
    rpc=(Chain__Mode=Rpc Chain__Networks__0__Network=eip155:8453 Chain__Networks__0__V1Name=base
      Chain__Networks__0__ChainId=8453 Chain__Networks__0__RpcUrl=http://127.0.0.1:8545
      Chain__Networks__0__Assets__0__Address=0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913
      "Chain__Networks__0__Assets__0__Name=USD Coin" Chain__Networks__0__Assets__0__Version=2)
    start_instance 2 "${shared_keys[@]}" "${rpc[@]}"
    start_instance 3 "${shared_keys[@]}" "${rpc[@]}"
    wait_for http://127.0.0.1:5412/healthz "instance 2"
    wait_for http://127.0.0.1:5413/healthz "instance 3"
    start_nginx
    wait_for http://127.0.0.1:5410/supported nginx
    echo "P402 scale-out: http://127.0.0.1:5410 (nginx) → 5411 5412 5413; PostgreSQL 127.0.0.1:5433; anvil 127.0.0.1:8545"
    ;;
  stop)
    stop_one nginx QUIT
    for n in 3 2 1; do stop_one "p402-$n"; done
    stop_one postgres INT
    ;;
  postgres)
    mkdir -p "$state"
    start_postgres
    echo "PostgreSQL 127.0.0.1:5433 (pid $(cat "$state/postgres.pid"))"
    ;;
  status)
    for p in postgres p402-1 p402-2 p402-3 nginx; do running "$p" && echo "$p running (pid $(cat "$state/$p.pid"))" || echo "$p stopped"; done
    ;;
  *)
    echo "usage: $0 start|stop|status|postgres" >&2; exit 2 ;;
esac
