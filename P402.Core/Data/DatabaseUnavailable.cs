using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace P402.Core.Data;

/// <summary>
/// Tells a database that is not there right now (PostgreSQL restarting, unreachable, out of connections; SQLite busy
/// past its timeout) from a bug: the host answers the first with 503 and a Retry-After, the second with 500.
/// </summary>
public static class DatabaseUnavailable
{
    public static bool Is(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres when IsUnavailableState(postgres.SqlState):
                    return true;
                case PostgresException:
                    return false; // the server answered: a statement's own error
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
                case SqliteException { SqliteErrorCode: 5 or 6 }: // SQLITE_BUSY, SQLITE_LOCKED
                    return true;
                case RetryLimitExceededException:
                    return true;
            }
        }
        return false;
    }

    // 08: connection exception; 53: insufficient resources; 57P: shutting down, starting up, crashed.
    private static bool IsUnavailableState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal) || state.StartsWith("57P", StringComparison.Ordinal);
}
