using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using P402.Core.Data;
using P402.Core.PaymentLogs;
using P402.Core.Receipts;
using P402.Tests.Infrastructure;

namespace P402.Tests.Data;

/// <summary>
/// EF Core's SQLite writes take the file's in-process writer gate for exactly as long as SQLite's write lock: a transaction to its
/// end, a lone statement while it runs; reads never. Whatever way a write ends (commit, failure, a transaction disposed unfinished),
/// the gate is free after it, so no later write can wait for one that is over. The writers outside EF Core (the payment log's batches,
/// the receipt reuses' group commits) wait at the same gate.
/// </summary>
public sealed class SqliteWriteGateTests : IAsyncLifetime
{
    private CoreDatabase _database = null!;

    private SqliteWriteGate Gate => SqliteWriteGate.For(_database.Database.ConnectionString);

    public async Task InitializeAsync()
    {
        _database = await CoreDatabase.CreateAsync();
        await _database.ScalarAsync("CREATE TABLE \"GateProbe\" (\"Id\" INTEGER PRIMARY KEY, \"Value\" TEXT NOT NULL);");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData("INSERT INTO \"x\" VALUES (1)", true)]
    [InlineData("  update \"x\" SET a = 1", true)]
    [InlineData("-- tag\n-- another\nDELETE FROM \"x\"", true)]
    [InlineData("REPLACE INTO x VALUES (1)", true)]
    [InlineData("CREATE TABLE x (a)", true)]
    [InlineData("SELECT 1", false)]
    [InlineData("-- DELETE in a comment\nSELECT 1", false)]
    [InlineData("PRAGMA synchronous=FULL;", false)]
    [InlineData("WITH t AS (SELECT 1) SELECT * FROM t", false)]
    [InlineData("UPDATED_AT", false)]
    [InlineData("", false)]
    public void IsWrite_StatementsFirstKeyword_DecidesWhetherItIsGated(string sql, bool write) =>
        Assert.Equal(write, SqliteWriteGateInterceptor.IsWrite(sql));

    [Fact]
    public async Task Transaction_OpenUntilCommitted_HoldsTheGateAndReadsDoNotWait()
    {
        await using var db = await ContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync("INSERT INTO \"GateProbe\" (\"Value\") VALUES ('a')");
        Assert.True(Gate.IsHeld);

        await using (var reader = await ContextAsync())
        {
            // A read beside the open transaction is answered (WAL), not queued behind it.
            Assert.Equal(0, await reader.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"GateProbe\"").SingleAsync());
        }
        await transaction.CommitAsync();

        Assert.False(Gate.IsHeld);
    }

    [Fact]
    public async Task Transaction_DisposedWithoutCommit_GateFreeOnceTheContextCloses()
    {
        await using (var db = await ContextAsync())
        {
            var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"GateProbe\" (\"Value\") VALUES ('b')");
            await transaction.DisposeAsync();
        }

        Assert.False(Gate.IsHeld);
        await using var next = await ContextAsync();
        Assert.Equal(1, await next.Database.ExecuteSqlRawAsync("INSERT INTO \"GateProbe\" (\"Value\") VALUES ('c')"));
        Assert.Equal(1, await next.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"GateProbe\"").SingleAsync());
    }

    [Fact]
    public async Task Statement_FailsOnAConstraint_GateFree()
    {
        await using var db = await ContextAsync();
        await db.Database.ExecuteSqlRawAsync("INSERT INTO \"GateProbe\" (\"Id\", \"Value\") VALUES (7, 'd')");

        await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("INSERT INTO \"GateProbe\" (\"Id\", \"Value\") VALUES (7, 'e')"));

        Assert.False(Gate.IsHeld);
    }

    [Fact]
    public async Task Writes_300ConcurrentStatementsAndTransactions_AllLandAndTheGateEndsFree()
    {
        var writes = Enumerable.Range(0, 300).Select(async i =>
        {
            await Task.Yield();
            await using var db = await ContextAsync();
            if (i % 3 == 0)
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                await db.Database.ExecuteSqlAsync($"INSERT INTO \"GateProbe\" (\"Value\") VALUES ({"t" + i})");
                await db.Database.ExecuteSqlAsync($"UPDATE \"GateProbe\" SET \"Value\" = {"u" + i} WHERE \"Value\" = {"t" + i}");
                await transaction.CommitAsync();
            }
            else
            {
                await db.Database.ExecuteSqlAsync($"INSERT INTO \"GateProbe\" (\"Value\") VALUES ({"s" + i})");
            }
        });

        await Task.WhenAll(writes);

        Assert.False(Gate.IsHeld);
        await using var check = await ContextAsync();
        Assert.Equal(300, await check.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"GateProbe\"").SingleAsync());
        Assert.Equal(100, await check.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"GateProbe\" WHERE \"Value\" LIKE 'u%'").SingleAsync());
    }

    [Fact]
    public async Task PaymentLogBatch_WaitsAtTheGate_ThenWrites()
    {
        // The log's writer has its own connection, outside EF Core: without the gate its batch would take SQLite's lock beside a
        // settlement's transaction, and whichever came second would sleep in SQLite's busy handler.
        using var rows = PaymentLogBatchWriter.For(DatabaseOptions);
        var entry = new PaymentLogEntry
        {
            MerchantId = CoreDatabase.MerchantId, RequestId = "req_gated", Operation = PaymentOperation.Verify, StatusCode = 200, CreatedAt = DateTime.UtcNow,
        };

        Gate.Enter(SqliteWriteGate.Timeout);
        var write = Task.Run(() => rows.Write([entry]));
        await Task.Delay(300);
        Assert.False(write.IsCompleted);
        Assert.Equal(0L, await _database.ScalarAsync("SELECT COUNT(*) FROM \"PaymentLog\""));
        Gate.Leave();

        await write.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1L, await _database.ScalarAsync("SELECT COUNT(*) FROM \"PaymentLog\""));
        Assert.False(Gate.IsHeld);
    }

    [Fact]
    public async Task ReceiptReuse_WaitsAtTheGate_ThenCounts()
    {
        await using var reuses = new ReceiptReuseWriter(_database.Services.GetRequiredService<IDbContextFactory<P402DbContext>>(), DatabaseOptions);

        Gate.Enter(SqliteWriteGate.Timeout);
        var count = reuses.CountAsync(CoreDatabase.MerchantId, CoreDatabase.ReceiptId, CoreDatabase.Resource, DateTime.UtcNow, CancellationToken.None);
        await Task.Delay(300);
        Assert.False(count.IsCompleted);
        Gate.Leave();

        var counted = await count.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotNull(counted);
        Assert.Equal(1L, counted.ReuseCount);
        Assert.False(Gate.IsHeld);
    }

    private DatabaseOptions DatabaseOptions => _database.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;

    private Task<P402DbContext> ContextAsync() =>
        _database.Services.GetRequiredService<IDbContextFactory<P402DbContext>>().CreateDbContextAsync();
}
