using P402.Tests.Infrastructure;
using static P402.Tests.Receipts.ReceiptApi;

namespace P402.Tests.Receipts;

/// <summary>An answered reuse is committed before the answer: a new app on the same database file sees every one.</summary>
public sealed class ReceiptDurabilityTests(AnvilChainFixture chain) : IClassFixture<AnvilChainFixture>
{
    [Fact]
    public async Task Verify_AnsweredReuses_SurviveTheAppAndAreReadByANewInstance()
    {
        var first = new P402AppFactory(chain);
        var merchant = await first.CreateMerchantAsync();
        var client = first.ClientFor(merchant);
        var receipt = await NewReceiptAsync(client, chain);
        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => VerifyAsync(client, receipt.Id())));
        var highest = answers.Max(a => a.ReuseCount());
        await first.DisposeAsync();

        await using var second = new P402AppFactory(chain, first.DatabasePath);
        var read = await GetAsync(second.ClientFor(merchant), receipt.Id());

        Assert.Equal(50, highest);
        Assert.Equal(highest, read.ReuseCount());
        var next = await VerifyAsync(second.ClientFor(merchant), receipt.Id());
        Assert.Equal(51, next.ReuseCount());
    }
}
