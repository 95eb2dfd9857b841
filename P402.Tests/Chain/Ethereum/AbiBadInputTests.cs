using System.Numerics;
using P402.Core.Chain.Ethereum;

namespace P402.Tests.Chain.Ethereum;

public sealed class AbiBadInputTests
{
    [Fact]
    public void Uint256_TwoPow256_ThrowsFormatException()
    {
        Assert.Throws<EthereumFormatException>(() => AbiValue.Uint256(BigInteger.One << 256));
    }

    [Fact]
    public void Uint256_Negative_ThrowsFormatException()
    {
        Assert.Throws<EthereumFormatException>(() => AbiValue.Uint256(-1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public void Bytes32_NotExactly32_ThrowsFormatException(int length)
    {
        Assert.Throws<EthereumFormatException>(() => AbiValue.Bytes32(new byte[length]));
    }

    [Fact]
    public void EncodeCall_SelectorNot4Bytes_ThrowsFormatException()
    {
        Assert.Throws<EthereumFormatException>(() => Abi.EncodeCall(new byte[3], AbiValue.Bool(true)));
    }

    [Fact]
    public void EncodeCall_NullArgument_ThrowsFormatException()
    {
        Assert.Throws<EthereumFormatException>(() => Abi.EncodeCall(new byte[4], AbiValue.Bool(true), null!));
        Assert.Throws<EthereumFormatException>(() => AbiValue.Bytes(null!));
        Assert.Throws<EthereumFormatException>(() => AbiValue.String(null!));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(31, 0)]
    [InlineData(64, 2)]
    [InlineData(64, -1)]
    [InlineData(64, int.MaxValue)]
    public void DecodeUint256_MissingSlot_ThrowsFormatException(int length, int slot)
    {
        Assert.Throws<EthereumFormatException>(() => Abi.DecodeUint256(new byte[length], slot));
    }

    [Fact]
    public void DecodeBool_NotZeroOrOne_ThrowsFormatException()
    {
        var word = new byte[32];
        word[31] = 2;

        Assert.Throws<EthereumFormatException>(() => Abi.DecodeBool(word));
    }

    [Fact]
    public void DecodeAddress_DirtyPadding_ThrowsFormatException()
    {
        var word = new byte[32];
        word[0] = 1;

        Assert.Throws<EthereumFormatException>(() => Abi.DecodeAddress(word));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000020")]
    [InlineData("00000000000000000000000000000000000000000000000000000000000000400000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000020ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("00000000000000000000000000000000000000000000000000000000000000200000000000000000000000000000000000000000000000000000000000000001")]
    public void DecodeString_Malformed_ThrowsFormatException(string hex)
    {
        Assert.Throws<EthereumFormatException>(() => Abi.DecodeString(Hex.Decode(hex)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Selector_Empty_ThrowsFormatException(string? signature)
    {
        Assert.Throws<EthereumFormatException>(() => Abi.Selector(signature!));
    }
}
