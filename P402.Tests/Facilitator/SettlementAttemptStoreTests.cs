using Microsoft.Extensions.DependencyInjection;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Core.Data;
using P402.Core.Overview;
using P402.Core.Payments;
using P402.Core.Payments.Sending;
using P402.Tests.Infrastructure;

namespace P402.Tests.Facilitator;

/// <summary>The attempt record's transitions and the overview's gas total, on both providers.</summary>
public abstract class SettlementAttemptStoreTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Signer = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    private CoreDatabase _database = null!;
    private SettlementStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await CoreDatabase.CreateAsync(provider);
        _store = _database.Services.GetRequiredService<SettlementStore>();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task MarkConfirmed_OriginalMinedAfterItsReplacement_OriginalIsTheSettlementsTransactionAndTheReplacementIsReplaced()
    {
        var settlement = CoreDatabase.NewSettlement("stl_01JTEST0000000000000000A1", "0x" + new string('a', 64), SettlementStatus.Pending);
        Assert.True(await _store.TryReserveAsync(settlement, CancellationToken.None));
        var original = Draft('1', 1_000_000_000);
        var replacement = Draft('2', 2_000_000_000);
        await _store.MarkSubmittedAsync(settlement, original, CancellationToken.None);
        await _store.MarkSubmittedAsync(settlement, replacement, CancellationToken.None);

        var live = await _store.ListLiveAttemptsAsync("eip155:8453", CancellationToken.None);
        Assert.Equal([original.TxHash, replacement.TxHash], live[settlement.Id].Select(a => a.TxHash));
        Assert.Equal(replacement.TxHash, (await _store.FindAsync(settlement.Id, CancellationToken.None))!.TxHash);

        await _store.MarkConfirmedAsync(settlement, Receipt(original.TxHash, 1, 60_000, 1_000_000_000), CancellationToken.None);

        var row = (await _store.FindAsync(settlement.Id, CancellationToken.None))!;
        Assert.Equal((SettlementStatus.Confirmed, original.TxHash, 60_000L), (row.Status, row.TxHash, row.GasUsed!.Value));
        var attempts = await _store.ListAttemptsAsync(settlement.Id, CancellationToken.None);
        Assert.Equal([AttemptOutcome.Mined, AttemptOutcome.Replaced], attempts.Select(a => a.Outcome));
        Assert.All(attempts, a => Assert.Null(a.RawTransaction));
        Assert.Empty(await _store.ListLiveAttemptsAsync("eip155:8453", CancellationToken.None));
    }

    [Fact]
    public async Task Overview_RevertedThenRetriedAndConfirmed_GasTotalHasBoth()
    {
        var settlement = CoreDatabase.NewSettlement("stl_01JTEST0000000000000000A2", "0x" + new string('b', 64), SettlementStatus.Pending);
        Assert.True(await _store.TryReserveAsync(settlement, CancellationToken.None));
        var before = await GasSpentAsync();
        var reverted = Draft('3', 1_000_000_000);
        await _store.MarkSubmittedAsync(settlement, reverted, CancellationToken.None);
        await _store.MarkFailedAsync(settlement, PaymentCode.SettlementFailed, "The transaction reverted on-chain.", CancellationToken.None,
            mined: Receipt(reverted.TxHash, 0, 40_000, 2_000_000_000));
        var failed = (await _store.FindAsync(settlement.Id, CancellationToken.None))!;
        var retried = (await _store.TryReclaimFailedAsync(failed, new SettleCommand(CoreDatabase.MerchantId, null, "req_retry", null!), CancellationToken.None))!;
        var confirmed = Draft('4', 1_000_000_000);
        await _store.MarkSubmittedAsync(retried, confirmed with { Nonce = 8 }, CancellationToken.None);
        await _store.MarkConfirmedAsync(retried, Receipt(confirmed.TxHash, 1, 60_000, 1_000_000_000), CancellationToken.None);

        Assert.Equal([AttemptOutcome.Reverted, AttemptOutcome.Mined], (await _store.ListAttemptsAsync(settlement.Id, CancellationToken.None)).Select(a => a.Outcome));
        Assert.Equal((40_000m * 2_000_000_000) + (60_000m * 1_000_000_000), await GasSpentAsync() - before);
    }

    private async Task<decimal> GasSpentAsync() =>
        (await _database.Services.GetRequiredService<OverviewService>().GetAsync(CoreDatabase.MerchantId, OverviewRange.Last24Hours, CancellationToken.None)).GasSpentWei;

    private static AttemptDraft Draft(char hash, long maxFee) => new("0x" + new string(hash, 64), "0x02", Signer, 7, maxFee, 1_000_000, 80_000);

    private static TransactionReceipt Receipt(string hash, int status, long gasUsed, long price) =>
        new(hash, status, 100, "0x" + new string('f', 64), gasUsed, price, EthAddress.Parse(Signer), null, []);

    public sealed class OnSqlite() : SettlementAttemptStoreTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : SettlementAttemptStoreTests(DatabaseProvider.Postgres);
}
