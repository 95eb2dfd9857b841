using System.Data.Common;
using P402.Core.Data;
using P402.Tests.Infrastructure.Postgres;

namespace P402.Tests.Infrastructure;

/// <summary>
/// An empty database of one provider for one test: a SQLite file in a temp folder, or a database of its own on the
/// shared <see cref="PostgresServer"/>. Core-level data tests take one of each (<see cref="Providers"/>), so one suite
/// runs on both.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public static readonly TheoryData<DatabaseProvider> Providers = [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    public abstract DatabaseProvider Provider { get; }

    /// <summary>What the app is given as <c>Database:ConnectionString</c>.</summary>
    public abstract string ConnectionString { get; }

    /// <summary>The app's configuration for this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Provider.ToString(),
        ["Database:ConnectionString"] = ConnectionString,
    };

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteTestDatabase(),
        DatabaseProvider.Postgres => await PostgresTestDatabase.CreateAsync(await PostgresServer.SharedAsync()),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    /// <summary>A connection of its own (outside the app's pool), open, to look at what is committed.</summary>
    public abstract Task<DbConnection> OpenAsync();

    /// <summary>Runs one statement on a connection of its own and returns the first column of the first row.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>From now on every UPDATE of <paramref name="table"/> fails (a trigger raises), until <see cref="AllowUpdatesAsync"/>.</summary>
    public abstract Task FailUpdatesAsync(string table);

    public abstract Task AllowUpdatesAsync(string table);

    public abstract ValueTask DisposeAsync();
}
