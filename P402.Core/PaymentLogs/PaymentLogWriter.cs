using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace P402.Core.PaymentLogs;

/// <summary>
/// The facilitator's side of the payment log: an answer is queued in memory (a bounded channel) and the request
/// goes on; <see cref="PaymentLogDrainer"/> writes the queue to the database in batches. A full queue makes the
/// answering request wait for room rather than lose its entry. <see cref="FlushAsync"/> waits until everything
/// queued so far is written (tests, and a clean stop).
/// </summary>
public sealed class PaymentLogWriter
{
    private readonly Channel<PaymentLogEntry> _queue;
    private readonly Lock _lock = new();
    private readonly List<(long Target, TaskCompletionSource Done)> _waiters = [];
    private long _queued;
    private long _written;

    public PaymentLogWriter(IOptions<PaymentLogOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _queue = Channel.CreateBounded<PaymentLogEntry>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    internal ChannelReader<PaymentLogEntry> Reader => _queue.Reader;

    /// <summary>Queues <paramref name="entry"/>; completes at once unless the queue is full.</summary>
    public ValueTask RecordAsync(PaymentLogEntry entry, CancellationToken cancellationToken = default)
    {
        // Counted before it is queued: an entry that is queued is always counted (see FlushAsync).
        Interlocked.Increment(ref _queued);
        return _queue.Writer.TryWrite(entry) ? ValueTask.CompletedTask : WaitForRoomAsync(entry, cancellationToken);
    }

    private async ValueTask WaitForRoomAsync(PaymentLogEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.Writer.WriteAsync(entry, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            // The host is stopping and the drainer has written its last batch: an answer after that goes unlogged.
            Handled(1);
        }
    }

    /// <summary>Completes once every entry queued before the call is in the database (or was given up on after a failure).</summary>
    /// <remarks>
    /// Counts, not ids: the channel is first in, first out, so once as many entries as were counted at the call
    /// have been handled, every entry queued before the call is among them.
    /// </remarks>
    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var target = Interlocked.Read(ref _queued);
        lock (_lock)
        {
            if (_written >= target)
            {
                return Task.CompletedTask;
            }
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((target, done));
            return done.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>No more entries: the drainer writes what is queued and ends.</summary>
    internal void Complete() => _queue.Writer.TryComplete();

    /// <summary>The drainer has finished with <paramref name="count"/> more entries.</summary>
    internal void Handled(int count)
    {
        lock (_lock)
        {
            _written += count;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Target <= _written)
                {
                    _waiters[i].Done.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }
}
