using P402.Core.Payments;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;

namespace P402.Tests.Settling;

/// <summary>
/// The JSON-RPC calls a settlement costs on a block-time chain, counted by a real proxy in front of anvil: the verify's simulation is
/// the settlement's gas estimate (no second <c>eth_estimateGas</c>, no <c>eth_call</c> when it passes), and the watcher reads the new
/// blocks' receipts (<c>eth_getBlockReceipts</c>, one per block) instead of one receipt per waiting settlement; a node without that
/// method gets receipts by hash, and the settlements confirm alike.
/// </summary>
public sealed class WatcherReceiptReadsTests(BlockTimeChainFixture fixture) : IClassFixture<BlockTimeChainFixture>
{
    private const int Settlements = 6;

    private AnvilChainFixture Chain => fixture.Chain;

    [Fact]
    public async Task Settle_SeveralAtOnce_OneEstimateEach_ReceiptsFromTheBlocksNotByHash()
    {
        await using var proxy = await JsonRpcFaultProxy.StartAsync(Chain.RpcUrl);
        var calls = await SettleThroughAsync(proxy);

        Assert.Equal(Settlements, calls.GetValueOrDefault("eth_estimateGas")); // verify's simulation only
        Assert.Equal(0, calls.GetValueOrDefault("eth_call"));
        Assert.Equal(Settlements, calls.GetValueOrDefault("eth_sendRawTransaction"));
        Assert.True(calls.GetValueOrDefault("eth_getBlockReceipts") >= 1, string.Join(", ", calls));
        // By hash only for a settlement followed up (unmined for Chain:StuckAfterBlocks blocks): fewer than one per settlement.
        Assert.True(calls.GetValueOrDefault("eth_getTransactionReceipt") < Settlements, string.Join(", ", calls));
    }

    [Fact]
    public async Task Settle_NodeWithoutBlockReceipts_ReceiptsByHash_SettlementsConfirm()
    {
        await using var proxy = await JsonRpcFaultProxy.StartAsync(Chain.RpcUrl);
        proxy.RefuseMethod = "eth_getBlockReceipts";
        var calls = await SettleThroughAsync(proxy);

        Assert.True(calls.GetValueOrDefault("eth_getTransactionReceipt") >= Settlements, string.Join(", ", calls));
        Assert.True(calls.GetValueOrDefault("eth_getBlockReceipts") <= 1, "asked once, then never again");
    }

    /// <summary>Settles <see cref="Settlements"/> payments at once through <paramref name="proxy"/>; each answers success and ends Confirmed.</summary>
    private async Task<Dictionary<string, int>> SettleThroughAsync(JsonRpcFaultProxy proxy)
    {
        await using var app = new P402AppFactory(Chain, settings: new Dictionary<string, string?>
        {
            ["Chain:Networks:0:RpcUrl"] = proxy.Url.ToString(),
        });
        var client = app.ClientFor(await app.CreateMerchantAsync());
        var payments = Enumerable.Range(0, Settlements).Select(i => NewPayment(Chain, payer: i % 3)).ToList();

        var answers = await Task.WhenAll(payments.Select(p => SettleAsync(client, p.V2())));

        Assert.All(answers, a => Assert.True(a.GetProperty("success").GetBoolean(), a.ToString()));
        foreach (var payment in payments)
        {
            Assert.Equal(SettlementStatus.Confirmed, (await app.SettlementOfAsync(payment)).Status);
            Assert.Equal(payment.Value, await Chain.BalanceOfUsdcAsync(payment.PayTo));
        }
        return new Dictionary<string, int>(proxy.Calls);
    }
}
