using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using P402.Core.PaymentLogs;
using P402.Tests.Facilitator;
using P402.Tests.Infrastructure;
using static P402.Tests.Payments.PaymentLogApi;

namespace P402.Tests.Payments;

/// <summary>The pruner deletes entries past <c>PaymentLog:RetentionDays</c> and keeps the rest.</summary>
public sealed class PaymentLogRetentionTests(AnvilChainFixture chain, SharedApp shared) : IClassFixture<AnvilChainFixture>, IClassFixture<SharedApp>
{
    private P402AppFactory App => shared.For(chain, new Dictionary<string, string?> { ["PaymentLog:RetentionDays"] = "7" });

    [Fact]
    public async Task Prune_EntriesOlderThanRetention_DeletedOthersKept()
    {
        var merchant = await App.CreateMerchantAsync();
        var client = App.ClientFor(merchant);
        var writer = App.Services.GetRequiredService<PaymentLogWriter>();
        var now = DateTimeOffset.UtcNow;
        var old = Entry(merchant, "req_old", now.AddDays(-8));
        var recent = Entry(merchant, "req_recent", now.AddDays(-6));
        await writer.RecordAsync(old);
        await writer.RecordAsync(recent);
        Assert.Equal(2, (await ListAsync(App, client)).GetProperty("total").GetInt32());

        var pruner = App.Services.GetServices<IHostedService>().OfType<PaymentLogPruner>().Single();
        var deleted = await pruner.PruneAsync(CancellationToken.None);

        Assert.True(deleted >= 1, $"deleted {deleted}");
        Assert.Equal(["req_recent"], RequestIds(await ListAsync(App, client)));
    }

    private static PaymentLogEntry Entry(TestMerchant merchant, string requestId, DateTimeOffset at) =>
        PaymentLogEntries.Create(new PaymentLogContext(merchant.MerchantId, merchant.ApiKeyId, requestId, PaymentOperation.Verify, new FakeTimeProvider(at)),
            200, true, null, null, null);
}
