using System.Numerics;
using System.Text.Json;
using P402.Core.Chain.Rpc;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;

namespace P402.Tests.Facilitator;

/// <summary>
/// At most one transaction per authorization and one success answered for it, whatever the concurrency; many
/// authorizations at once all land.
/// </summary>
public sealed class SettleConcurrencyTests(AnvilChainFixture chain, SharedApp shared) : IClassFixture<AnvilChainFixture>, IClassFixture<SharedApp>, IAsyncLifetime
{
    private const int Concurrency = 20;

    private P402AppFactory _app = null!;
    private TestMerchant _merchant = null!;

    public async Task InitializeAsync()
    {
        _app = shared.For(chain);
        _merchant = await _app.CreateMerchantAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(2)]
    [InlineData(1)]
    public async Task Settle_SameAuthorizationConcurrently_SendsOneTransactionAndAnswersSuccessOnce(int version)
    {
        var payment = NewPayment(chain, payer: version);
        var body = version == 1 ? payment.V1() : payment.V2();
        var facilitator = chain.Chain.Facilitator.Address;
        var nonceBefore = await chain.TransactionCountAsync(facilitator, BlockTag.Pending);
        var payerBefore = await chain.BalanceOfUsdcAsync(payment.Payer.Address);
        using var client = _app.ClientFor(_merchant);

        using var start = new SemaphoreSlim(0);
        var settles = Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            await start.WaitAsync();
            return await SettleAsync(client, body);
        }).ToList();
        start.Release(Concurrency);
        var answers = await Task.WhenAll(settles);

        var delivered = Assert.Single(answers, a => a.GetProperty("success").GetBoolean());
        var hash = AssertSettled(delivered);
        foreach (var duplicate in answers.Where(a => !a.GetProperty("success").GetBoolean()))
        {
            AssertReplayOf(duplicate, hash);
        }
        Assert.Single(answers.Select(a => a.GetProperty("settlementId").GetString()).Distinct());
        Assert.Equal(Concurrency, answers.Select(a => a.GetProperty("requestId").GetString()).Distinct().Count());

        Assert.Equal(nonceBefore + 1, await chain.TransactionCountAsync(facilitator, BlockTag.Pending));
        Assert.Equal(nonceBefore + 1, await chain.TransactionCountAsync(facilitator, BlockTag.Latest));
        Assert.True((await chain.WaitForReceiptAsync(hash)).Succeeded);
        Assert.Equal(payment.Value, await chain.BalanceOfUsdcAsync(payment.PayTo));
        Assert.Equal(payerBefore - payment.Value, await chain.BalanceOfUsdcAsync(payment.Payer.Address));
    }

    [Fact]
    public async Task Settle_DistinctAuthorizationsConcurrently_AllConfirmWithConsecutiveNonces()
    {
        var payments = Enumerable.Range(0, Concurrency)
            .Select(i => NewPayment(chain, payer: i % 3) with { Value = 1_000 + i })
            .ToList();
        var facilitator = chain.Chain.Facilitator.Address;
        var nonceBefore = await chain.TransactionCountAsync(facilitator, BlockTag.Pending);
        var payersBefore = await PayerBalancesAsync();
        using var client = _app.ClientFor(_merchant);

        using var start = new SemaphoreSlim(0);
        var settles = payments.Select(async (payment, i) =>
        {
            await start.WaitAsync();
            return await SettleAsync(client, i % 2 == 0 ? payment.V2() : payment.V1());
        }).ToList();
        start.Release(Concurrency);
        var answers = await Task.WhenAll(settles);

        var hashes = answers.Select(AssertSettled).ToList();
        Assert.Equal(Concurrency, hashes.Distinct().Count());
        Assert.Equal(nonceBefore + Concurrency, await chain.TransactionCountAsync(facilitator, BlockTag.Latest));

        var usedNonces = new List<long>();
        foreach (var hash in hashes)
        {
            Assert.True((await chain.WaitForReceiptAsync(hash)).Succeeded);
            usedNonces.Add((await chain.Rpc.GetTransactionByHashAsync(hash))!.Nonce);
        }
        Assert.Equal(Enumerable.Range(0, Concurrency).Select(i => nonceBefore + i), usedNonces.Order());

        for (var i = 0; i < Concurrency; i++)
        {
            Assert.Equal(payments[i].Value, await chain.BalanceOfUsdcAsync(payments[i].PayTo));
        }
        var payersAfter = await PayerBalancesAsync();
        for (var p = 0; p < 3; p++)
        {
            var spent = payments.Where((_, i) => i % 3 == p).Aggregate(BigInteger.Zero, (sum, payment) => sum + payment.Value);
            Assert.Equal(payersBefore[p] - spent, payersAfter[p]);
        }

        foreach (var answer in answers)
        {
            var settlement = await GetJsonAsync(client, $"/api/v1/settlements/{answer.GetProperty("settlementId").GetString()}");
            Assert.Equal("confirmed", settlement.GetProperty("status").GetString());
            Assert.Equal(answer.GetProperty("txHash").GetString(), settlement.GetProperty("txHash").GetString());
            Assert.Equal(JsonValueKind.Number, settlement.GetProperty("blockNumber").ValueKind);
        }
    }

    private async Task<BigInteger[]> PayerBalancesAsync() =>
        await Task.WhenAll(chain.Chain.Payers.Select(p => chain.BalanceOfUsdcAsync(p.Address)));
}
