using System.Numerics;
using System.Security.Cryptography;
using NBitcoin.Secp256k1;
using Nethereum.Signer;

namespace P402.Core.Chain.Ethereum;

/// <summary>
/// A secp256k1 private key, held by Nethereum's <see cref="EthECKey"/>. It signs 32-byte hashes
/// deterministically (RFC 6979 with HMAC-SHA256, s normalised to the lower half, the way ethers, viem and
/// go-ethereum do): with libsecp256k1 where it is installed (~8x faster, P402.Benchmarks/README.md), else with
/// NBitcoin.Secp256k1; both give the same bytes (BackendEquivalenceTests). It never prints itself:
/// <see cref="ToString"/> shows the address.
/// </summary>
public sealed class EthKey
{
    private const int ScalarSize = 32;

    // The curve order n: a private key is in [1, n-1].
    private static readonly BigInteger N = BigInteger.Parse(
        "115792089237316195423570985008687907852837564279074904382605163141518161494337", System.Globalization.CultureInfo.InvariantCulture);

    private readonly byte[] _publicKey;

    // Signing goes to NBitcoin.Secp256k1 (Nethereum's own fast signer) with the key's 32 bytes: Nethereum's
    // EthECKey.SignRecoverable path hands it the key's minimal big-endian bytes, so a key whose first byte is
    // zero (one in 256) fails to sign with "b32 should be of length 32". Its default path (BouncyCastle plus a
    // recovery-id search) costs about 5 ms and 3 MB per signature (P402.Benchmarks/README.md).
    private readonly ECPrivKey _signingKey;

    // The key's 32 bytes for libsecp256k1, which takes them per call.
    private readonly byte[] _secret;

    public EthKey(ReadOnlySpan<byte> privateKey32)
    {
        if (privateKey32.Length != ScalarSize)
        {
            throw new EthereumFormatException($"A private key is 32 bytes, got {privateKey32.Length}.");
        }
        if (!IsValidScalar(privateKey32))
        {
            throw new EthereumFormatException("A private key must be in [1, n-1].");
        }
        _secret = privateKey32.ToArray();
        Key = new EthECKey(_secret, true);
        _signingKey = Context.Instance.CreateECPrivKey(_secret);
        _publicKey = Key.GetPubKeyNoPrefix();
        Address = EthAddress.FromPublicKey(_publicKey);
    }

    public EthAddress Address { get; }

    /// <summary>The uncompressed public key, x || y (64 bytes, no 0x04 prefix).</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>The Nethereum key, for Nethereum's transaction signers.</summary>
    internal EthECKey Key { get; }

    /// <summary>Parses a 0x-prefixed (or bare) 32-byte hex private key.</summary>
    public static EthKey Parse(string hex)
    {
        var bytes = Hex.DecodeFixed(hex, ScalarSize);
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
        Span<byte> bytes = stackalloc byte[ScalarSize];
        try
        {
            do
            {
                RandomNumberGenerator.Fill(bytes);
            }
            while (!IsValidScalar(bytes));
            return new EthKey(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Signs a 32-byte hash: RFC 6979 nonce, low s, recovery id set.</summary>
    public EcdsaSignature Sign(ReadOnlySpan<byte> hash32)
    {
        if (hash32.Length != Keccak256.HashLength)
        {
            throw new EthereumFormatException($"Only 32-byte hashes are signed, got {hash32.Length} bytes.");
        }
        Span<byte> rs = stackalloc byte[2 * ScalarSize];
        return LibSecp256k1.TrySign(hash32, _secret, rs, out var recoveryId) && recoveryId <= 1
            ? new EcdsaSignature(rs[..ScalarSize], rs[ScalarSize..], (byte)recoveryId)
            : SignManaged(hash32);
    }

    /// <summary>The same signature by NBitcoin.Secp256k1 (the signer Nethereum uses).</summary>
    internal EcdsaSignature SignManaged(ReadOnlySpan<byte> hash32)
    {
        if (hash32.Length != Keccak256.HashLength)
        {
            throw new EthereumFormatException($"Only 32-byte hashes are signed, got {hash32.Length} bytes.");
        }
        if (!_signingKey.TrySignRecoverable(hash32, out var signature) || signature is null)
        {
            throw new CryptographicException("secp256k1 signing failed.");
        }
        signature.Deconstruct(out var r, out var s, out var recoveryId);
        Span<byte> rs = stackalloc byte[2 * ScalarSize];
        r.WriteToSpan(rs[..ScalarSize]);
        s.WriteToSpan(rs[ScalarSize..]);
        return new EcdsaSignature(rs[..ScalarSize], rs[ScalarSize..], (byte)recoveryId);
    }

    public override string ToString() => $"EthKey({Address})";

    private static bool IsValidScalar(ReadOnlySpan<byte> bigEndian)
    {
        var value = new BigInteger(bigEndian, isUnsigned: true, isBigEndian: true);
        return !value.IsZero && value < N;
    }
}
