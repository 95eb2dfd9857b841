using System.Numerics;
using P402.Core.Chain.Ethereum;

namespace P402.Tests.Chain.Ethereum;

public sealed class AbiTests
{
    private const string From = "f39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    private const string To = "70997970c51812dc3a010c7d01b50e0d17dc79c8";
    private static readonly string Nonce = string.Concat(Enumerable.Repeat("11", 32));
    private static readonly string R = string.Concat(Enumerable.Repeat("22", 32));
    private static readonly string S = string.Concat(Enumerable.Repeat("33", 32));

    [Theory]
    [InlineData("transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,uint8,bytes32,bytes32)", "0xe3ee160e")]
    [InlineData("transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,bytes)", "0xcf092995")]
    [InlineData("authorizationState(address,bytes32)", "0xe94a0102")]
    [InlineData("transfer(address,uint256)", "0xa9059cbb")]
    [InlineData("balanceOf(address)", "0x70a08231")]
    public void Selector_KnownSignature_MatchesPublishedSelector(string signature, string expected)
    {
        Assert.Equal(expected, Hex.Encode(Abi.Selector(signature)));
    }

    [Fact]
    public void EncodeCall_TransferWithAuthorizationVrs_IsNineStaticWords()
    {
        var data = Abi.EncodeCall(
            Abi.Selector("transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,uint8,bytes32,bytes32)"),
            CommonArgs().Concat([AbiValue.Uint8(27), AbiValue.Bytes32(Hex.Decode(R)), AbiValue.Bytes32(Hex.Decode(S))]).ToArray());

        var expected = "0xe3ee160e" + Pad(From) + Pad(To) + Pad("2710") + Pad("0") + Pad("713fb300") + Nonce + Pad("1b") + R + S;
        Assert.Equal(expected, Hex.Encode(data));
    }

    [Fact]
    public void EncodeCall_TransferWithAuthorizationBytes_PutsSignatureInTail()
    {
        var signature = Hex.Decode(R + S + "1c");

        var data = Abi.EncodeCall(
            Abi.Selector("transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,bytes)"),
            CommonArgs().Append(AbiValue.Bytes(signature)).ToArray());

        var expected = "0xcf092995" + Pad(From) + Pad(To) + Pad("2710") + Pad("0") + Pad("713fb300") + Nonce
            + Pad("e0") + Pad("41") + R + S + "1c" + new string('0', 62);
        Assert.Equal(expected, Hex.Encode(data));
    }

    [Fact]
    public void EncodeCall_AuthorizationState_IsAddressAndNonce()
    {
        var data = Abi.EncodeCall(Abi.Selector("authorizationState(address,bytes32)"),
            AbiValue.Address(EthAddress.Parse("0x" + From)), AbiValue.Bytes32(Hex.Decode(Nonce)));

        Assert.Equal("0xe94a0102" + Pad(From) + Nonce, Hex.Encode(data));
    }

    [Fact]
    public void Encode_StringAndBool_TwoTails()
    {
        var data = Abi.Encode(AbiValue.String("USD Coin"), AbiValue.Bool(true), AbiValue.Bytes([]));

        var expected = "0x" + Pad("60") + Pad("1") + Pad("a0") + Pad("8") + "55534420436f696e" + new string('0', 48) + Pad("0");
        Assert.Equal(expected, Hex.Encode(data));
    }

    [Fact]
    public void DecodeString_NameReturnData_ReturnsText()
    {
        var returnData = Hex.Decode(Pad("20") + Pad("8") + "55534420436f696e" + new string('0', 48));

        Assert.Equal("USD Coin", Abi.DecodeString(returnData));
    }

    [Fact]
    public void DecodeUint256AndBool_Slots_ReadEachWord()
    {
        var returnData = Hex.Decode(Pad("f4240") + Pad("1") + Pad("0") + Pad(From));

        Assert.Equal(new BigInteger(1_000_000), Abi.DecodeUint256(returnData));
        Assert.True(Abi.DecodeBool(returnData, 1));
        Assert.False(Abi.DecodeBool(returnData, 2));
        Assert.Equal(EthAddress.Parse("0x" + From), Abi.DecodeAddress(returnData, 3));
    }

    [Fact]
    public void DecodeUint256_MaxValue_RoundTrips()
    {
        var max = (BigInteger.One << 256) - 1;

        Assert.Equal(max, Abi.DecodeUint256(Abi.Encode(AbiValue.Uint256(max))));
    }

    [Fact]
    public void TryDecodeRevertReason_ErrorString_ReturnsReason()
    {
        var returnData = Hex.Decode("0x08c379a0" + Pad("20") + Pad("1a")
            + "4e6f7420656e6f7567682045746865722070726f76696465642e000000000000");

        Assert.True(Abi.TryDecodeRevertReason(returnData, out var reason));
        Assert.Equal("Not enough Ether provided.", reason);
    }

    [Theory]
    [InlineData("0x")]
    [InlineData("0x08c379")]
    [InlineData("0x4e487b710000000000000000000000000000000000000000000000000000000000000011")]
    [InlineData("0x08c379a00000000000000000000000000000000000000000000000000000000000000020")]
    [InlineData("0x08c379a000000000000000000000000000000000000000000000000000000000000000200000000000000000000000000000000000000000000000000000000000000040")]
    public void TryDecodeRevertReason_NotErrorString_ReturnsFalse(string hex)
    {
        Assert.False(Abi.TryDecodeRevertReason(Hex.Decode(hex), out var reason));
        Assert.Equal(string.Empty, reason);
    }

    private static AbiValue[] CommonArgs() =>
    [
        AbiValue.Address(EthAddress.Parse("0x" + From)),
        AbiValue.Address(EthAddress.Parse("0x" + To)),
        AbiValue.Uint256(10000),
        AbiValue.Uint256(0),
        AbiValue.Uint256(1900000000),
        AbiValue.Bytes32(Hex.Decode(Nonce)),
    ];

    private static string Pad(string hex) => hex.PadLeft(64, '0');
}
