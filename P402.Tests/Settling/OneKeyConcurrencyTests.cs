using System.Numerics;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Core.Payments;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;

namespace P402.Tests.Settling;

/// <summary>
/// Many settlements of one key at once, through a provider 50 ms away on a chain that mines every second: the key's nonce is
/// not held across a broadcast's round trip, and its nonces stay one sequence — every settlement Confirmed, their nonces
/// contiguous from the key's count before, none used twice, the chain's count grown by exactly as many.
/// </summary>
public sealed class OneKeyConcurrencyTests(BlockTimeChainFixture fixture) : IClassFixture<BlockTimeChainFixture>
{
    private const int Settlements = 120;

    private AnvilChainFixture Chain => fixture.Chain;

    [Fact]
    public async Task Settle_120AtOnceOnOneKeyBehind50MsLatency_AllConfirmedWithContiguousNoncesNoneTwice()
    {
        var secret = Hex.Encode(RandomNumberGenerator.GetBytes(32));
        var key = EthKey.Parse(secret);
        await Chain.SetEthBalanceAsync(key.Address, BigInteger.Pow(10, 19));
        await using var proxy = await JsonRpcFaultProxy.StartAsync(Chain.RpcUrl, seed: 50);
        proxy.Latency = TimeSpan.FromMilliseconds(50);
        await using var app = new P402AppFactory(Chain, settings: new Dictionary<string, string?>
        {
            ["Chain:Networks:0:RpcUrl"] = proxy.Url.ToString(),
            ["Chain:FacilitatorPrivateKey"] = secret,
            ["Chain:RpcTimeoutSeconds"] = "30",
        });
        var client = app.ClientFor(await app.CreateMerchantAsync());
        var payments = Enumerable.Range(0, Settlements).Select(i => NewPayment(Chain, payer: i % 3)).ToList();

        var answers = await Task.WhenAll(payments.Select(p => SettleAsync(client, p.V2())));

        Assert.All(answers, a => Assert.True(a.GetProperty("success").GetBoolean() || a.GetProperty("reason").GetString() == "SETTLEMENT_PENDING", a.ToString()));
        var store = app.Services.GetRequiredService<SettlementStore>();
        var ids = answers.Select(a => a.GetProperty("settlementId").GetString()!).ToList();
        var finished = await Eventually.UntilAsync(() => Task.WhenAll(ids.Select(id => store.FindAsync(id, CancellationToken.None))),
            rows => rows.All(r => r!.Status is SettlementStatus.Confirmed or SettlementStatus.Failed), TimeSpan.FromMinutes(3), "Every settlement finished");
        Assert.All(finished, r => Assert.Equal(SettlementStatus.Confirmed, r!.Status));
        Assert.Equal(Settlements, finished.Select(r => r!.TxHash).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var mined = await Task.WhenAll(finished.Select(async r => (await Chain.Rpc.GetTransactionByHashAsync(r!.TxHash!))!));
        Assert.All(mined, t => Assert.Equal(key.Address, t.From));
        Assert.Equal(Enumerable.Range(0, Settlements).Select(n => (long)n), mined.Select(t => t.Nonce).Order());
        Assert.Equal(Settlements, await Chain.TransactionCountAsync(key.Address, BlockTag.Latest));
        Assert.Equal(Settlements, await Chain.TransactionCountAsync(key.Address, BlockTag.Pending));
        foreach (var payment in payments)
        {
            Assert.Equal(payment.Value, await Chain.BalanceOfUsdcAsync(payment.PayTo));
        }
    }
}
