using System.Numerics;
using BenchmarkDotNet.Attributes;
using Nethereum.ABI.EIP712;
using Nethereum.Signer;
using P402.Core.Chain.Ethereum;

namespace P402.Benchmarks;

/// <summary>
/// The /verify hot path done entirely by Nethereum (typed-data encoder, then <see cref="EthECKey.RecoverFromSignature(EthECDSASignature, byte[])"/>),
/// to compare with P402's own digest and recovery in <see cref="Eip712RecoverBenchmark"/>.
/// </summary>
[MemoryDiagnoser]
public class NethereumEip712Benchmark
{
    private static readonly EthAddress Usdc = EthAddress.Parse("0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913");
    private readonly EthKey _key = EthKey.Parse("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    private readonly Eip712TypedDataEncoder _encoder = new();
    private TypedData<Domain> _typedData = null!;
    private Eip3009TypedData.Message _message = null!;
    private EthECDSASignature _signature = null!;

    [GlobalSetup]
    public void Setup()
    {
        _typedData = Eip3009TypedData.Create("USD Coin", "2", new BigInteger(8453), Usdc);
        _message = Eip3009TypedData.ToMessage(new TransferAuthorization(_key.Address,
            EthAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"), 10000, 0, 1900000000, Enumerable.Repeat((byte)0x11, 32).ToArray()));
        var signature = _key.Sign(Digest());
        _signature = EthECDSASignatureFactory.FromComponents(signature.R, signature.S, signature.V);
        if (DigestAndRecover() != _key.Address.ToString())
        {
            throw new InvalidOperationException("Nethereum's recovery does not round-trip.");
        }
    }

    [Benchmark(Description = "EIP-712 digest + recover (Nethereum)")]
    public string DigestAndRecover()
    {
        var digest = Digest();
        return _signature.IsLowS ? EthECKey.RecoverFromSignature(_signature, digest).GetPublicAddress() : "";
    }

    [Benchmark(Description = "EIP-712 digest (Nethereum)")]
    public byte[] Digest() => _encoder.EncodeAndHashTypedData(_message, _typedData);
}
