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
/// <remarks>
/// All of it runs on one thread of its own, never on the thread pool: the commit is synchronous (and may wait for an
/// fsync). Not at a lower CPU priority: the thread takes the queue's lock, which every answering request takes too,
/// and a thread of low priority preempted while it holds that lock would hold up the requests.
/// </remarks>
internal sealed class PaymentLogDrainer(
    PaymentLogWriter writer,
    IOptions<DatabaseOptions> database,
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

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Drain(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Drain(CancellationToken stoppingToken)
    {
        using var rows = PaymentLogBatchWriter.For(database.Value);
        // Blocks without spinning first (Task.Wait spins, which cost the writer's thread more than its waits were worth).
        using var wake = new ManualResetEventSlim(false, spinCount: 0);
        var size = options.Value.BatchSize;
        var linger = TimeSpan.FromMilliseconds(options.Value.FlushIntervalMilliseconds);
        var batch = new List<PaymentLogEntry>(size);
        // Not stoppingToken: the loop ends when the writer is completed and the queue is empty, so nothing queued is lost.
        while (WaitToRead(wake))
        {
            if (linger > TimeSpan.Zero && writer.Reader.Count < size)
            {
                // Gather the answers of the next moment into the same transaction; a stop cuts the wait short.
                wake.Reset();
                using (time.CreateTimer(static state => ((ManualResetEventSlim)state!).Set(), wake, linger, Timeout.InfiniteTimeSpan))
                using (stoppingToken.Register(static state => ((ManualResetEventSlim)state!).Set(), wake))
                {
                    wake.Wait(CancellationToken.None);
                }
            }
            while (batch.Count < size && writer.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }
            Write(rows, batch);
            writer.Handled(batch.Count);
            batch.Clear();
        }
    }

    /// <summary>True once an entry is waiting; false when the writer is completed and the queue is empty.</summary>
    private bool WaitToRead(ManualResetEventSlim wake)
    {
        var ready = writer.Reader.WaitToReadAsync(CancellationToken.None);
        if (ready.IsCompletedSuccessfully)
        {
            return ready.Result;
        }
        wake.Reset();
        var task = ready.AsTask();
        task.ContinueWith(static (_, state) => ((ManualResetEventSlim)state!).Set(), wake, CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        while (!task.IsCompleted)
        {
            wake.Wait(CancellationToken.None);
            if (!task.IsCompleted)
            {
                wake.Reset(); // a late tick of the last linger's timer, not this task: wait on (the task completes before its continuation sets)
            }
        }
        return task.GetAwaiter().GetResult();
    }

    private void Write(IPaymentLogBatchWriter rows, List<PaymentLogEntry> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                rows.Write(batch);
                break;
            }
            catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException || DatabaseUnavailable.Is(e))
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
