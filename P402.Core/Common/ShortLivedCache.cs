using System.Collections.Concurrent;

namespace P402.Core.Common;

/// <summary>
/// Values remembered for a few seconds by string key, so that a hot path doesn't read the same row on
/// every request. The instance that changes a value forgets it at once; the others forget it when the change's
/// <see cref="MerchantEvent"/> reaches them (PostgreSQL <c>LISTEN/NOTIFY</c>, milliseconds), and at the latest
/// after <see cref="Lifetime"/>.
/// </summary>
public sealed class ShortLivedCache<TValue>(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, (TValue Value, long Until)> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string key, out TValue? value)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Until > time.GetTimestamp())
        {
            value = entry.Value;
            return true;
        }
        value = default;
        return false;
    }

    public void Remember(string key, TValue value) =>
        _entries[key] = (value, time.GetTimestamp() + (long)(Lifetime.TotalSeconds * time.TimestampFrequency));

    public void Forget(string key) => _entries.TryRemove(key, out _);

    /// <summary>Forgets every entry whose value matches (a rare, whole-cache scan).</summary>
    public void ForgetWhere(Func<TValue, bool> match)
    {
        foreach (var (key, entry) in _entries)
        {
            if (match(entry.Value))
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    public void Clear() => _entries.Clear();
}
