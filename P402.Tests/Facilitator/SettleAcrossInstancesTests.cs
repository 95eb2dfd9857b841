using P402.Core.Chain.Rpc;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;

namespace P402.Tests.Facilitator;

/// <summary>
/// The one success of a payment is claimed in the database, not in a process: two app processes on one
/// database, settling the same payment at once, answer it once between them, and a process started after
/// both were killed still knows it was delivered.
/// </summary>
public sealed class SettleAcrossInstancesTests(AnvilChainFixture chain) : IClassFixture<AnvilChainFixture>
{
    private const int PerInstance = 10;

    [Fact]
    public async Task Settle_SamePaymentOnTwoProcessesOfOneDatabase_OneSuccessBetweenThemAndAfterARestart()
    {
        var setup = new P402AppFactory(chain);
        var merchant = await setup.CreateMerchantAsync();
        await setup.DisposeAsync();
        var payment = NewPayment(chain);
        var nonceBefore = await chain.TransactionCountAsync(chain.Chain.Facilitator.Address, BlockTag.Pending);
        string hash;

        await using (var first = await P402HostProcess.StartAsync(setup.Configuration))
        await using (var second = await P402HostProcess.StartAsync(setup.Configuration))
        {
            HttpClient[] clients = [first.CreateClient(merchant.ApiKey), second.CreateClient(merchant.ApiKey)];
            using var start = new SemaphoreSlim(0);
            var settles = Enumerable.Range(0, 2 * PerInstance).Select(async i =>
            {
                await start.WaitAsync();
                return await SettleAsync(clients[i % 2], payment.V2());
            }).ToList();
            start.Release(2 * PerInstance);
            var answers = await Task.WhenAll(settles);

            hash = AssertSettled(Assert.Single(answers, a => a.GetProperty("success").GetBoolean()));
            Assert.All(answers.Where(a => !a.GetProperty("success").GetBoolean()), duplicate => AssertReplayOf(duplicate, hash));
            await first.KillAsync();
            await second.KillAsync();
        }
        Assert.Equal(nonceBefore + 1, await chain.TransactionCountAsync(chain.Chain.Facilitator.Address, BlockTag.Pending));
        Assert.Equal(payment.Value, await chain.BalanceOfUsdcAsync(payment.PayTo));

        await using var restarted = await P402HostProcess.StartAsync(setup.Configuration);
        using var client = restarted.CreateClient(merchant.ApiKey);
        AssertReplayOf(await SettleAsync(client, payment.V2()), hash);
    }
}
