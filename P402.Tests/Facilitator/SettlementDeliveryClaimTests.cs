using Microsoft.Extensions.DependencyInjection;
using P402.Core.Payments;
using P402.Core.Data;
using P402.Tests.Infrastructure;

namespace P402.Tests.Facilitator;

/// <summary>The delivery claim is one conditional UPDATE on the settlement row: one winner, only once confirmed, kept in the database.</summary>
public abstract class SettlementDeliveryClaimTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Confirmed = "stl_01JTEST00000000000000000SS"; // seeded by CoreDatabase
    private CoreDatabase _database = null!;
    private SettlementStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await CoreDatabase.CreateAsync(provider);
        _store = _database.Services.GetRequiredService<SettlementStore>();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task TryClaimDelivery_ConfirmedSettlementTwice_FirstWinsAndIsRecorded()
    {
        Assert.True(await _store.TryClaimDeliveryAsync(Confirmed, "req_first", "pay_0123456789abcdef", CancellationToken.None));
        Assert.False(await _store.TryClaimDeliveryAsync(Confirmed, "req_second", null, CancellationToken.None));

        var row = await _store.FindAsync(Confirmed, CancellationToken.None);
        Assert.NotNull(row!.DeliveredAt);
        Assert.Equal("req_first", row.DeliveredRequestId);
        Assert.Equal("pay_0123456789abcdef", row.DeliveredPaymentId);
    }

    [Fact]
    public async Task TryClaimDelivery_TwentyAtOnce_ExactlyOneWins()
    {
        using var start = new SemaphoreSlim(0);
        var claims = Enumerable.Range(0, 20).Select(async i =>
        {
            await start.WaitAsync();
            return await _store.TryClaimDeliveryAsync(Confirmed, $"req_{i}", null, CancellationToken.None);
        }).ToList();
        start.Release(20);

        Assert.Single(await Task.WhenAll(claims), won => won);
        Assert.Equal(1L, await _database.ScalarAsync($"""SELECT COUNT(*) FROM "Settlements" WHERE "Id" = '{Confirmed}' AND "DeliveredAt" IS NOT NULL"""));
    }

    [Theory]
    [InlineData(SettlementStatus.Pending)]
    [InlineData(SettlementStatus.Submitted)]
    [InlineData(SettlementStatus.Failed)]
    public async Task TryClaimDelivery_SettlementNotConfirmed_NothingToDeliver(SettlementStatus status)
    {
        var settlement = CoreDatabase.NewSettlement("stl_01JTEST0000000000000000C1", "0x" + new string('4', 64), status);
        Assert.True(await _store.TryReserveAsync(settlement, CancellationToken.None));

        Assert.False(await _store.TryClaimDeliveryAsync(settlement.Id, "req_early", null, CancellationToken.None));
        Assert.Null((await _store.FindAsync(settlement.Id, CancellationToken.None))!.DeliveredAt);
    }

    public sealed class OnSqlite() : SettlementDeliveryClaimTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : SettlementDeliveryClaimTests(DatabaseProvider.Postgres);
}
