using System.Net.Http.Json;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using P402.Core.Chain;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;

namespace P402.Tests.Settling;

/// <summary>
/// Several signer keys per network, used concurrently, each with its own nonce sequence; a key without
/// ETH is skipped; <c>/supported</c> lists every key.
/// </summary>
public sealed class MultiSignerTests(AnvilChainFixture chain) : IClassFixture<AnvilChainFixture>
{
    private static readonly BigInteger TenEth = BigInteger.Pow(10, 19);

    [Fact]
    public async Task Settle_FourKeysOneDrained_ThreeSettleConcurrentlyWithConsecutiveNoncesAndSupportedListsAllFour()
    {
        var secrets = Enumerable.Range(0, 4).Select(_ => Hex.Encode(RandomNumberGenerator.GetBytes(32))).ToList();
        var keys = secrets.Select(EthKey.Parse).ToList();
        foreach (var key in keys.Take(3))
        {
            await chain.SetEthBalanceAsync(key.Address, TenEth);
        }
        var drained = keys[3];
        await chain.SetEthBalanceAsync(drained.Address, BigInteger.Zero);
        await using var app = new P402AppFactory(chain, settings: new Dictionary<string, string?>
        {
            ["Chain:FacilitatorPrivateKey"] = secrets[0],
            ["Chain:FacilitatorPrivateKeys:0"] = secrets[1],
            ["Chain:FacilitatorPrivateKeys:1"] = secrets[2],
            ["Chain:FacilitatorPrivateKeys:2"] = secrets[3],
        });
        var client = app.ClientFor(await app.CreateMerchantAsync());

        var supported = await app.CreateClient().GetFromJsonAsync<JsonElement>("/supported");
        var signers = supported.GetProperty("signers").GetProperty("eip155:*").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Equal(keys.Select(k => k.Address.ToString()), signers);

        var payments = Enumerable.Range(0, 24).Select(i => NewPayment(chain, payer: i % 3)).ToList();
        var settled = await Task.WhenAll(payments.Select(p => SettleAsync(client, p.V2())));

        var hashes = settled.Select(AssertSettled).ToList();
        Assert.Equal(payments.Count, hashes.Distinct().Count());
        var transactions = await Task.WhenAll(hashes.Select(async h => (await chain.Rpc.GetTransactionByHashAsync(h))!));
        var bySender = transactions.GroupBy(t => t.From).ToDictionary(g => g.Key, g => g.Select(t => t.Nonce).Order().ToList());
        Assert.Equal(keys.Take(3).Select(k => k.Address.ToString()).Order(StringComparer.Ordinal), bySender.Keys.Select(a => a.ToString()).Order(StringComparer.Ordinal));
        foreach (var (sender, nonces) in bySender)
        {
            Assert.Equal(Enumerable.Range(0, nonces.Count).Select(n => (long)n), nonces);
            Assert.Equal(nonces.Count, await chain.TransactionCountAsync(sender, BlockTag.Latest));
        }
        Assert.Equal(0, await chain.TransactionCountAsync(drained.Address, BlockTag.Pending));
        foreach (var payment in payments)
        {
            Assert.Equal(payment.Value, await chain.BalanceOfUsdcAsync(payment.PayTo));
        }

        var overview = await app.Services.GetRequiredService<ChainStatusService>().GetAsync(CancellationToken.None);
        Assert.Equal(keys.Select(k => k.Address.ToString()), overview.Signers!.Select(s => s.Address));
        Assert.Equal([false, false, false, true], overview.Signers!.Select(s => s.LowBalance));
        Assert.All(overview.Signers!, s => Assert.Equal(0, s.InFlight));
        Assert.All(overview.Signers!.Take(3), s => Assert.InRange(s.EthBalance, 9m, 10m));
    }
}
