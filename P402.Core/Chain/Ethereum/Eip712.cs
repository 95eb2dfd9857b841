using System.Collections.Concurrent;
using System.Numerics;
using Nethereum.ABI.EIP712;

namespace P402.Core.Chain.Ethereum;

/// <summary>
/// EIP-712 typed-data hashing for the one message P402 verifies: EIP-3009's TransferWithAuthorization.
/// The domain separator (cached, a handful per process) comes from Nethereum's <see cref="Eip712TypedDataEncoder"/>.
/// The struct hash and the digest are the /verify hot path and stay hand-written: measured faster than
/// Nethereum's reflective encoder (P402.Benchmarks/README.md) and checked against it by Eip712DifferentialTests.
/// </summary>
public static class Eip712
{
    private const int Word = 32;
    private const int MaxCachedDomains = 256;

    private static readonly byte[] TransferTypeHash = Keccak256.Hash(
        "TransferWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)"u8);

    private static readonly ConcurrentDictionary<(string Name, string Version, BigInteger ChainId, EthAddress Contract), byte[]> Domains = new();

    /// <summary>The type hash of <c>TransferWithAuthorization(...)</c>.</summary>
    public static ReadOnlySpan<byte> TransferWithAuthorizationTypeHash => TransferTypeHash;

    /// <summary>
    /// hashStruct(EIP712Domain{name, version, chainId, verifyingContract}). Results are cached: a
    /// facilitator sees a handful of (token, chain) pairs.
    /// </summary>
    public static byte[] DomainSeparator(string name, string version, BigInteger chainId, EthAddress verifyingContract)
    {
        if (name is null || version is null)
        {
            throw new EthereumFormatException("The EIP-712 domain needs a name and a version.");
        }
        var key = (name, version, chainId, verifyingContract);
        if (!Domains.TryGetValue(key, out var separator))
        {
            separator = ComputeDomainSeparator(name, version, chainId, verifyingContract);
            if (Domains.Count >= MaxCachedDomains)
            {
                Domains.Clear();
            }
            Domains.TryAdd(key, separator);
        }
        return (byte[])separator.Clone();
    }

    /// <summary>hashStruct(TransferWithAuthorization{from, to, value, validAfter, validBefore, nonce}).</summary>
    public static byte[] TransferWithAuthorizationStructHash(TransferAuthorization a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Nonce is null || a.Nonce.Length != Word)
        {
            throw new EthereumFormatException($"The authorization nonce is 32 bytes, got {a.Nonce?.Length ?? 0}.");
        }
        Span<byte> encoded = stackalloc byte[7 * Word];
        encoded.Clear();
        TransferTypeHash.CopyTo(encoded);
        a.From.Bytes.CopyTo(encoded[(Word + 12)..]);
        a.To.Bytes.CopyTo(encoded[((2 * Word) + 12)..]);
        WriteUint256(a.Value, encoded.Slice(3 * Word, Word), "value");
        WriteUint256(a.ValidAfter, encoded.Slice(4 * Word, Word), "validAfter");
        WriteUint256(a.ValidBefore, encoded.Slice(5 * Word, Word), "validBefore");
        a.Nonce.CopyTo(encoded[(6 * Word)..]);
        var structHash = new byte[Word];
        Keccak256.Hash(encoded, structHash);
        return structHash;
    }

    /// <summary>keccak256(0x19 0x01 || domainSeparator || structHash), the hash that is signed.</summary>
    public static byte[] Digest(ReadOnlySpan<byte> domainSeparator, ReadOnlySpan<byte> structHash)
    {
        var digest = new byte[Word];
        Digest(domainSeparator, structHash, digest);
        return digest;
    }

    /// <summary>As <see cref="Digest(ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>, into a caller's 32 bytes.</summary>
    public static void Digest(ReadOnlySpan<byte> domainSeparator, ReadOnlySpan<byte> structHash, Span<byte> digest)
    {
        if (domainSeparator.Length != Word || structHash.Length != Word)
        {
            throw new EthereumFormatException("The domain separator and the struct hash are 32 bytes each.");
        }
        Span<byte> message = stackalloc byte[2 + (2 * Word)];
        message[0] = 0x19;
        message[1] = 0x01;
        domainSeparator.CopyTo(message[2..]);
        structHash.CopyTo(message[(2 + Word)..]);
        Keccak256.Hash(message, digest);
    }

    /// <summary>The digest a payer signs for <paramref name="authorization"/> under <paramref name="domainSeparator"/>.</summary>
    public static byte[] TransferWithAuthorizationDigest(ReadOnlySpan<byte> domainSeparator, TransferAuthorization authorization) =>
        Digest(domainSeparator, TransferWithAuthorizationStructHash(authorization));

    private static byte[] ComputeDomainSeparator(string name, string version, BigInteger chainId, EthAddress verifyingContract)
    {
        if (chainId.Sign < 0 || chainId.GetByteCount(isUnsigned: true) > Word)
        {
            throw new EthereumFormatException("chainId is in [0, 2^256).");
        }
        return new Eip712TypedDataEncoder().HashDomainSeparator(Eip3009TypedData.Create(name, version, chainId, verifyingContract));
    }

    private static void WriteUint256(BigInteger value, Span<byte> word, string what)
    {
        var length = value.Sign < 0 ? int.MaxValue : value.GetByteCount(isUnsigned: true);
        if (length > Word)
        {
            throw new EthereumFormatException($"{what} is in [0, 2^256).");
        }
        value.TryWriteBytes(word[(Word - length)..], out _, isUnsigned: true, isBigEndian: true);
    }
}
