using System.Globalization;
using System.Numerics;
using Nethereum.ABI.EIP712;
using Nethereum.Signer;
using P402.Core.Chain.Ethereum;

namespace P402.Tests.Chain.Ethereum;

/// <summary>
/// P402's own /verify hot path (EIP-712 digest, recovery through libsecp256k1 or BouncyCastle) against
/// Nethereum's (typed-data encoder, <see cref="EthECKey.RecoverFromSignature(EthECDSASignature, byte[])"/>) on
/// 10,000 seeded random authorizations, a quarter each valid, high-s, wrong v and wrong digest: the same
/// digest, the same verdict, the same signer.
/// </summary>
public sealed class Eip712DifferentialTests
{
    private const int Cases = 10_000;
    private static readonly BigInteger N = BigInteger.Parse("115792089237316195423570985008687907852837564279074904382605163141518161494337", CultureInfo.InvariantCulture);
    private static readonly (string Name, string Version)[] Tokens = [("USD Coin", "2"), ("USDC", "2"), ("Dev USD Coin", "1"), ("Ünïcode €", "10")];

    private enum Case { Valid, HighS, WrongV, WrongDigest }

    [Fact]
    public void DigestAndRecover_10000RandomSignatures_AgreeWithNethereum()
    {
        var random = new Random(402);
        var keys = Enumerable.Range(0, 32).Select(_ => NewKey(random)).ToArray();
        var encoder = new Eip712TypedDataEncoder();
        var counts = new int[4];
        for (var i = 0; i < Cases; i++)
        {
            var kind = (Case)(i % 4);
            var key = keys[random.Next(keys.Length)];
            var (name, version) = Tokens[random.Next(Tokens.Length)];
            var chainId = new BigInteger(random.NextInt64(1, long.MaxValue));
            var contract = new EthAddress(Bytes(random, 20));
            var authorization = new TransferAuthorization(key.Address, new EthAddress(Bytes(random, 20)),
                Uint256(random), Uint256(random), Uint256(random), Bytes(random, 32));

            var digest = Eip712.Digest(Eip712.DomainSeparator(name, version, chainId, contract), Eip712.TransferWithAuthorizationStructHash(authorization));
            var nethereumDigest = encoder.EncodeAndHashTypedData(Eip3009TypedData.ToMessage(authorization), Eip3009TypedData.Create(name, version, chainId, contract));
            Assert.Equal(Hex.Encode(nethereumDigest), Hex.Encode(digest));

            var (signature, recoverOver) = Variant(kind, key.Sign(digest), digest, random);
            var nethereum = RecoverWithNethereum(signature, recoverOver);
            var accepted = Secp256k1Recovery.TryRecoverAddress(recoverOver, signature, out var recovered);
            var bouncyCastleKey = new byte[64];
            var acceptedByBouncyCastle = Secp256k1Recovery.TryRecoverPublicKeyBouncyCastle(recoverOver, signature, bouncyCastleKey);

            Assert.Equal(nethereum is not null, accepted);
            Assert.Equal(accepted, acceptedByBouncyCastle);
            if (accepted)
            {
                Assert.Equal(nethereum, recovered.ToString());
                Assert.Equal(recovered, EthAddress.FromPublicKey(bouncyCastleKey));
            }
            Assert.Equal(kind == Case.Valid, accepted && recovered == key.Address);
            counts[(int)kind]++;
        }
        Assert.All(counts, count => Assert.Equal(Cases / 4, count));
    }

    /// <summary>Nethereum's verdict: EIP-2 refuses a high s (EthECDSASignature.IsLowS), otherwise ecrecover.</summary>
    private static string? RecoverWithNethereum(EcdsaSignature signature, byte[] hash)
    {
        var nethereumSignature = EthECDSASignatureFactory.FromComponents(signature.R, signature.S, signature.V);
        return nethereumSignature.IsLowS ? EthECKey.RecoverFromSignature(nethereumSignature, hash).GetPublicAddress() : null;
    }

    private static (EcdsaSignature Signature, byte[] Hash) Variant(Case kind, EcdsaSignature signature, byte[] digest, Random random) => kind switch
    {
        Case.Valid => (signature, digest),
        // The malleable twin (n - s, other parity) recovers the same key in a bare ecrecover; EIP-2 refuses it.
        Case.HighS => (new EcdsaSignature(signature.R, Scalar(N - new BigInteger(signature.S, isUnsigned: true, isBigEndian: true)),
            (byte)(signature.RecoveryId ^ 1)), digest),
        Case.WrongV => (new EcdsaSignature(signature.R, signature.S, (byte)(signature.RecoveryId ^ 1)), digest),
        Case.WrongDigest => (signature, Keccak256.Hash([.. digest, (byte)random.Next(256)])),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static EthKey NewKey(Random random)
    {
        while (true)
        {
            var secret = Bytes(random, 32);
            var value = new BigInteger(secret, isUnsigned: true, isBigEndian: true);
            if (!value.IsZero && value < N)
            {
                return new EthKey(secret);
            }
        }
    }

    /// <summary>Any uint256, with small values (the usual amounts and times) as likely as large ones.</summary>
    private static BigInteger Uint256(Random random) =>
        new(Bytes(random, random.Next(0, 33)), isUnsigned: true, isBigEndian: true);

    private static byte[] Scalar(BigInteger value)
    {
        var word = new byte[32];
        value.TryWriteBytes(word.AsSpan(32 - value.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return word;
    }

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
