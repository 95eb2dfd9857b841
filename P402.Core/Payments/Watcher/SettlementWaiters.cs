using System.Collections.Concurrent;

namespace P402.Core.Payments.Watcher;

/// <summary>
/// Where a <c>/settle</c> that waits for its outcome is woken: one <see cref="TaskCompletionSource{T}"/>
/// per settlement, completed by whoever finishes it (the network's watcher, or the submitter that
/// recorded a refusal). Waiting costs no RPC call and no database poll.
/// </summary>
public sealed class SettlementWaiters
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<Settlement>> _waiting = new(StringComparer.Ordinal);

    /// <summary>
    /// The wake-up for <paramref name="settlementId"/>. Take it before reading the row, so that a
    /// settlement finished in between is not missed.
    /// </summary>
    public TaskCompletionSource<Settlement> Register(string settlementId) =>
        _waiting.GetOrAdd(settlementId, static _ => new TaskCompletionSource<Settlement>(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>Forgets a wake-up its waiter gave up on (the timeout); later waiters take a new one.</summary>
    public void Abandon(string settlementId, TaskCompletionSource<Settlement> waiter) =>
        _waiting.TryRemove(new KeyValuePair<string, TaskCompletionSource<Settlement>>(settlementId, waiter));

    /// <summary>Wakes every request waiting on the settlement, which is now Confirmed or Failed.</summary>
    public void Finished(Settlement settlement)
    {
        ArgumentNullException.ThrowIfNull(settlement);
        if (_waiting.TryRemove(settlement.Id, out var waiter))
        {
            waiter.TrySetResult(settlement);
        }
    }

    /// <summary>Whether a request here waits on <paramref name="settlementId"/>.</summary>
    public bool IsWaiting(string settlementId) => _waiting.ContainsKey(settlementId);

    /// <summary>The settlements a request here waits on.</summary>
    public IReadOnlyList<string> Waiting => [.. _waiting.Keys];

    /// <summary>How many settlements have a request waiting (for health and tests).</summary>
    public int Count => _waiting.Count;
}
