namespace P402.Core.Chain.Ethereum;

/// <summary>
/// A recoverable secp256k1 signature: r and s (32 bytes each) and the recovery id (0 or 1) that
/// Ethereum writes as v = 27 + id. Whether r and s are in range is checked at recovery, not here.
/// </summary>
public readonly struct EcdsaSignature : IEquatable<EcdsaSignature>
{
    public const int Length = 65;
    private const int ScalarSize = 32;

    // s <= n/2 (EIP-2): n/2 = 7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0.
    private static readonly byte[] HalfN = Convert.FromHexString("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0");

    // The curve order n.
    private static readonly byte[] N = Convert.FromHexString("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");

    private readonly byte[]? _r;
    private readonly byte[]? _s;

    public EcdsaSignature(ReadOnlySpan<byte> r, ReadOnlySpan<byte> s, byte recoveryId)
    {
        if (r.Length != ScalarSize || s.Length != ScalarSize)
        {
            throw new EthereumFormatException($"r and s are 32 bytes each, got {r.Length} and {s.Length}.");
        }
        if (recoveryId > 1)
        {
            throw new EthereumFormatException($"The recovery id is 0 or 1, got {recoveryId}.");
        }
        _r = r.ToArray();
        _s = s.ToArray();
        RecoveryId = recoveryId;
    }

    /// <summary>A copy of r (32 bytes, big-endian).</summary>
    public byte[] R => _r is null ? new byte[ScalarSize] : (byte[])_r.Clone();

    /// <summary>A copy of s (32 bytes, big-endian).</summary>
    public byte[] S => _s is null ? new byte[ScalarSize] : (byte[])_s.Clone();

    public byte RecoveryId { get; }

    /// <summary>v as the EIP-3009 contract takes it: 27 or 28.</summary>
    public byte V => (byte)(27 + RecoveryId);

    /// <summary>Whether s is in the lower half of the curve order, as EIP-2 and USDC require.</summary>
    public bool IsLowS => SSpan.SequenceCompareTo(HalfN) <= 0;

    /// <summary>r in [1, n-1] and s in [1, n/2]: the only signatures that EIP-3009 tokens accept.</summary>
    internal bool IsCanonical =>
        RSpan.IndexOfAnyExcept((byte)0) >= 0 && RSpan.SequenceCompareTo(N) < 0
        && SSpan.IndexOfAnyExcept((byte)0) >= 0 && IsLowS;

    internal ReadOnlySpan<byte> RSpan => _r ?? new byte[ScalarSize];

    internal ReadOnlySpan<byte> SSpan => _s ?? new byte[ScalarSize];

    /// <summary>Reads r || s || v; v may be 27/28 or 0/1, anything else throws.</summary>
    public static EcdsaSignature FromBytes65(ReadOnlySpan<byte> rsv)
    {
        if (rsv.Length != Length)
        {
            throw new EthereumFormatException($"A signature is 65 bytes, got {rsv.Length}.");
        }
        var recoveryId = rsv[64] switch
        {
            0 or 27 => (byte)0,
            1 or 28 => (byte)1,
            var v => throw new EthereumFormatException($"v must be 27 or 28 (or 0 or 1), got {v}."),
        };
        return new EcdsaSignature(rsv[..32], rsv[32..64], recoveryId);
    }

    /// <summary>Parses 0x-prefixed hex of r || s || v, the form x402 payloads carry.</summary>
    public static EcdsaSignature Parse(string? hex) => FromBytes65(Hex.DecodeFixed(hex, Length));

    /// <summary>r || s || v with v = 27 or 28.</summary>
    public byte[] ToBytes65()
    {
        var bytes = new byte[Length];
        RSpan.CopyTo(bytes);
        SSpan.CopyTo(bytes.AsSpan(32));
        bytes[64] = V;
        return bytes;
    }

    /// <summary>0x-prefixed hex of <see cref="ToBytes65"/>.</summary>
    public string ToHex() => Hex.Encode(ToBytes65());

    public bool Equals(EcdsaSignature other) =>
        RecoveryId == other.RecoveryId && RSpan.SequenceEqual(other.RSpan) && SSpan.SequenceEqual(other.SSpan);

    public override bool Equals(object? obj) => obj is EcdsaSignature other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(RSpan);
        hash.AddBytes(SSpan);
        hash.Add(RecoveryId);
        return hash.ToHashCode();
    }

    public static bool operator ==(EcdsaSignature left, EcdsaSignature right) => left.Equals(right);

    public static bool operator !=(EcdsaSignature left, EcdsaSignature right) => !left.Equals(right);
}
