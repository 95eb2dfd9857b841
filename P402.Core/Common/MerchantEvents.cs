using System.Collections.Concurrent;

namespace P402.Core.Common;

/// <summary>
/// Fan-out of <see cref="MerchantEvent"/>s to live dashboard circuits and to the per-instance caches. Subscriptions
/// are disposable; a failing subscriber never affects the publisher (payments must not wait on UI). With more than
/// one instance, a relay in <c>Data/</c> forwards what is published here to the other instances and hands what they
/// publish to <see cref="DeliverFromAnotherInstance"/>.
/// </summary>
public sealed class MerchantEvents
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Subscription, byte>> _byMerchant = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Action<MerchantEvent?>, byte> _everyMerchant = new();
    private readonly ConcurrentDictionary<Action<MerchantEvent?>, byte> _fromOtherInstances = new();
    private Action<MerchantEvent>? _forward;

    public IDisposable Subscribe(string merchantId, Func<MerchantEvent, Task> handler)
    {
        var subscription = new Subscription(this, merchantId, handler);
        _byMerchant.GetOrAdd(merchantId, _ => new()).TryAdd(subscription, 0);
        return subscription;
    }

    /// <summary>Publishes here and, through the relay, on every other instance.</summary>
    public void Publish(MerchantEvent change)
    {
        Deliver(change);
        _forward?.Invoke(change);
    }

    /// <summary>
    /// Every event of every merchant, synchronously (for caches: keep it cheap). <c>null</c> means events may have
    /// been missed (the relay lost its connection): forget everything.
    /// </summary>
    internal void SubscribeAll(Action<MerchantEvent?> handler) => _everyMerchant.TryAdd(handler, 0);

    /// <summary>
    /// Only the events other instances published (what this instance did itself it knows already), synchronously; <c>null</c> as in
    /// <see cref="SubscribeAll"/>.
    /// </summary>
    internal void SubscribeFromOtherInstances(Action<MerchantEvent?> handler) => _fromOtherInstances.TryAdd(handler, 0);

    /// <summary>The relay to the other instances; one per app.</summary>
    internal void ForwardTo(Action<MerchantEvent>? forward) => _forward = forward;

    internal void DeliverFromAnotherInstance(MerchantEvent change)
    {
        Deliver(change);
        foreach (var handler in _fromOtherInstances.Keys)
        {
            handler(change);
        }
    }

    /// <summary>The relay may have missed events: the caches forget everything.</summary>
    internal void EventsMayHaveBeenMissed()
    {
        foreach (var handler in _everyMerchant.Keys.Concat(_fromOtherInstances.Keys))
        {
            handler(null);
        }
    }

    private void Deliver(MerchantEvent change)
    {
        foreach (var handler in _everyMerchant.Keys)
        {
            handler(change);
        }
        if (!_byMerchant.TryGetValue(change.MerchantId, out var subscribers))
        {
            return;
        }
        foreach (var subscriber in subscribers.Keys)
        {
            _ = subscriber.DeliverAsync(change);
        }
    }

    private sealed class Subscription(MerchantEvents owner, string merchantId, Func<MerchantEvent, Task> handler) : IDisposable
    {
        public async Task DeliverAsync(MerchantEvent change)
        {
            try
            {
                await handler(change);
            }
#pragma warning disable CA1031 // A subscriber's failure is its own; the publisher carries on.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }

        public void Dispose()
        {
            if (owner._byMerchant.TryGetValue(merchantId, out var subscribers))
            {
                subscribers.TryRemove(this, out _);
            }
        }
    }
}
