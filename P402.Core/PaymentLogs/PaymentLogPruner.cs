using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using P402.Core.Data;

namespace P402.Core.PaymentLogs;

/// <summary>Deletes payment-log entries older than <see cref="PaymentLogOptions.RetentionDays"/>, at start and then every interval.</summary>
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
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                PaymentLogLog.PruneFailed(logger, e);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>One round: deletes what is past retention; returns how many entries went.</summary>
    internal async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-options.Value.RetentionDays);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var count = await db.PaymentLog.Where(p => p.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (count > 0)
        {
            PaymentLogLog.Pruned(logger, count, cutoff);
        }
        return count;
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
