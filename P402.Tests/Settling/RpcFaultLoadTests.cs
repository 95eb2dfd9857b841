using Microsoft.Extensions.DependencyInjection;
using P402.Core.Chain.Rpc;
using P402.Core.Payments;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;

namespace P402.Tests.Settling;

/// <summary>
/// 200 settlements on a chain that mines every second, through a provider 100 ms away that loses 10 % of
/// its answers after acting on them: all Confirmed, 200 transactions, none twice, none left Submitted.
/// </summary>
public sealed class RpcFaultLoadTests(BlockTimeChainFixture fixture) : IClassFixture<BlockTimeChainFixture>
{
    private const int Settlements = 200;

    private AnvilChainFixture Chain => fixture.Chain;

    [Fact]
    public async Task Settle_200ThroughAProxyDropping10PercentAt100Ms_AllConfirmedWith200TransactionsAndNoDuplicate()
    {
        await using var proxy = await JsonRpcFaultProxy.StartAsync(Chain.RpcUrl, seed: 200);
        await using var app = new P402AppFactory(Chain, settings: new Dictionary<string, string?>
        {
            ["Chain:Networks:0:RpcUrl"] = proxy.Url.ToString(),
            ["Chain:RpcAttempts"] = "6",
            ["Chain:RpcTimeoutSeconds"] = "30",
        });
        var client = app.ClientFor(await app.CreateMerchantAsync());
        var facilitator = Chain.Chain.Facilitator.Address;
        var nonceBefore = await Chain.TransactionCountAsync(facilitator, BlockTag.Latest);
        proxy.Latency = TimeSpan.FromMilliseconds(100);
        proxy.DropAnswerRate = 0.10;
        var payments = Enumerable.Range(0, Settlements).Select(i => NewPayment(Chain, payer: i % 3)).ToList();

        using var connections = new SemaphoreSlim(32);
        var answers = await Task.WhenAll(payments.Select(async payment =>
        {
            await connections.WaitAsync();
            try
            {
                return await SettleAsync(client, payment.V2());
            }
            finally
            {
                connections.Release();
            }
        }));

        Assert.All(answers, a => Assert.True(a.GetProperty("success").GetBoolean() || a.GetProperty("reason").GetString() == "SETTLEMENT_PENDING", a.ToString()));
        var store = app.Services.GetRequiredService<SettlementStore>();
        var ids = answers.Select(a => a.GetProperty("settlementId").GetString()!).ToList();
        var finished = await Eventually.UntilAsync(() => Task.WhenAll(ids.Select(id => store.FindAsync(id, CancellationToken.None))),
            rows => rows.All(r => r!.Status is SettlementStatus.Confirmed or SettlementStatus.Failed), TimeSpan.FromMinutes(3), "Every settlement finished");
        Assert.All(finished, r => Assert.Equal(SettlementStatus.Confirmed, r!.Status));
        Assert.Equal(Settlements, finished.Select(r => r!.TxHash).Distinct().Count());
        Assert.Equal(nonceBefore + Settlements, await Chain.TransactionCountAsync(facilitator, BlockTag.Latest));
        Assert.Equal(nonceBefore + Settlements, await Chain.TransactionCountAsync(facilitator, BlockTag.Pending));
        foreach (var payment in payments)
        {
            Assert.Equal(payment.Value, await Chain.BalanceOfUsdcAsync(payment.PayTo));
        }
        Assert.True(proxy.Dropped >= Settlements / 20, $"the proxy dropped only {proxy.Dropped} answers");
    }
}
