using P402.Core.Chain.Rpc;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;

namespace P402.Tests.Settling;

/// <summary>
/// Settlement through a JSON-RPC provider that misbehaves (the fault proxy in front of anvil): answers
/// lost after the node acted, 429s, hangs; a second URL takes over from a failing first one. Every payment
/// settles once: never a second transaction for one authorization.
/// </summary>
public sealed class RpcFaultToleranceTests(AnvilChainFixture chain) : IClassFixture<AnvilChainFixture>
{
    [Fact]
    public async Task Settle_FirstUrlAnswers429_TheSecondUrlServesAndThePaymentSettles()
    {
        await using var limited = await JsonRpcFaultProxy.StartAsync(chain.RpcUrl);
        await using var healthy = await JsonRpcFaultProxy.StartAsync(chain.RpcUrl);
        await using var app = new P402AppFactory(chain, settings: new Dictionary<string, string?>
        {
            ["Chain:Networks:0:RpcUrl"] = limited.Url.ToString(),
            ["Chain:Networks:0:RpcUrls:0"] = healthy.Url.ToString(),
        });
        var client = app.ClientFor(await app.CreateMerchantAsync());
        limited.TooManyRequestsRate = 1;
        var payment = NewPayment(chain, payer: 0);

        AssertSettled(await SettleAsync(client, payment.V2()));

        Assert.True(limited.TooMany > 0);
        Assert.True(healthy.Calls.GetValueOrDefault("eth_sendRawTransaction") >= 1);
        Assert.Equal(payment.Value, await chain.BalanceOfUsdcAsync(payment.PayTo));
    }

    [Fact]
    public async Task Settle_OnlyUrlHangsThenAnswers429ThenDropsAnswers_RetriedAndSettlesOnce()
    {
        await using var proxy = await JsonRpcFaultProxy.StartAsync(chain.RpcUrl, seed: 7);
        await using var app = new P402AppFactory(chain, settings: new Dictionary<string, string?>
        {
            ["Chain:Networks:0:RpcUrl"] = proxy.Url.ToString(),
            ["Chain:RpcAttempts"] = "8",
            ["Chain:RpcAttemptTimeoutSeconds"] = "1",
            ["Chain:RpcTimeoutSeconds"] = "30",
        });
        var client = app.ClientFor(await app.CreateMerchantAsync());
        var facilitator = chain.Chain.Facilitator.Address;
        var nonceBefore = await chain.TransactionCountAsync(facilitator, BlockTag.Pending);
        proxy.HangRate = 0.15;
        proxy.DropAnswerRate = 0.3;
        proxy.TooManyRequestsNext(2);
        var payments = Enumerable.Range(0, 6).Select(i => NewPayment(chain, payer: i % 3)).ToList();

        var settled = await Task.WhenAll(payments.Select(p => SettleAsync(client, p.V2())));

        Assert.Equal(payments.Count, settled.Select(AssertSettled).Distinct().Count());
        Assert.True(proxy.Dropped > 0 && proxy.TooMany == 2, $"dropped {proxy.Dropped}, 429 {proxy.TooMany}, hung {proxy.Hung}");
        Assert.Equal(nonceBefore + payments.Count, await chain.TransactionCountAsync(facilitator, BlockTag.Pending));
        foreach (var payment in payments)
        {
            Assert.Equal(payment.Value, await chain.BalanceOfUsdcAsync(payment.PayTo));
        }
    }
}
