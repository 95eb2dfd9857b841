using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Utilities;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace P402.Core.Chain.Ethereum;

/// <summary>
/// A secp256k1 private key. It signs 32-byte hashes deterministically (RFC 6979 with HMAC-SHA256,
/// the way ethers, viem and go-ethereum do) and never prints itself: <see cref="ToString"/> shows the address.
/// </summary>
public sealed class EthKey
{
    private readonly BcBigInteger _d;
    private readonly byte[] _privateKey;
    private readonly byte[] _publicKey;

    public EthKey(ReadOnlySpan<byte> privateKey32)
    {
        if (privateKey32.Length != Secp256k1.ScalarSize)
        {
            throw new EthereumFormatException($"A private key is 32 bytes, got {privateKey32.Length}.");
        }
        _privateKey = privateKey32.ToArray();
        _d = Secp256k1.ToScalar(privateKey32);
        if (!Secp256k1.IsValidScalar(_d))
        {
            throw new EthereumFormatException("A private key must be in [1, n-1].");
        }
        _publicKey = Secp256k1.ToPublicKey64(Secp256k1.BaseMultiplier.Multiply(Secp256k1.G, _d));
        Address = EthAddress.FromPublicKey(_publicKey);
    }

    public EthAddress Address { get; }

    /// <summary>The uncompressed public key, x || y (64 bytes, no 0x04 prefix).</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>Parses a 0x-prefixed (or bare) 32-byte hex private key.</summary>
    public static EthKey Parse(string hex)
    {
        var bytes = Hex.DecodeFixed(hex, Secp256k1.ScalarSize);
        try
        {
            return new EthKey(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>A fresh key from the operating system's cryptographic RNG.</summary>
    public static EthKey Generate()
    {
        Span<byte> bytes = stackalloc byte[Secp256k1.ScalarSize];
        try
        {
            while (true)
            {
                RandomNumberGenerator.Fill(bytes);
                if (Secp256k1.IsValidScalar(Secp256k1.ToScalar(bytes)))
                {
                    return new EthKey(bytes);
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>
    /// Signs a 32-byte hash: RFC 6979 nonce, s normalised to the lower half, recovery id set. Both
    /// back ends (libsecp256k1 when installed, BouncyCastle) produce the same signature.
    /// </summary>
    public EcdsaSignature Sign(ReadOnlySpan<byte> hash32) =>
        LibSecp256k1.IsAvailable ? SignNative(hash32) : SignBouncyCastle(hash32);

    internal EcdsaSignature SignNative(ReadOnlySpan<byte> hash32)
    {
        EnsureHash(hash32);
        Span<byte> rs = stackalloc byte[64];
        // Recovery ids 2/3 (r >= n, odds ~2^-128) cannot be written as v = 27/28; BouncyCastle moves to the next k.
        if (!LibSecp256k1.TrySign(hash32, _privateKey, rs, out var recoveryId) || recoveryId > 1)
        {
            return SignBouncyCastle(hash32);
        }
        return new EcdsaSignature(rs[..32], rs[32..], (byte)recoveryId);
    }

    internal EcdsaSignature SignBouncyCastle(ReadOnlySpan<byte> hash32)
    {
        EnsureHash(hash32);
        var n = Secp256k1.N;
        var e = Secp256k1.ToScalar(hash32);
        var kCalculator = new HMacDsaKCalculator(new Sha256Digest());
        kCalculator.Init(n, _d, hash32.ToArray());
        Span<byte> r32 = stackalloc byte[Secp256k1.ScalarSize];
        Span<byte> s32 = stackalloc byte[Secp256k1.ScalarSize];
        while (true)
        {
            var k = kCalculator.NextK();
            var point = Secp256k1.BaseMultiplier.Multiply(Secp256k1.G, k).Normalize();
            var x = point.AffineXCoord.ToBigInteger();
            // x >= n would need recovery ids 2/3, which v = 27/28 cannot carry; it happens with
            // probability ~2^-128, and the next deterministic k is as good as this one.
            if (x.CompareTo(n) >= 0 || x.SignValue == 0)
            {
                continue;
            }
            var s = BigIntegers.ModOddInverse(n, k).Multiply(e.Add(_d.Multiply(x))).Mod(n);
            if (s.SignValue == 0)
            {
                continue;
            }
            var recoveryId = (byte)(point.AffineYCoord.TestBitZero() ? 1 : 0);
            if (s.CompareTo(Secp256k1.HalfN) > 0)
            {
                s = n.Subtract(s);
                recoveryId ^= 1;
            }
            Secp256k1.WriteScalar(x, r32);
            Secp256k1.WriteScalar(s, s32);
            return new EcdsaSignature(r32, s32, recoveryId);
        }
    }

    public override string ToString() => $"EthKey({Address})";

    private static void EnsureHash(ReadOnlySpan<byte> hash32)
    {
        if (hash32.Length != Keccak256.HashLength)
        {
            throw new EthereumFormatException($"Only 32-byte hashes are signed, got {hash32.Length} bytes.");
        }
    }
}
