#!/usr/bin/env bash
# P402.Core keeps one EF Core migration set per provider (Data/Migrations/Sqlite, Data/Migrations/Postgres).
#   scripts/postgres-migrations.sh add NAME     adds migration NAME to the PostgreSQL set (after a model change)
#   scripts/postgres-migrations.sh regenerate   deletes the PostgreSQL set and scaffolds it anew as one Initial
#                                               migration from the current model (before the first release only)
# The SQLite set is added to as usual:
#   dotnet ef migrations add NAME --project P402.Core --startup-project P402.Core --output-dir Data/Migrations/Sqlite
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dotnet tool restore >/dev/null
set_dir=P402.Core/Data/Migrations/Postgres
ef() { dotnet ef migrations add "$1" --project P402.Core --startup-project P402.Core \
  --output-dir Data/Migrations/Postgres --namespace P402.Core.Data.Migrations.Postgres -- Postgres; }

case "${1:-}" in
  add)
    [[ -n "${2:-}" ]] || { echo "usage: $0 add NAME" >&2; exit 2; }
    ef "$2"
    ;;
  regenerate)
    rm -rf "$set_dir"
    # With no PostgreSQL snapshot yet, EF would write the new one over the SQLite snapshot of the same class
    # name: keep the SQLite one aside while scaffolding, then give the PostgreSQL one a name of its own.
    sqlite_snapshot=P402.Core/Data/Migrations/Sqlite/P402DbContextModelSnapshot.cs
    aside="$(mktemp)"
    mv "$sqlite_snapshot" "$aside"
    trap 'mv "$aside" "$sqlite_snapshot"' EXIT
    ef Initial
    # (EF puts a first snapshot in a folder named after its namespace.)
    written="$(find P402.Core -name P402DbContextModelSnapshot.cs -not -path '*/Sqlite/*' -not -path '*/obj/*' | head -1)"
    sed 's/partial class P402DbContextModelSnapshot/partial class PostgresModelSnapshot/' "$written" > "$set_dir/PostgresModelSnapshot.cs"
    rm "$written"
    rmdir -p "$(dirname "$written")" 2>/dev/null || true
    ;;
  *)
    echo "usage: $0 add NAME | regenerate" >&2
    exit 2
    ;;
esac
