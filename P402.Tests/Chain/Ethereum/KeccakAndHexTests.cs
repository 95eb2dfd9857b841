using System.Text;
using P402.Core.Chain.Ethereum;

namespace P402.Tests.Chain.Ethereum;

public sealed class KeccakAndHexTests
{
    [Theory]
    [InlineData("", "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    public void Hash_KnownInput_MatchesKeccak256(string input, string expected)
    {
        Assert.Equal(expected, Hex.Encode(Keccak256.Hash(Encoding.ASCII.GetBytes(input))));
    }

    [Fact]
    public void Hash_LongerThanOneBlock_MatchesSpanOverload()
    {
        var data = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        var output = new byte[32];

        Keccak256.Hash(data, output);

        Assert.Equal(Keccak256.Hash(data), output);
        Assert.NotEqual(Keccak256.Hash(data.AsSpan(1)), output);
    }

    [Theory]
    [InlineData("0x00ff", new byte[] { 0x00, 0xff })]
    [InlineData("00FF", new byte[] { 0x00, 0xff })]
    [InlineData("0X0a", new byte[] { 0x0a })]
    [InlineData("0x", new byte[0])]
    public void Decode_ValidHex_ReturnsBytes(string hex, byte[] expected)
    {
        Assert.Equal(expected, Hex.Decode(hex));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0x0")]
    [InlineData("0xzz")]
    [InlineData("0x 0")]
    [InlineData("0x0x00")]
    public void Decode_BadHex_ThrowsFormatException(string? hex)
    {
        Assert.Throws<EthereumFormatException>(() => Hex.Decode(hex));
        Assert.False(Hex.TryDecode(hex, out _));
    }

    [Fact]
    public void DecodeFixed_WrongLength_ThrowsFormatException()
    {
        Assert.Throws<EthereumFormatException>(() => Hex.DecodeFixed("0x" + new string('1', 62), 32));
        Assert.Equal(32, Hex.DecodeFixed("0x" + new string('1', 64), 32).Length);
    }

    [Fact]
    public void Encode_Bytes_LowerCaseWithPrefix()
    {
        Assert.Equal("0x00abff", Hex.Encode([0x00, 0xab, 0xff]));
    }
}
