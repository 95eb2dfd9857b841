using System.Globalization;
using System.Numerics;
using P402.Core.Chain.Ethereum;

namespace P402.Tests.Chain.Ethereum;

public sealed class SignRecoverTests
{
    private static readonly BigInteger N = BigInteger.Parse("115792089237316195423570985008687907852837564279074904382605163141518161494337", CultureInfo.InvariantCulture);
    private static readonly EthKey Key = EthKey.Parse("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");

    [Fact]
    public void SignThenRecover_RandomKeysAndHashes_RecoversSigner()
    {
        for (var i = 0; i < 20; i++)
        {
            var key = EthKey.Generate();
            var hash = Keccak256.Hash(BitConverter.GetBytes(i));

            var signature = key.Sign(hash);

            Assert.True(signature.IsLowS);
            Assert.True(Secp256k1Recovery.TryRecoverAddress(hash, signature, out var recovered));
            Assert.Equal(key.Address, recovered);
        }
    }

    [Fact]
    public async Task SignThenRecover_ConcurrentCallers_AllRecoverTheirSigner()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
        {
            var key = EthKey.Generate();
            var hash = Keccak256.Hash(BitConverter.GetBytes(i));
            return Secp256k1Recovery.RecoverAddress(hash, key.Sign(hash)) == key.Address;
        })));

        Assert.All(results, Assert.True);
    }

    [Fact]
    public void Sign_SameHashTwice_IsDeterministic()
    {
        var hash = Keccak256.Hash("deterministic"u8);

        Assert.Equal(Key.Sign(hash), Key.Sign(hash));
    }

    [Fact]
    public void TryRecoverAddress_HighS_ReturnsFalse()
    {
        var hash = Keccak256.Hash("high s"u8);
        var low = Key.Sign(hash);
        var highS = ToWord(N - new BigInteger(low.S, isUnsigned: true, isBigEndian: true));
        var high = new EcdsaSignature(low.R, highS, (byte)(low.RecoveryId ^ 1));

        Assert.False(high.IsLowS);
        Assert.False(Secp256k1Recovery.TryRecoverAddress(hash, high, out _));
        Assert.Throws<EthereumFormatException>(() => Secp256k1Recovery.RecoverAddress(hash, high));
    }

    [Theory]
    [InlineData("0", "1")]
    [InlineData("n", "1")]
    [InlineData("1", "0")]
    [InlineData("5", "1")]
    public void TryRecoverAddress_OutOfRangeOrOffCurve_ReturnsFalse(string r, string s)
    {
        var signature = new EcdsaSignature(ToWord(Scalar(r)), ToWord(Scalar(s)), 0);

        Assert.False(Secp256k1Recovery.TryRecoverAddress(Keccak256.Hash("x"u8), signature, out _));
    }

    [Fact]
    public void TryRecoverAddress_DefaultSignature_ReturnsFalse()
    {
        Assert.False(Secp256k1Recovery.TryRecoverAddress(new byte[32], default, out _));
    }

    [Fact]
    public void TryRecoverAddress_FlippedRecoveryId_RecoversOtherAddress()
    {
        var hash = Keccak256.Hash("flip"u8);
        var signature = Key.Sign(hash);
        var flipped = new EcdsaSignature(signature.R, signature.S, (byte)(signature.RecoveryId ^ 1));

        Assert.True(Secp256k1Recovery.TryRecoverAddress(hash, flipped, out var other));
        Assert.NotEqual(Key.Address, other);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(27, 0)]
    [InlineData(28, 1)]
    public void FromBytes65_AcceptedV_MapsToRecoveryId(byte v, byte recoveryId)
    {
        var hash = Keccak256.Hash("v"u8);
        var bytes = WithV(Key.Sign(hash).ToBytes65(), v);

        var signature = EcdsaSignature.FromBytes65(bytes);

        Assert.Equal(recoveryId, signature.RecoveryId);
        Assert.Equal((byte)(27 + recoveryId), signature.ToBytes65()[64]);
    }

    [Fact]
    public void FromBytes65_EitherVForm_RecoversSameSigner()
    {
        var hash = Keccak256.Hash("either v"u8);
        var bytes = Key.Sign(hash).ToBytes65();

        var fromLegacy = EcdsaSignature.FromBytes65(bytes);
        var fromParity = EcdsaSignature.FromBytes65(WithV(bytes, (byte)(bytes[64] - 27)));

        Assert.Equal(Key.Address, Secp256k1Recovery.RecoverAddress(hash, fromLegacy));
        Assert.Equal(Key.Address, Secp256k1Recovery.RecoverAddress(hash, fromParity));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(26)]
    [InlineData(29)]
    [InlineData(37)]
    public void FromBytes65_OtherV_ThrowsFormatException(byte v)
    {
        var bytes = WithV(Key.Sign(Keccak256.Hash("v"u8)).ToBytes65(), v);

        Assert.Throws<EthereumFormatException>(() => EcdsaSignature.FromBytes65(bytes));
    }

    [Theory]
    [InlineData(64)]
    [InlineData(66)]
    [InlineData(0)]
    public void FromBytes65_WrongLength_ThrowsFormatException(int length)
    {
        Assert.Throws<EthereumFormatException>(() => EcdsaSignature.FromBytes65(new byte[length]));
    }

    [Fact]
    public void Constructor_BadParts_ThrowsFormatException()
    {
        Assert.Throws<EthereumFormatException>(() => new EcdsaSignature(new byte[31], new byte[32], 0));
        Assert.Throws<EthereumFormatException>(() => new EcdsaSignature(new byte[32], new byte[32], 2));
        Assert.Throws<EthereumFormatException>(() => EcdsaSignature.Parse("0x1234"));
    }

    [Fact]
    public void TryRecoverAddress_HashNot32Bytes_ThrowsFormatException()
    {
        var signature = Key.Sign(Keccak256.Hash("len"u8));

        Assert.Throws<EthereumFormatException>(() => Secp256k1Recovery.TryRecoverAddress(new byte[20], signature, out _));
    }

    private static BigInteger Scalar(string text) => text == "n" ? N : BigInteger.Parse(text, CultureInfo.InvariantCulture);

    private static byte[] ToWord(BigInteger value)
    {
        var word = new byte[32];
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        bytes.CopyTo(word, 32 - bytes.Length);
        return word;
    }

    private static byte[] WithV(byte[] rsv, byte v)
    {
        rsv[64] = v;
        return rsv;
    }
}
