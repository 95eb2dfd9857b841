using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace P402.Core.Data;

/// <summary>
/// A connection outside EF Core for a hot path that keeps its own prepared statement (receipt reuses).
/// SQLite: outside the pool, at the given <see cref="SqliteSynchronous"/> level. PostgreSQL: from Npgsql's pool,
/// which keeps prepared statements with the physical connection.
/// </summary>
internal static class DedicatedConnection
{
    public static async Task<DbConnection> OpenAsync(DatabaseOptions options, SqliteSynchronous synchronous, CancellationToken cancellationToken)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder(options.ConnectionString) { Pooling = false }.ToString());
                await sqlite.OpenAsync(cancellationToken);
                await using (var pragmas = sqlite.CreateCommand())
                {
                    pragmas.CommandText = $"PRAGMA busy_timeout=10000; PRAGMA synchronous={synchronous.ToString().ToUpperInvariant()};";
                    await pragmas.ExecuteNonQueryAsync(cancellationToken);
                }
                return sqlite;
            case DatabaseProvider.Postgres:
                var postgres = new NpgsqlConnection(DatabaseContextOptions.PostgresConnectionString(options));
                await postgres.OpenAsync(cancellationToken);
                return postgres;
            default:
                throw new NotSupportedException($"Unknown database provider {options.Provider}.");
        }
    }
}
