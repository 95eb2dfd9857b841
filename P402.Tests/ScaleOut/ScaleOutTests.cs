using System.Diagnostics;
using System.Net;
using P402.Core.ApiKeys;
using P402.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static P402.Tests.Receipts.ReceiptApi;

namespace P402.Tests.ScaleOut;

/// <summary>The promises across three P402 processes on one PostgreSQL database and one chain.</summary>
public sealed class ScaleOutTests(ScaleOutFixture fixture) : IClassFixture<ScaleOutFixture>
{
    [Fact]
    public async Task ReceiptVerify_SixtyFourAtOnceOverThreeInstances_CountRisesByExactlyTheValidAnswers()
    {
        var (_, clients) = await MerchantAsync();
        var receipt = await NewReceiptAsync(clients[0], fixture.Chain);

        var answers = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => VerifyAsync(clients[i % 3], receipt.Id()))));

        Assert.All(answers, a => Assert.True(a.GetProperty("valid").GetBoolean(), a.ToString()));
        Assert.Equal(Enumerable.Range(1, 64).Select(i => (long)i), answers.Select(a => a.ReuseCount()).Order());
        Assert.Equal(64, (await GetAsync(clients[1], receipt.Id())).ReuseCount());
    }

    [Fact]
    public async Task Revoke_OnInstanceA_EveryLaterVerifyOnBAndCIsRevoked()
    {
        var (_, clients) = await MerchantAsync();
        var receipt = await NewReceiptAsync(clients[0], fixture.Chain);
        Assert.True((await VerifyAsync(clients[1], receipt.Id())).GetProperty("valid").GetBoolean());

        await RevokeAsync(clients[0], receipt.Id());
        var after = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => VerifyAsync(clients[1 + (i % 2)], receipt.Id())));

        Assert.All(after, a => Assert.Equal("RECEIPT_REVOKED", a.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task ApiKey_RevokedOnTheInProcessInstance_RefusedByTheProcessesWithinASecond()
    {
        var (merchant, clients) = await MerchantAsync();
        foreach (var client in clients)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/receipts")).StatusCode); // each instance remembers the key
        }

        var clock = Stopwatch.StartNew();
        await fixture.App.Services.GetRequiredService<ApiKeyService>().RevokeAsync(merchant.MerchantId, merchant.ApiKeyId, CancellationToken.None);
        var refusedAfter = await Task.WhenAll(clients.Select(async client =>
        {
            while ((await client.GetAsync("/api/v1/receipts")).StatusCode != HttpStatusCode.Unauthorized)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "the key is still accepted after 5 s");
            }
            return clock.Elapsed;
        }));

        // The promise is one second (NOTIFY takes milliseconds); the bound adds room for a loaded machine's request latency and stays
        // well below the 5 s cache lifetime, which is what a refusal would take if the invalidation never arrived.
        Assert.All(refusedAfter, elapsed => Assert.True(elapsed < TimeSpan.FromSeconds(2.5), $"refused after {elapsed}"));
    }

    private async Task<(TestMerchant Merchant, HttpClient[] Clients)> MerchantAsync()
    {
        var merchant = await fixture.App.CreateMerchantAsync();
        return (merchant, [.. fixture.Instances.Select(i => i.CreateClient(merchant.ApiKey))]);
    }
}
