using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace P402.Core.Data;

/// <summary>
/// Per-connection SQLite settings: wait for the writer instead of failing with SQLITE_BUSY, and the
/// configured <see cref="SqliteSynchronous"/> level. Both stick to the native connection, which the
/// pool hands out again and again: they run once per native connection, not on every open (a pooled
/// open is otherwise the cost of two more statements).
/// </summary>
internal sealed class SqliteConnectionInterceptor(SqliteSynchronous synchronous) : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<sqlite3, string> Configured = [];

    private readonly string _pragmas = synchronous switch
    {
        SqliteSynchronous.Full => "PRAGMA busy_timeout=10000; PRAGMA synchronous=FULL;",
        _ => "PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL;",
    };

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsConfigured(connection))
        {
            return;
        }
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
        MarkConfigured(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsConfigured(connection))
        {
            return;
        }
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        MarkConfigured(connection);
    }

    private bool IsConfigured(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && Configured.TryGetValue(handle, out var applied) && applied == _pragmas;

    private void MarkConfigured(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            Configured.AddOrUpdate(handle, _pragmas);
        }
    }
}
