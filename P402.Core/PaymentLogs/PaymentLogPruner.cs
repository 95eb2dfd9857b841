using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using P402.Core.Data;

namespace P402.Core.PaymentLogs;

/// <summary>
/// Deletes payment-log entries and x402 payment ids older than <see cref="PaymentLogOptions.RetentionDays"/>, at start and
/// then every interval. An id keeps the answer its repeats get again; it is kept as long as the log shows that answer, and
/// forgetting it never lets a payment be delivered twice (that rule lives on the settlement, not on the id).
/// </summary>
internal sealed class PaymentLogPruner(
    IDbContextFactory<P402DbContext> contexts,
    TimeProvider time,
    IOptions<PaymentLogOptions> options,
    ILogger<PaymentLogPruner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.PruneIntervalMinutes), time);
        do
        {
            try
            {
                await PruneAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException || DatabaseUnavailable.Is(e))
            {
                PaymentLogLog.PruneFailed(logger, e);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>One round: deletes what is past retention; returns how many log entries and payment ids went.</summary>
    internal async Task<(int Entries, int PaymentIds)> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-options.Value.RetentionDays);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = 0;
        foreach (var merchantId in await db.Merchants.Select(m => m.Id).ToListAsync(cancellationToken))
        {
            entries += await Expired(db, merchantId, cutoff).ExecuteDeleteAsync(cancellationToken);
        }
        var paymentIds = await db.PaymentIdentifiers.Where(p => p.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (entries + paymentIds > 0)
        {
            PaymentLogLog.Pruned(logger, entries, paymentIds, cutoff);
        }
        return (entries, paymentIds);
    }

    /// <summary>
    /// The merchant's entries created before <paramref name="cutoff"/>'s millisecond: one range of the key (no index on the
    /// time), since their ids are below its floor. An entry of that very millisecond waits for the next round. Merchant by
    /// merchant, because a range on the key's second column alone would read the whole key (PostgreSQL 15 has no skip scan).
    /// </summary>
    internal static IQueryable<PaymentLogEntry> Expired(P402DbContext db, string merchantId, DateTime cutoff)
    {
        var below = PaymentLogIds.Floor(cutoff);
        return db.PaymentLog.Where(p => p.MerchantId == merchantId && p.Id.CompareTo(below) < 0);
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
