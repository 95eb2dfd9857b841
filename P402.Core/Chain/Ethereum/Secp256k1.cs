using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace P402.Core.Chain.Ethereum;

/// <summary>
/// The secp256k1 curve, built once: BouncyCastle's custom curve (fast field arithmetic and the GLV
/// endomorphism) and a comb multiplier whose table for G is cached on <see cref="G"/>.
/// </summary>
internal static class Secp256k1
{
    public const int ScalarSize = 32;

    public static ECCurve Curve { get; }

    public static ECPoint G { get; }

    public static BcBigInteger N { get; }

    public static BcBigInteger HalfN { get; }

    public static ECMultiplier BaseMultiplier { get; } = new FixedPointCombMultiplier();

    static Secp256k1()
    {
        var parameters = CustomNamedCurves.GetByName("secp256k1");
        Curve = parameters.Curve;
        G = parameters.G;
        N = parameters.N;
        HalfN = N.ShiftRight(1);
    }

    public static BcBigInteger ToScalar(ReadOnlySpan<byte> bigEndian) => new(1, bigEndian);

    /// <summary>Whether a 32-byte big-endian scalar is in [1, n-1].</summary>
    public static bool IsValidScalar(BcBigInteger value) => value.SignValue > 0 && value.CompareTo(N) < 0;

    public static void WriteScalar(BcBigInteger value, Span<byte> destination32)
    {
        var length = value.GetLengthofByteArrayUnsigned();
        destination32[..(ScalarSize - length)].Clear();
        value.ToByteArrayUnsigned(destination32[(ScalarSize - length)..ScalarSize]);
    }

    /// <summary>The 64-byte uncompressed public key (x || y, no 0x04 prefix) of a normalised point.</summary>
    public static byte[] ToPublicKey64(ECPoint point)
    {
        var normalized = point.Normalize();
        var key = new byte[64];
        normalized.AffineXCoord.EncodeTo(key.AsSpan(0, 32));
        normalized.AffineYCoord.EncodeTo(key.AsSpan(32, 32));
        return key;
    }
}
