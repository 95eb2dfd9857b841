using P402.Core.Common;

namespace P402.Core.PaymentLogs;

/// <summary>
/// Bounds on entry ids for a time: an entry's id is the ULID of its <see cref="PaymentLogEntry.CreatedAt"/> (to the
/// millisecond), so a time range is a range of the primary key, which is what the listing and the pruner search by
/// instead of an index on <c>CreatedAt</c> (one B-tree less on every write). Ids compare as text: the prefix is the
/// same for all and the 26 ULID characters are upper-case Crockford base32 of one length, which sort in time order
/// byte by byte and in any collation.
/// </summary>
internal static class PaymentLogIds
{
    private static readonly byte[] NoRandom = new byte[Ids.RandomBytes];

    /// <summary>The smallest id of millisecond <paramref name="at"/>: every entry created at or after it has an id at or above it.</summary>
    public static string Floor(DateTime at)
    {
        var utc = new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc));
        return Ids.New(PaymentLogEntry.IdPrefix, utc < DateTimeOffset.UnixEpoch ? DateTimeOffset.UnixEpoch : utc, NoRandom);
    }

    /// <summary>An id above that of every entry created before <paramref name="at"/> (the floor of the next millisecond).</summary>
    public static string Above(DateTime at) => Floor(at >= DateTime.MaxValue.AddMilliseconds(-1) ? DateTime.MaxValue : at.AddMilliseconds(1));
}
