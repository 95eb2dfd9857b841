using P402.Core.Chain.Rpc;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;

namespace P402.Tests.Settling;

/// <summary>On a chain that mines every second, as Base does every two, /settle waits for the block and is woken by the watcher.</summary>
public sealed class BlockTimeSettleTests(BlockTimeChainFixture fixture) : IClassFixture<BlockTimeChainFixture>
{
    private AnvilChainFixture Chain => fixture.Chain;

    [Fact]
    public async Task Settle_ConcurrentOnAOneSecondChain_EachConfirmsOnceWithItsOwnTransaction()
    {
        await using var app = new P402AppFactory(Chain);
        var client = app.ClientFor(await app.CreateMerchantAsync());
        var payments = Enumerable.Range(0, 8).Select(i => NewPayment(Chain, payer: i % 3)).ToList();
        var nonceBefore = await Chain.TransactionCountAsync(Chain.Chain.Facilitator.Address, BlockTag.Latest);

        var settled = await Task.WhenAll(payments.Select(p => SettleAsync(client, p.V2())));

        var hashes = settled.Select(AssertSettled).ToList();
        Assert.Equal(payments.Count, hashes.Distinct().Count());
        Assert.Equal(nonceBefore + payments.Count, await Chain.TransactionCountAsync(Chain.Chain.Facilitator.Address, BlockTag.Latest));
        foreach (var payment in payments)
        {
            Assert.Equal(payment.Value, await Chain.BalanceOfUsdcAsync(payment.PayTo));
        }
    }
}
