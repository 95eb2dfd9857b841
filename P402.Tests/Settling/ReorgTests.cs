using Microsoft.Extensions.DependencyInjection;
using P402.Core.Chain.Rpc;
using P402.Core.Payments;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;

namespace P402.Tests.Settling;

/// <summary>
/// A settlement is Confirmed only while its block is the chain's: a reorg (anvil_reorg) that removes the block sends it back to
/// Submitted, the watcher re-broadcasts the signed transaction anvil forgot, and it ends Confirmed in the new chain, once.
/// </summary>
public sealed class ReorgTests(AnvilChainFixture chain) : IClassFixture<AnvilChainFixture>
{
    [Fact]
    public async Task Reorg_RemovingTheSettlementsBlock_SettlementIsFinishedAgainAndConfirmedOnceOnTheNewChain()
    {
        await using var app = new P402AppFactory(chain);
        var client = app.ClientFor(await app.CreateMerchantAsync());
        var store = app.Services.GetRequiredService<SettlementStore>();
        var payment = NewPayment(chain, payer: 0);
        var facilitator = chain.Chain.Facilitator.Address;
        var nonceBefore = await chain.TransactionCountAsync(facilitator, BlockTag.Latest);
        var settled = await SettleAsync(client, payment.V2());
        var hash = AssertSettled(settled);
        var settlementId = settled.GetProperty("settlementId").GetString()!;
        var first = (await store.FindAsync(settlementId, CancellationToken.None))!;
        Assert.Equal(SettlementStatus.Confirmed, first.Status);
        Assert.NotNull(first.BlockHash);
        await chain.MineAsync(2);

        // The settlement's block and the two on top are replaced by empty ones: the transfer is no longer on the chain.
        var head = await chain.HeadAsync();
        await chain.ReorgAsync((int)(head.Number - first.BlockNumber!.Value + 1));
        Assert.Null(await chain.Rpc.GetTransactionReceiptAsync(hash));
        Assert.Empty(await chain.UsdcTransfersToAsync(payment.PayTo));

        var again = await Eventually.UntilAsync(() => store.FindAsync(settlementId, CancellationToken.None),
            s => s!.Status != SettlementStatus.Submitted && !string.Equals(s.BlockHash, first.BlockHash, StringComparison.Ordinal),
            what: "The settlement confirmed again in another block");
        Assert.Equal(SettlementStatus.Confirmed, again!.Status);
        Assert.Equal(hash, again.TxHash);
        var receipt = (await chain.Rpc.GetTransactionReceiptAsync(hash))!;
        Assert.Equal(receipt.BlockHash, again.BlockHash);
        Assert.Equal(receipt.BlockNumber, again.BlockNumber);
        Assert.Equal((await chain.Rpc.GetBlockHeaderAsync(HexQuantity.Format(receipt.BlockNumber)))!.Hash, again.BlockHash);
        Assert.NotNull(again.DeliveredAt); // answered once, before the reorg; the same answer stands
        Assert.Equal(first.DeliveredRequestId, again.DeliveredRequestId);

        var transfers = await chain.UsdcTransfersToAsync(payment.PayTo);
        Assert.Equal([(hash, receipt.BlockHash)], transfers);
        Assert.Equal(payment.Value, await chain.BalanceOfUsdcAsync(payment.PayTo));
        Assert.Equal(nonceBefore + 1, await chain.TransactionCountAsync(facilitator, BlockTag.Latest));
        var rows = await GetJsonAsync(client, $"/api/v1/settlements?payer={payment.Payer.Address}&pageSize=100");
        Assert.Single(rows.GetProperty("items").EnumerateArray(), r => r.GetProperty("txHash").GetString() == hash);

        // The same payment again is the one settlement's replay, not a second transfer.
        AssertReplayOf(await SettleAsync(client, payment.V2()), hash);
        Assert.Single(await chain.UsdcTransfersToAsync(payment.PayTo));
    }
}
