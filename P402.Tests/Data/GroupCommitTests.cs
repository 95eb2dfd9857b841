using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using P402.Core.Data;
using P402.Tests.Infrastructure;

namespace P402.Tests.Data;

/// <summary>
/// Writes that arrive while a batch commits are committed together, in one transaction; each caller gets its own write's result
/// once it is durable; a write that fails fails only its own caller, the others of its batch land.
/// </summary>
public sealed class GroupCommitTests : IAsyncLifetime
{
    private CoreDatabase _database = null!;

    private IDbContextFactory<P402DbContext> Contexts => _database.Services.GetRequiredService<IDbContextFactory<P402DbContext>>();

    public async Task InitializeAsync()
    {
        _database = await CoreDatabase.CreateAsync();
        await _database.ScalarAsync("CREATE TABLE \"GroupProbe\" (\"Id\" INTEGER PRIMARY KEY, \"Tx\" TEXT NULL);");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Write_FiftyQueuedWhileABatchCommits_CommittedInOneTransactionEachWithItsResult()
    {
        var commits = new GroupCommit(Contexts);
        var (first, release) = await BusyWriterAsync(commits, 0);

        var queued = Enumerable.Range(1, 50).Select(i => commits.WriteAsync((db, ct) => InsertAsync(db, i, ct), CancellationToken.None)).ToList();
        await WaitUntilQueuedAsync(commits, queued);
        release.SetResult();

        Assert.True(await first);
        Assert.All(await Task.WhenAll(queued), Assert.True);
        var transactions = await TransactionsAsync();
        Assert.Equal(51, transactions.Count);
        Assert.Single(transactions.Where(t => t.Id != 0).Select(t => t.Tx).Distinct()); // the fifty: one transaction
    }

    [Fact]
    public async Task Write_OneOfABatchFails_OnlyItsCallerSeesTheFailureAndTheOthersLand()
    {
        await _database.ScalarAsync("INSERT INTO \"GroupProbe\" (\"Id\") VALUES (7)");
        var commits = new GroupCommit(Contexts);
        var (first, release) = await BusyWriterAsync(commits, 100);
        var queued = Enumerable.Range(1, 20).Select(i => commits.WriteAsync((db, ct) => InsertAsync(db, i == 10 ? 7 : 200 + i, ct), CancellationToken.None)).ToList();
        await WaitUntilQueuedAsync(commits, queued);
        release.SetResult();

        Assert.True(await first);
        await Assert.ThrowsAsync<SqliteException>(() => queued[9]);
        Assert.All(await Task.WhenAll(queued.Where((_, i) => i != 9)), Assert.True);
        Assert.Equal(21, (await TransactionsAsync()).Count); // 7, 100 and the nineteen others
    }

    private static async Task<bool> InsertAsync(P402DbContext db, int id, CancellationToken cancellationToken)
    {
        var tx = db.Database.CurrentTransaction?.TransactionId.ToString();
        return await db.Database.ExecuteSqlAsync($"INSERT INTO \"GroupProbe\" (\"Id\", \"Tx\") VALUES ({id}, {tx})", cancellationToken) == 1;
    }

    /// <summary>A first write that holds the writer until released, once it is running (so what follows queues behind it).</summary>
    private static async Task<(Task<bool> First, TaskCompletionSource Release)> BusyWriterAsync(GroupCommit commits, int id)
    {
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = commits.WriteAsync(async (db, ct) =>
        {
            running.SetResult();
            await release.Task;
            return await InsertAsync(db, id, ct);
        }, CancellationToken.None);
        await running.Task.WaitAsync(TimeSpan.FromMinutes(1));
        return (first, release);
    }

    private static async Task WaitUntilQueuedAsync(GroupCommit commits, List<Task<bool>> queued)
    {
        await Eventually.UntilAsync(() => Task.FromResult(commits.Queued), n => n == queued.Count, TimeSpan.FromMinutes(1), "every write queued");
        Assert.All(queued, t => Assert.False(t.IsCompleted));
    }

    private async Task<List<(int Id, string? Tx)>> TransactionsAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return [.. (await db.Database.SqlQueryRaw<ProbeRow>("SELECT \"Id\", \"Tx\" FROM \"GroupProbe\"").ToListAsync()).Select(r => (r.Id, r.Tx))];
    }

    private sealed record ProbeRow(int Id, string? Tx);
}
