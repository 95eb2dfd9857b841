using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using P402.Core.Common;
using P402.Core.Data;

namespace P402.Core.PaymentLogs;

/// <summary>
/// Writes the queued payment-log entries in batches (one transaction each, as many as are waiting up to
/// <see cref="PaymentLogOptions.BatchSize"/>), then tells open dashboards. On stop it writes what is left.
/// A batch that fails is retried once, then given up on and logged: the log never holds up payments.
/// </summary>
internal sealed class PaymentLogDrainer(
    PaymentLogWriter writer,
    IDbContextFactory<P402DbContext> contexts,
    MerchantEvents events,
    IOptions<PaymentLogOptions> options,
    TimeProvider time,
    ILogger<PaymentLogDrainer> logger) : BackgroundService
{
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Requests have stopped (the server stops before this service): what is queued is all there will be.
        writer.Complete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var size = options.Value.BatchSize;
        var linger = TimeSpan.FromMilliseconds(options.Value.FlushIntervalMilliseconds);
        var batch = new List<PaymentLogEntry>(size);
        // Not stoppingToken: the loop ends when the writer is completed and the queue is empty, so nothing queued is lost.
        while (await writer.Reader.WaitToReadAsync(CancellationToken.None))
        {
            if (linger > TimeSpan.Zero && writer.Reader.Count < size)
            {
                // Gather the answers of the next moment into the same transaction; a stop cuts the wait short.
                await Task.Delay(linger, time, stoppingToken).ContinueWith(static _ => { }, TaskScheduler.Default);
            }
            while (batch.Count < size && writer.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }
            await WriteAsync(batch);
            writer.Handled(batch.Count);
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<PaymentLogEntry> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // A thread of its own (not the pool's): the commit's fsync may take long on a busy disk.
                await Task.Factory.StartNew(() =>
                {
                    using var db = contexts.CreateDbContext();
                    PaymentLogInsert.Run(db, batch);
                }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                break;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                if (attempt >= 2)
                {
                    PaymentLogLog.BatchLost(logger, batch.Count, e);
                    return;
                }
                PaymentLogLog.BatchRetried(logger, batch.Count, e);
            }
        }
        foreach (var merchantId in batch.Select(e => e.MerchantId).Distinct(StringComparer.Ordinal))
        {
            events.Publish(new MerchantEvent(merchantId, MerchantEventKind.PaymentLogged, ""));
        }
    }
}
