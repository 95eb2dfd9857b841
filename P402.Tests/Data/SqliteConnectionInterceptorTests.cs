using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using P402.Core.Data;

namespace P402.Tests.Data;

public sealed class SqliteConnectionInterceptorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("p402-pragma-").FullName;

    [Theory]
    [InlineData(SqliteSynchronous.Full, 2L)]
    [InlineData(SqliteSynchronous.Normal, 1L)]
    public async Task Open_PooledConnectionOpenedAgain_StillHasBusyTimeoutAndTheSynchronousLevel(SqliteSynchronous level, long pragmaValue)
    {
        var options = new DbContextOptionsBuilder<P402DbContext>()
            .UseSqlite($"Data Source={Path.Combine(_directory, $"{level}.db")}")
            .AddInterceptors(new SqliteConnectionInterceptor(level))
            .Options;

        var first = await ReadSettingsAsync(options);
        var second = await ReadSettingsAsync(options);

        Assert.Same(first.Handle, second.Handle); // the pool handed out the same native connection
        Assert.Equal((10000L, pragmaValue), (first.BusyTimeout, first.Synchronous));
        Assert.Equal((10000L, pragmaValue), (second.BusyTimeout, second.Synchronous));
    }

    [Fact]
    public async Task CoreServices_DefaultOptions_ConnectionsAreSynchronousFull()
    {
        await using var database = await P402.Tests.Infrastructure.CoreDatabase.CreateAsync();
        var contexts = database.Services.GetRequiredService<IDbContextFactory<P402DbContext>>();

        var (_, busyTimeout, synchronous) = await ReadSettingsAsync(contexts);

        Assert.Equal((10000L, 2L), (busyTimeout, synchronous));
    }

    [Fact]
    public async Task Open_NewNativeConnectionAfterPoolCleared_GetsTheSettings()
    {
        var options = new DbContextOptionsBuilder<P402DbContext>()
            .UseSqlite($"Data Source={Path.Combine(_directory, "cleared.db")}")
            .AddInterceptors(new SqliteConnectionInterceptor(SqliteSynchronous.Normal))
            .Options;
        var first = await ReadSettingsAsync(options);

        SqliteConnection.ClearAllPools();
        var second = await ReadSettingsAsync(options);

        Assert.NotSame(first.Handle, second.Handle);
        Assert.Equal((10000L, 1L), (second.BusyTimeout, second.Synchronous));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static Task<(object Handle, long BusyTimeout, long Synchronous)> ReadSettingsAsync(DbContextOptions<P402DbContext> options) =>
        ReadSettingsAsync(new P402DbContext(options));

    private static async Task<(object Handle, long BusyTimeout, long Synchronous)> ReadSettingsAsync(IDbContextFactory<P402DbContext> contexts) =>
        await ReadSettingsAsync(await contexts.CreateDbContextAsync());

    private static async Task<(object Handle, long BusyTimeout, long Synchronous)> ReadSettingsAsync(P402DbContext context)
    {
        await using var db = context;
        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var busyTimeout = await ScalarAsync(connection, "PRAGMA busy_timeout;");
        var synchronous = await ScalarAsync(connection, "PRAGMA synchronous;");
        var handle = connection.Handle!;
        await db.Database.CloseConnectionAsync();
        return (handle, busyTimeout, synchronous);
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
