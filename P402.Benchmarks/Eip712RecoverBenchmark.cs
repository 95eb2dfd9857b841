using System.Numerics;
using BenchmarkDotNet.Attributes;
using P402.Core.Chain.Ethereum;

namespace P402.Benchmarks;

/// <summary>
/// The per-payment cryptography of /verify: the EIP-712 digest of one TransferWithAuthorization and
/// the recovery of its signer (target ≤ 250 µs/op), plus signing for comparison.
/// </summary>
[MemoryDiagnoser]
public class Eip712RecoverBenchmark
{
    private static readonly EthAddress Usdc = EthAddress.Parse("0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913");
    private readonly EthKey _key = EthKey.Parse("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    private TransferAuthorization _authorization = null!;
    private EcdsaSignature _signature;
    private byte[] _digest = [];

    [GlobalSetup]
    public void Setup()
    {
        _authorization = new TransferAuthorization(
            _key.Address,
            EthAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"),
            10000,
            0,
            1900000000,
            Enumerable.Repeat((byte)0x11, 32).ToArray());
        _digest = Digest();
        _signature = _key.Sign(_digest);
        if (Secp256k1Recovery.RecoverAddress(_digest, _signature) != _key.Address)
        {
            throw new InvalidOperationException("Recovery does not round-trip.");
        }
    }

    /// <summary>What /verify runs: libsecp256k1 when installed, else BouncyCastle.</summary>
    [Benchmark(Description = "EIP-712 digest + recover (public API)")]
    public EthAddress DigestAndRecover() => Secp256k1Recovery.RecoverAddress(Digest(), _signature);

    [Benchmark(Description = "EIP-712 digest + recover (BouncyCastle)")]
    public EthAddress DigestAndRecoverBouncyCastle()
    {
        Span<byte> publicKey = stackalloc byte[64];
        return Secp256k1Recovery.TryRecoverPublicKeyBouncyCastle(Digest(), _signature, publicKey)
            ? EthAddress.FromPublicKey(publicKey)
            : throw new InvalidOperationException();
    }

    [Benchmark(Description = "EIP-712 digest + recover (libsecp256k1)")]
    public EthAddress DigestAndRecoverNative()
    {
        Span<byte> publicKey = stackalloc byte[64];
        return Secp256k1Recovery.TryRecoverPublicKeyNative(Digest(), _signature, publicKey)
            ? EthAddress.FromPublicKey(publicKey)
            : throw new InvalidOperationException("libsecp256k1 is not installed (apt-get install libsecp256k1-1).");
    }

    [Benchmark(Description = "EIP-712 digest")]
    public byte[] DigestOnly() => Digest();

    [Benchmark(Description = "sign (public API)")]
    public EcdsaSignature Sign() => _key.Sign(_digest);

    [Benchmark(Description = "sign (NBitcoin.Secp256k1)")]
    public EcdsaSignature SignManaged() => _key.SignManaged(_digest);

    private byte[] Digest() =>
        Eip712.Digest(Eip712.DomainSeparator("USD Coin", "2", new BigInteger(8453), Usdc), Eip712.TransferWithAuthorizationStructHash(_authorization));
}
