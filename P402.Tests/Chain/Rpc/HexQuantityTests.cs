using System.Numerics;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;

namespace P402.Tests.Chain.Rpc;

public sealed class HexQuantityTests
{
    [Theory]
    [InlineData("0x0", 0L)]
    [InlineData("0x", 0L)]
    [InlineData("0x00ff", 255L)]
    [InlineData("0XFF", 255L)]
    [InlineData("0x2105", 8453L)]
    [InlineData("255", 255L)]
    [InlineData(" 0x1 ", 1L)]
    [InlineData("0x7fffffffffffffff", long.MaxValue)]
    public void ParseInt64_NodeQuantity_ReadsValue(string text, long expected) =>
        Assert.Equal(expected, HexQuantity.ParseInt64(text));

    [Fact]
    public void Parse_Uint256Max_ReadsAll256Bits()
    {
        var max = (BigInteger.One << 256) - 1;
        Assert.Equal(max, HexQuantity.Parse("0x" + new string('f', 64)));
    }

    [Fact]
    public void Parse_OddDigitCountAbove64Bits_ReadsValue() =>
        Assert.Equal(BigInteger.One << 66, HexQuantity.Parse("0x40000000000000000"));

    [Theory]
    [InlineData("")]
    [InlineData("0xg1")]
    [InlineData("-0x1")]
    [InlineData("0x-1")]
    [InlineData("12a")]
    [InlineData(null)]
    public void Parse_NotAQuantity_Throws(string? text) =>
        Assert.Throws<EthereumFormatException>(() => HexQuantity.Parse(text));

    [Fact]
    public void Parse_WiderThan256Bits_Throws() =>
        Assert.Throws<EthereumFormatException>(() => HexQuantity.Parse("0x1" + new string('0', 64)));

    [Fact]
    public void ParseInt64_Above64Bits_Throws() =>
        Assert.Throws<EthereumFormatException>(() => HexQuantity.ParseInt64("0x10000000000000000"));

    [Theory]
    [InlineData(0L, "0x0")]
    [InlineData(255L, "0xff")]
    [InlineData(8453L, "0x2105")]
    public void Format_Int64_HexWithoutLeadingZeros(long value, string expected) =>
        Assert.Equal(expected, HexQuantity.Format(value));

    [Fact]
    public void Format_LargeBigInteger_HexWithoutLeadingZeros()
    {
        Assert.Equal("0x8000000000000000", HexQuantity.Format(new BigInteger(long.MaxValue) + 1));
        Assert.Equal("0x" + new string('f', 64), HexQuantity.Format((BigInteger.One << 256) - 1));
    }

    [Fact]
    public void Format_Negative_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HexQuantity.Format(BigInteger.MinusOne));
}
