using System.Collections.Concurrent;

namespace P402.Core.Common;

/// <summary>
/// In-process fan-out of <see cref="MerchantEvent"/>s to live dashboard circuits. Subscriptions are
/// disposable; a failing subscriber never affects the publisher (payments must not wait on UI).
/// </summary>
public sealed class MerchantEvents
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Subscription, byte>> _byMerchant = new(StringComparer.Ordinal);

    public IDisposable Subscribe(string merchantId, Func<MerchantEvent, Task> handler)
    {
        var subscription = new Subscription(this, merchantId, handler);
        _byMerchant.GetOrAdd(merchantId, _ => new()).TryAdd(subscription, 0);
        return subscription;
    }

    public void Publish(MerchantEvent change)
    {
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
