using System.Numerics;
using P402.Core.Chain.Ethereum;

namespace P402.Tests.Chain.Ethereum;

/// <summary>Examples from the RLP specification (ethereum.org "Recursive-length prefix").</summary>
public sealed class RlpTests
{
    [Theory]
    [InlineData("", "0x80")]
    [InlineData("00", "0x00")]
    [InlineData("7f", "0x7f")]
    [InlineData("80", "0x8180")]
    [InlineData("646f67", "0x83646f67")]
    public void EncodeBytes_SpecExamples_Match(string bytes, string expected)
    {
        Assert.Equal(expected, Hex.Encode(Rlp.EncodeBytes(Convert.FromHexString(bytes))));
    }

    [Fact]
    public void EncodeBytes_56Bytes_UsesLongForm()
    {
        var encoded = Rlp.EncodeBytes(new byte[56]);

        Assert.Equal([0xb8, 56], encoded[..2]);
        Assert.Equal(58, encoded.Length);
    }

    [Theory]
    [InlineData(0, "0x80")]
    [InlineData(15, "0x0f")]
    [InlineData(1024, "0x820400")]
    [InlineData(128, "0x8180")]
    public void EncodeInteger_SpecExamples_Match(long value, string expected)
    {
        Assert.Equal(expected, Hex.Encode(Rlp.EncodeInteger(value)));
    }

    [Fact]
    public void EncodeInteger_OutOfRange_ThrowsFormatException()
    {
        Assert.Throws<EthereumFormatException>(() => Rlp.EncodeInteger(-1));
        Assert.Throws<EthereumFormatException>(() => Rlp.EncodeInteger(BigInteger.One << 256));
    }

    [Fact]
    public void EncodeList_CatDog_MatchesSpec()
    {
        var list = Rlp.EncodeList(Rlp.EncodeBytes("cat"u8), Rlp.EncodeBytes("dog"u8));

        Assert.Equal("0xc88363617483646f67", Hex.Encode(list));
        Assert.Equal("0xc0", Hex.Encode(Rlp.EncodeList()));
    }

    [Fact]
    public void EncodeList_SetTheoreticalThree_MatchesSpec()
    {
        var empty = Rlp.EncodeList();
        var one = Rlp.EncodeList(empty);
        var two = Rlp.EncodeList(empty, one);

        Assert.Equal("0xc7c0c1c0c3c0c1c0", Hex.Encode(Rlp.EncodeList(empty, one, two)));
    }

    [Fact]
    public void Decode_LongList_RoundTrips()
    {
        var items = Enumerable.Range(0, 40).Select(i => Rlp.EncodeInteger(i * 1000)).ToArray();

        var decoded = RlpItem.Decode(Rlp.EncodeList(items));

        Assert.True(decoded.IsList);
        Assert.Equal(40, decoded.Items.Count);
        Assert.Equal(Rlp.EncodeInteger(39000), Rlp.EncodeBytes(decoded.Items[39].Bytes));
    }

    [Theory]
    [InlineData("")]
    [InlineData("83646f")]
    [InlineData("c88363617483646f")]
    [InlineData("8000")]
    [InlineData("b800")]
    [InlineData("b90000")]
    public void Decode_Malformed_ThrowsFormatException(string hex)
    {
        Assert.Throws<EthereumFormatException>(() => RlpItem.Decode(Convert.FromHexString(hex)));
    }
}
