using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using P402.Core.Data;
using P402.Core.PaymentLogs;
using P402.Core.Payments.Identifiers;
using P402.Tests.Facilitator;
using P402.Tests.Infrastructure;
using static P402.Tests.Payments.PaymentLogApi;

namespace P402.Tests.Payments;

/// <summary>The pruner deletes entries and payment ids past <c>PaymentLog:RetentionDays</c> and keeps the rest.</summary>
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

        Assert.True(deleted.Entries >= 1, $"deleted {deleted}");
        Assert.Equal(["req_recent"], RequestIds(await ListAsync(App, client)));
    }

    [Fact]
    public async Task Prune_PaymentIdsOlderThanRetention_DeletedOthersKept()
    {
        var merchant = await App.CreateMerchantAsync();
        var contexts = App.Services.GetRequiredService<IDbContextFactory<P402DbContext>>();
        var now = DateTime.UtcNow;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.PaymentIdentifiers.AddRange(Id(merchant, "pid_old_0000000000", now.AddDays(-8)), Id(merchant, "pid_recent_0000000", now.AddDays(-6)));
            await db.SaveChangesAsync();
        }

        var pruner = App.Services.GetServices<IHostedService>().OfType<PaymentLogPruner>().Single();
        var deleted = await pruner.PruneAsync(CancellationToken.None);

        Assert.True(deleted.PaymentIds >= 1, $"deleted {deleted}");
        await using var check = await contexts.CreateDbContextAsync();
        var left = await check.PaymentIdentifiers.Where(p => p.MerchantId == merchant.MerchantId).Select(p => p.Id).ToListAsync();
        Assert.Equal(["pid_recent_0000000"], left);
    }

    private static PaymentIdentifier Id(TestMerchant merchant, string id, DateTime createdAt) =>
        new() { MerchantId = merchant.MerchantId, Id = id, Fingerprint = "f", CreatedAt = createdAt, UpdatedAt = createdAt };

    private static PaymentLogEntry Entry(TestMerchant merchant, string requestId, DateTimeOffset at) =>
        PaymentLogEntries.Create(new PaymentLogContext(merchant.MerchantId, merchant.ApiKeyId, requestId, PaymentOperation.Verify, new FakeTimeProvider(at)),
            200, true, null, null, null);
}
