using P402.Core.Chain.Rpc;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;

namespace P402.Tests.Facilitator;

/// <summary>
/// The one success of a payment is claimed in the database, not in a process: two app instances on one
/// database, settling the same payment at once, answer it once between them, and a third started later
/// still knows it was delivered.
/// </summary>
public sealed class SettleAcrossInstancesTests(AnvilChainFixture chain) : IClassFixture<AnvilChainFixture>
{
    private const int PerInstance = 10;

    [Fact]
    public async Task Settle_SamePaymentOnTwoInstancesOfOneDatabase_OneSuccessBetweenThemAndAfterARestart()
    {
        await using var first = new P402AppFactory(chain);
        var merchant = await first.CreateMerchantAsync();
        await using var second = new P402AppFactory(chain, first.DatabasePath);
        var payment = NewPayment(chain);
        var nonceBefore = await chain.TransactionCountAsync(chain.Chain.Facilitator.Address, BlockTag.Pending);
        HttpClient[] clients = [first.ClientFor(merchant), second.ClientFor(merchant)];

        using var start = new SemaphoreSlim(0);
        var settles = Enumerable.Range(0, 2 * PerInstance).Select(async i =>
        {
            await start.WaitAsync();
            return await SettleAsync(clients[i % 2], payment.V2());
        }).ToList();
        start.Release(2 * PerInstance);
        var answers = await Task.WhenAll(settles);

        var hash = AssertSettled(Assert.Single(answers, a => a.GetProperty("success").GetBoolean()));
        Assert.All(answers.Where(a => !a.GetProperty("success").GetBoolean()), duplicate => AssertReplayOf(duplicate, hash));
        Assert.Equal(nonceBefore + 1, await chain.TransactionCountAsync(chain.Chain.Facilitator.Address, BlockTag.Pending));
        Assert.Equal(payment.Value, await chain.BalanceOfUsdcAsync(payment.PayTo));

        await using var restarted = new P402AppFactory(chain, first.DatabasePath);
        AssertReplayOf(await SettleAsync(restarted.ClientFor(merchant), payment.V2()), hash);
    }
}
