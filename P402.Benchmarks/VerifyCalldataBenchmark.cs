using BenchmarkDotNet.Attributes;
using P402.Core.Chain;
using P402.Core.Chain.Ethereum;

namespace P402.Benchmarks;

/// <summary>
/// The calldata of a verify's three reads (authorizationState, balanceOf, the simulated
/// transferWithAuthorization) and the payer's EIP-55 form the answer carries.
/// </summary>
[MemoryDiagnoser]
public class VerifyCalldataBenchmark
{
    private TransferAuthorization _authorization = null!;
    private EcdsaSignature _signature;

    [GlobalSetup]
    public void Setup()
    {
        var payer = EthKey.Parse("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
        _authorization = new TransferAuthorization(payer.Address, EthAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"),
            10000, 0, 1900000000, Enumerable.Repeat((byte)0x22, 32).ToArray());
        _signature = payer.Sign(Keccak256.Hash(_authorization.Nonce));
    }

    [Benchmark(Description = "verify: calldata of the three reads")]
    public int Calldata() =>
        TokenCalls.AuthorizationState(_authorization.From, _authorization.Nonce).Length
        + TokenCalls.BalanceOf(_authorization.From).Length
        + TokenCalls.TransferWithAuthorization(_authorization, _signature).Length;

    [Benchmark(Description = "verify: payer as EIP-55")]
    public string Checksum() => _authorization.From.ToString();
}
