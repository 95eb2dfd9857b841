using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Utilities;

namespace P402.Core.Chain.Ethereum;

/// <summary>
/// ecrecover: the address whose key made a signature over a hash. Signatures that Ethereum's
/// EIP-3009 tokens refuse are refused here too: high s (EIP-2), r or s outside [1, n-1].
/// Uses libsecp256k1 when it is installed (<see cref="LibSecp256k1"/>), BouncyCastle otherwise.
/// </summary>
public static class Secp256k1Recovery
{
    /// <summary>Whether recovery and signing run on the native libsecp256k1 rather than BouncyCastle.</summary>
    public static bool UsesNativeLibrary => LibSecp256k1.IsAvailable;

    /// <summary>
    /// Recovers the signer's address. False for a high-s signature, r or s out of range, or an r
    /// that is not the x of a curve point. A hash that is not 32 bytes is a caller error and throws.
    /// </summary>
    public static bool TryRecoverAddress(ReadOnlySpan<byte> hash32, EcdsaSignature sig, out EthAddress address)
    {
        address = default;
        Span<byte> publicKey = stackalloc byte[64];
        if (!TryRecoverPublicKey(hash32, sig, publicKey))
        {
            return false;
        }
        address = EthAddress.FromPublicKey(publicKey);
        return true;
    }

    /// <summary>As <see cref="TryRecoverAddress"/>, but an unrecoverable signature throws <see cref="EthereumFormatException"/>.</summary>
    public static EthAddress RecoverAddress(ReadOnlySpan<byte> hash32, EcdsaSignature sig) =>
        TryRecoverAddress(hash32, sig, out var address)
            ? address
            : throw new EthereumFormatException("The signature does not recover to a public key (high s, r or s out of range, or not on the curve).");

    /// <summary>Recovers the 64-byte public key (x || y) into <paramref name="publicKey64"/>.</summary>
    internal static bool TryRecoverPublicKey(ReadOnlySpan<byte> hash32, EcdsaSignature sig, Span<byte> publicKey64) =>
        LibSecp256k1.IsAvailable
            ? TryRecoverPublicKeyNative(hash32, sig, publicKey64)
            : TryRecoverPublicKeyBouncyCastle(hash32, sig, publicKey64);

    internal static bool TryRecoverPublicKeyNative(ReadOnlySpan<byte> hash32, EcdsaSignature sig, Span<byte> publicKey64)
    {
        if (!IsRecoverable(hash32, sig))
        {
            return false;
        }
        Span<byte> rs = stackalloc byte[64];
        sig.RSpan.CopyTo(rs);
        sig.SSpan.CopyTo(rs[32..]);
        return LibSecp256k1.TryRecoverPublicKey(hash32, rs, sig.RecoveryId, publicKey64);
    }

    internal static bool TryRecoverPublicKeyBouncyCastle(ReadOnlySpan<byte> hash32, EcdsaSignature sig, Span<byte> publicKey64)
    {
        if (!IsRecoverable(hash32, sig))
        {
            return false;
        }
        var n = Secp256k1.N;
        var r = Secp256k1.ToScalar(sig.RSpan);
        var s = Secp256k1.ToScalar(sig.SSpan);

        // R = (r, y) with y's parity given by the recovery id; r < n < p, so r is a field element.
        var curve = Secp256k1.Curve;
        var x = curve.FromBigInteger(r);
        var y = x.Square().Multiply(x).Add(curve.B).Sqrt();
        if (y is null)
        {
            return false;
        }
        if (y.TestBitZero() != (sig.RecoveryId == 1))
        {
            y = y.Negate();
        }
        var point = curve.CreatePoint(r, y.ToBigInteger());

        // Q = r^-1 (s R - e G) = (-e r^-1) G + (s r^-1) R, one interleaved GLV multiplication.
        var rInverse = BigIntegers.ModOddInverseVar(n, r);
        var e = Secp256k1.ToScalar(hash32);
        var u1 = n.Subtract(e.Multiply(rInverse).Mod(n)).Mod(n);
        var u2 = s.Multiply(rInverse).Mod(n);
        var q = ECAlgorithms.SumOfTwoMultiplies(Secp256k1.G, u1, point, u2).Normalize();
        if (q.IsInfinity)
        {
            return false;
        }
        q.AffineXCoord.EncodeTo(publicKey64[..32]);
        q.AffineYCoord.EncodeTo(publicKey64[32..64]);
        return true;
    }

    private static bool IsRecoverable(ReadOnlySpan<byte> hash32, EcdsaSignature sig)
    {
        if (hash32.Length != Keccak256.HashLength)
        {
            throw new EthereumFormatException($"Only 32-byte hashes are recovered, got {hash32.Length} bytes.");
        }
        return sig.IsCanonical;
    }
}
