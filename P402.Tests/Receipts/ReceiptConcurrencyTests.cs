using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using P402.Tests.Infrastructure;
using static P402.Tests.Receipts.ReceiptApi;

namespace P402.Tests.Receipts;

/// <summary>Each answered verify is exactly one reuse, under any concurrency; a revoke holds for every verify that starts after it.</summary>
public sealed class ReceiptConcurrencyTests(P402AppFixture fixture) : IClassFixture<P402AppFixture>, IAsyncLifetime
{
    private HttpClient _client = null!;

    public async Task InitializeAsync() => (_, _client) = await fixture.NewMerchantAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Verify_200Concurrent_CountRisesBy200WithDistinctCounts()
    {
        var receipt = await NewReceiptAsync(_client, fixture.Chain);
        await VerifyAsync(_client, receipt.Id());
        var before = (await GetAsync(_client, receipt.Id())).ReuseCount();

        using var start = new SemaphoreSlim(0);
        var verifies = Enumerable.Range(0, 200).Select(async _ =>
        {
            await start.WaitAsync();
            return await VerifyAsync(_client, receipt.Id());
        }).ToList();
        start.Release(200);
        var answers = await Task.WhenAll(verifies);

        Assert.All(answers, a => Assert.True(a.GetProperty("valid").GetBoolean(), a.ToString()));
        var counts = answers.Select(a => a.ReuseCount()).Order().ToArray();
        Assert.Equal(Enumerable.Range(1, 200).Select(i => before + i).ToArray(), counts);
        Assert.Equal(before + 200, (await GetAsync(_client, receipt.Id())).ReuseCount());
    }

    [Fact]
    public async Task Verify_ConcurrentValidAndRefused_OnlyTheValidOnesCount()
    {
        var receipt = await NewReceiptAsync(_client, fixture.Chain);
        var answers = await Task.WhenAll(Enumerable.Range(0, 120).Select(i =>
            VerifyAsync(_client, receipt.Id(), i % 2 == 0 ? Resource : Resource + "/other")));

        var valid = answers.Where(a => a.GetProperty("valid").GetBoolean()).ToList();
        Assert.Equal(60, valid.Count);
        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), valid.Select(a => a.ReuseCount()).Order());
        Assert.All(answers.Except(valid), a => Assert.Equal("RECEIPT_RESOURCE_MISMATCH", a.GetProperty("reason").GetString()));
        Assert.Equal(60, (await GetAsync(_client, receipt.Id())).ReuseCount());
    }

    [Fact]
    public async Task Revoke_UnderLoad_EveryVerifyStartedAfterTheRevokeReturnedIsRevoked()
    {
        var receipt = await NewReceiptAsync(_client, fixture.Chain);
        var log = new ConcurrentBag<(long Started, JsonElement Answer)>();
        long revokeReturned = long.MaxValue;
        using var stop = new CancellationTokenSource();

        async Task WorkerAsync()
        {
            var afterRevoke = 0;
            while (!stop.IsCancellationRequested && afterRevoke < 25)
            {
                var started = Stopwatch.GetTimestamp();
                log.Add((started, await VerifyAsync(_client, receipt.Id())));
                if (started > Interlocked.Read(ref revokeReturned))
                {
                    afterRevoke++;
                }
            }
        }

        stop.CancelAfter(TimeSpan.FromSeconds(60));
        var workers = Enumerable.Range(0, 16).Select(_ => Task.Run(WorkerAsync)).ToList();
        while (log.Count(e => e.Answer.GetProperty("valid").GetBoolean()) < 100)
        {
            await Task.Delay(5);
        }
        await RevokeAsync(_client, receipt.Id());
        Interlocked.Exchange(ref revokeReturned, Stopwatch.GetTimestamp());
        await Task.WhenAll(workers);

        var after = log.Where(e => e.Started > revokeReturned).ToList();
        Assert.True(after.Count >= 16 * 25, $"only {after.Count} verifies started after the revoke");
        Assert.All(after, e => Assert.Equal("RECEIPT_REVOKED", e.Answer.GetProperty("reason").GetString()));
        var valid = log.Where(e => e.Answer.GetProperty("valid").GetBoolean()).Select(e => e.Answer.ReuseCount()).Order().ToList();
        Assert.Equal(Enumerable.Range(1, valid.Count).Select(i => (long)i), valid);
        Assert.Equal(valid.Count, (await GetAsync(_client, receipt.Id())).ReuseCount());
    }
}
