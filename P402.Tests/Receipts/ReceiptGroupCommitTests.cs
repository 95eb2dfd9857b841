using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using P402.Core.Data;
using P402.Core.Receipts;
using P402.Tests.Infrastructure;

namespace P402.Tests.Receipts;

/// <summary>Receipt verify's group commit: counts, durability before the answer, revocation, recovery. On both providers.</summary>
public abstract class ReceiptGroupCommitTests(DatabaseProvider provider) : IAsyncLifetime
{
    private CoreDatabase _database = null!;
    private ReceiptVerifier _verifier = null!;

    public async Task InitializeAsync()
    {
        _database = await CoreDatabase.CreateAsync(provider);
        _verifier = _database.Services.GetRequiredService<ReceiptVerifier>();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task VerifyAsync_TwoHundredConcurrentCallers_EachCountIsGivenOnceAndAllAreStored()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => VerifyAsync())));

        Assert.All(answers, a => Assert.True(a.Valid));
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), answers.Select(a => a.ReuseCount).Order());
        Assert.Equal(200L, await ReuseCountAsync());
    }

    [Fact]
    public async Task VerifyAsync_EveryAnswer_IsAlreadyCommittedWhenItArrives()
    {
        for (var i = 1; i <= 20; i++)
        {
            var answer = await VerifyAsync();

            Assert.Equal(i, answer.ReuseCount);
            Assert.Equal(i, await ReuseCountAsync()); // read on a connection of its own
        }
    }

    [Fact]
    public async Task VerifyAsync_RevokedAfterAReuse_NextVerifyIsRevokedAndCountsNothing()
    {
        Assert.True((await VerifyAsync()).Valid);

        await _database.ScalarAsync($"""UPDATE "Receipts" SET "RevokedAt" = '2026-01-01 00:00:00' WHERE "Id" = '{CoreDatabase.ReceiptId}'""");
        var afterRevoke = await VerifyAsync();

        Assert.Equal((false, ReceiptCode.ReceiptRevoked), (afterRevoke.Valid, afterRevoke.Code));
        Assert.Equal(1L, await ReuseCountAsync());
    }

    [Fact]
    public async Task VerifyAsync_AfterABatchFailed_TheNextVerifyWorksAgain()
    {
        Assert.True((await VerifyAsync()).Valid);

        await _database.Database.FailUpdatesAsync("Receipts");
        await Assert.ThrowsAnyAsync<DbException>(() => VerifyAsync());
        await _database.Database.AllowUpdatesAsync("Receipts");
        var recovered = await VerifyAsync();

        Assert.Equal((true, 2L), (recovered.Valid, recovered.ReuseCount));
    }

    [Theory]
    [InlineData(SqliteSynchronous.Full)]
    [InlineData(SqliteSynchronous.Normal)]
    public async Task VerifyAsync_EitherReuseSynchronousLevel_CountsAndStoresEveryReuse(SqliteSynchronous level)
    {
        await using var database = await CoreDatabase.CreateAsync(provider,
            services => services.PostConfigure<DatabaseOptions>(o => o.ReceiptReuseSynchronous = level));
        var verifier = database.Services.GetRequiredService<ReceiptVerifier>();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() =>
            verifier.VerifyAsync(CoreDatabase.MerchantId, CoreDatabase.ReceiptId, CoreDatabase.Resource, CancellationToken.None))));

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), answers.Select(a => a.ReuseCount).Order());
        Assert.Equal(20L, await database.ScalarAsync($"""SELECT "ReuseCount" FROM "Receipts" WHERE "Id" = '{CoreDatabase.ReceiptId}'"""));
    }

    private Task<ReceiptVerification> VerifyAsync() =>
        _verifier.VerifyAsync(CoreDatabase.MerchantId, CoreDatabase.ReceiptId, CoreDatabase.Resource, CancellationToken.None);

    private async Task<long> ReuseCountAsync() =>
        (long)(await _database.ScalarAsync($"""SELECT "ReuseCount" FROM "Receipts" WHERE "Id" = '{CoreDatabase.ReceiptId}'"""))!;

    public sealed class OnSqlite() : ReceiptGroupCommitTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ReceiptGroupCommitTests(DatabaseProvider.Postgres);
}
