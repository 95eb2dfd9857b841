using System.Collections.Concurrent;
using P402.Tests.Infrastructure;
using static P402.Tests.Receipts.ReceiptApi;

namespace P402.Tests.Receipts;

/// <summary>
/// The app runs as a real process and is SIGKILLed while verifies are in flight: every reuse it answered
/// is in the database afterwards (the count was committed before the answer was written).
/// </summary>
public sealed class ReceiptKilledHostTests(AnvilChainFixture chain) : IClassFixture<AnvilChainFixture>
{
    [Fact]
    public async Task Verify_HostKilledMidLoad_EveryAnsweredReuseIsStored()
    {
        var setup = new P402AppFactory(chain);
        var merchant = await setup.CreateMerchantAsync();
        var receipt = await NewReceiptAsync(setup.ClientFor(merchant), chain);
        await setup.DisposeAsync();

        var answered = new ConcurrentBag<long>();
        const int Workers = 16;
        await using (var host = await P402HostProcess.StartAsync(setup.Configuration))
        {
            using var client = host.CreateClient(merchant.ApiKey);
            var workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
            {
                try
                {
                    while (true)
                    {
                        answered.Add((await VerifyAsync(client, receipt.Id())).ReuseCount());
                    }
                }
                catch (HttpRequestException)
                {
                    // the host is gone
                }
            })).ToList();
            while (answered.Count < 300)
            {
                await Task.Delay(5);
            }
            await host.KillAsync();
            await Task.WhenAll(workers);
        }

        await using var after = new P402AppFactory(chain, setup.DatabasePath);
        var stored = (await GetAsync(after.ClientFor(merchant), receipt.Id())).ReuseCount();
        var counts = answered.ToArray();
        Assert.Equal(counts.Length, counts.Distinct().Count());
        Assert.True(stored >= counts.Max(), $"answered up to {counts.Max()}, stored {stored}");
        Assert.InRange(stored, counts.Length, counts.Length + Workers);
    }
}
