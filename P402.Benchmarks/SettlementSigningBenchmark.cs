using BenchmarkDotNet.Attributes;
using P402.Core.Chain;
using P402.Core.Chain.Ethereum;

namespace P402.Benchmarks;

/// <summary>
/// What /settle computes before it broadcasts: the transferWithAuthorization calldata and the signed
/// EIP-1559 transaction (RLP, Keccak, secp256k1 signing with the facilitator's key).
/// </summary>
[MemoryDiagnoser]
public class SettlementSigningBenchmark
{
    private static readonly EthAddress Usdc = EthAddress.Parse("0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913");
    private readonly EthKey _facilitator = EthKey.Parse("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    private TransferAuthorization _authorization = null!;
    private EcdsaSignature _signature;

    [GlobalSetup]
    public void Setup()
    {
        var payer = EthKey.Parse("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
        _authorization = new TransferAuthorization(payer.Address, _facilitator.Address, 10000, 0, 1900000000,
            Enumerable.Repeat((byte)0x22, 32).ToArray());
        _signature = payer.Sign(Keccak256.Hash(_authorization.Nonce));
    }

    [Benchmark(Description = "settlement: calldata + sign EIP-1559 tx")]
    public SignedTransaction SignSettlement() =>
        new Eip1559Transaction(8453, 42, 1_000_000, 2_000_000_000, 120_000, Usdc, 0,
            TokenCalls.TransferWithAuthorization(_authorization, _signature)).Sign(_facilitator);
}
