using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace P402.Core.Common;

/// <summary>
/// Prefixed ULIDs (<c>rcpt_01J…</c>): sortable by creation time, 80 bits from a cryptographic RNG so
/// that an id cannot be guessed from another.
/// </summary>
public static class Ids
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static readonly SearchValues<char> AlphabetChars = SearchValues.Create(Alphabet);

    /// <summary>The number of random bytes in an id.</summary>
    public const int RandomBytes = 10;

    public static string New(string prefix, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        Span<byte> random = stackalloc byte[RandomBytes];
        RandomNumberGenerator.Fill(random);
        return New(prefix, time.GetUtcNow(), random);
    }

    /// <summary>
    /// An id of time <paramref name="at"/> with the given <see cref="RandomBytes"/> random bytes: for a writer that
    /// draws the randomness of many ids at once (one call into the RNG per batch instead of one per id).
    /// </summary>
    public static string New(string prefix, DateTimeOffset at, ReadOnlySpan<byte> random)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfNotEqual(random.Length, RandomBytes);
        Span<byte> bytes = stackalloc byte[16];
        var ms = at.ToUnixTimeMilliseconds();
        for (var i = 5; i >= 0; i--)
        {
            bytes[i] = (byte)(ms & 0xFF);
            ms >>= 8;
        }
        random.CopyTo(bytes[6..]);
        return string.Create(prefix.Length + 26, (prefix, Ulid: bytes.ToArray()), static (span, state) =>
        {
            state.prefix.AsSpan().CopyTo(span);
            Encode(state.Ulid, span[state.prefix.Length..]);
        });
    }

    /// <summary>True when <paramref name="id"/> is <paramref name="prefix"/> followed by 26 Crockford base32 characters.</summary>
    public static bool IsWellFormed(string? id, string prefix) =>
        id is not null && id.Length == prefix.Length + 26 && id.StartsWith(prefix, StringComparison.Ordinal)
        && id.AsSpan(prefix.Length).IndexOfAnyExcept(AlphabetChars) < 0;

    private static void Encode(ReadOnlySpan<byte> ulid, Span<char> output)
    {
        // 128 bits as 26 base32 digits, most significant first (the first digit carries 3 bits).
        var value = BinaryPrimitives.ReadUInt128BigEndian(ulid);
        for (var i = 25; i >= 0; i--)
        {
            output[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }
    }
}
