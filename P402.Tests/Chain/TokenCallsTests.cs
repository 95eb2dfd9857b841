using System.Numerics;
using P402.Core.Chain;
using P402.Core.Chain.Ethereum;

namespace P402.Tests.Chain;

/// <summary>The hand-written calldata of the /verify hot path against Nethereum's ABI encoder (<see cref="Abi.EncodeCall"/>).</summary>
public sealed class TokenCallsTests
{
    [Fact]
    public void TokenCalls_500RandomAuthorizations_EqualNethereumEncoding()
    {
        var random = new Random(3009);
        for (var i = 0; i < 500; i++)
        {
            var a = new TransferAuthorization(new EthAddress(Bytes(random, 20)), new EthAddress(Bytes(random, 20)),
                Uint256(random), Uint256(random), Uint256(random), Bytes(random, 32));
            var signature = new EcdsaSignature(Bytes(random, 32), Bytes(random, 32), (byte)random.Next(2));

            Assert.Equal(Abi.EncodeCall(Abi.Selector("balanceOf(address)"), AbiValue.Address(a.From)), TokenCalls.BalanceOf(a.From));
            Assert.Equal(Abi.EncodeCall(Abi.Selector("authorizationState(address,bytes32)"), AbiValue.Address(a.From), AbiValue.Bytes32(a.Nonce)),
                TokenCalls.AuthorizationState(a.From, a.Nonce));
            Assert.Equal(
                Abi.EncodeCall(Abi.Selector("transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,uint8,bytes32,bytes32)"),
                    AbiValue.Address(a.From), AbiValue.Address(a.To), AbiValue.Uint256(a.Value), AbiValue.Uint256(a.ValidAfter),
                    AbiValue.Uint256(a.ValidBefore), AbiValue.Bytes32(a.Nonce), AbiValue.Uint8(signature.V),
                    AbiValue.Bytes32(signature.R), AbiValue.Bytes32(signature.S)),
                TokenCalls.TransferWithAuthorization(a, signature));
        }
    }

    [Fact]
    public void TransferWithAuthorization_ValueOutOfRangeOrShortNonce_ThrowsFormatException()
    {
        var a = new TransferAuthorization(EthAddress.Zero, EthAddress.Zero, 1, 0, 1, new byte[32]);
        var signature = new EcdsaSignature(new byte[32], new byte[32], 0);

        Assert.Throws<EthereumFormatException>(() => TokenCalls.TransferWithAuthorization(a with { Value = -1 }, signature));
        Assert.Throws<EthereumFormatException>(() => TokenCalls.TransferWithAuthorization(a with { ValidBefore = BigInteger.One << 256 }, signature));
        Assert.Throws<EthereumFormatException>(() => TokenCalls.TransferWithAuthorization(a with { Nonce = new byte[31] }, signature));
    }

    private static BigInteger Uint256(Random random) => new(Bytes(random, random.Next(0, 33)), isUnsigned: true, isBigEndian: true);

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
