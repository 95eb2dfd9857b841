using System.Data.Common;
using Microsoft.Data.Sqlite;
using P402.Core.Data;

namespace P402.Tests.Infrastructure;

/// <summary>A SQLite file in a temp folder of its own.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _directory = Directory.CreateDirectory(TestTemp.NewPath("p402-db")).FullName;

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string ConnectionString => $"Data Source={Path.Combine(_directory, "p402.db")}";

    public override async Task<DbConnection> OpenAsync()
    {
        var connection = new SqliteConnection(ConnectionString + ";Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    public override Task FailUpdatesAsync(string table) =>
        ScalarAsync($"""CREATE TRIGGER "p402_fail_{table}" BEFORE UPDATE ON "{table}" BEGIN SELECT RAISE(ABORT, 'updates of {table} fail in this test'); END;""");

    public override Task AllowUpdatesAsync(string table) => ScalarAsync($"""DROP TRIGGER "p402_fail_{table}";""");

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
