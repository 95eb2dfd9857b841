using System.Numerics;
using P402.Core.Chain.Ethereum;

namespace P402.Tests.Chain.Ethereum;

/// <summary>DESIGN.md's EIP-712 known answer: USD Coin / 2 / Base, anvil account 0 paying account 1.</summary>
public sealed class Eip712KnownAnswerTests
{
    private static readonly EthAddress BaseUsdc = EthAddress.Parse("0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913");
    private static readonly EthKey Payer = EthKey.Parse("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

    private static TransferAuthorization Authorization => new(
        EthAddress.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"),
        EthAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"),
        10000,
        0,
        1900000000,
        Enumerable.Repeat((byte)0x11, 32).ToArray());

    private static byte[] DomainSeparator => Eip712.DomainSeparator("USD Coin", "2", 8453, BaseUsdc);

    [Fact]
    public void DomainSeparator_BaseUsdc_MatchesDesignVector()
    {
        Assert.Equal("0x02fa7265e7c5d81118673727957699e4d68f74cd74b7db77da710fe8a2c7834f", Hex.Encode(DomainSeparator));
    }

    [Fact]
    public void DomainSeparator_Cached_ReturnsIndependentCopies()
    {
        var first = DomainSeparator;
        first[0] ^= 0xff;

        Assert.Equal("0x02fa7265e7c5d81118673727957699e4d68f74cd74b7db77da710fe8a2c7834f", Hex.Encode(DomainSeparator));
    }

    [Fact]
    public void DomainSeparator_OtherChain_Differs()
    {
        var sepolia = Eip712.DomainSeparator("USD Coin", "2", 84532, BaseUsdc);

        Assert.NotEqual(Hex.Encode(DomainSeparator), Hex.Encode(sepolia));
    }

    [Fact]
    public void StructHash_DesignAuthorization_MatchesDesignVector()
    {
        var structHash = Eip712.TransferWithAuthorizationStructHash(Authorization);

        Assert.Equal("0x26c13dd90e22a5c4e48a7473300d0b6b73e11f5f59586b70ae63f9051caff6e7", Hex.Encode(structHash));
    }

    [Fact]
    public void Digest_DesignAuthorization_MatchesDesignVector()
    {
        var digest = Eip712.Digest(DomainSeparator, Eip712.TransferWithAuthorizationStructHash(Authorization));

        Assert.Equal("0x9ec527fd101c51abac28dd7a60ae2408a450792bb8fc1f3bbe6bdde735f7f67d", Hex.Encode(digest));
        Assert.Equal(digest, Eip712.TransferWithAuthorizationDigest(DomainSeparator, Authorization));
    }

    [Fact]
    public void Sign_DesignDigest_MatchesDesignSignature()
    {
        var digest = Eip712.TransferWithAuthorizationDigest(DomainSeparator, Authorization);

        var signature = Payer.Sign(digest);

        Assert.Equal("0x6e725dfdfd650e8bcc1e4d6a9bc8f356bd22539a082524440a510b34feeddc11", Hex.Encode(signature.R));
        Assert.Equal("0x4b696490355cde865fc04df462ea8d5ad5e6edf18a89a8c4fe2ec809c885eb0e", Hex.Encode(signature.S));
        Assert.Equal(27, signature.V);
        Assert.Equal(0, signature.RecoveryId);
        Assert.True(signature.IsLowS);
    }

    [Fact]
    public void RecoverAddress_DesignSignature_IsPayer()
    {
        var digest = Eip712.TransferWithAuthorizationDigest(DomainSeparator, Authorization);
        var signature = EcdsaSignature.Parse(
            "0x6e725dfdfd650e8bcc1e4d6a9bc8f356bd22539a082524440a510b34feeddc11"
            + "4b696490355cde865fc04df462ea8d5ad5e6edf18a89a8c4fe2ec809c885eb0e1b");

        Assert.Equal(Payer.Address, Secp256k1Recovery.RecoverAddress(digest, signature));
    }

    [Fact]
    public void RecoverAddress_ChangedValue_IsNotPayer()
    {
        var signature = Payer.Sign(Eip712.TransferWithAuthorizationDigest(DomainSeparator, Authorization));
        var tampered = Eip712.TransferWithAuthorizationDigest(DomainSeparator, Authorization with { Value = 10001 });

        Assert.True(Secp256k1Recovery.TryRecoverAddress(tampered, signature, out var recovered));
        Assert.NotEqual(Payer.Address, recovered);
    }

    [Fact]
    public void StructHash_NonceNot32Bytes_ThrowsFormatException()
    {
        Assert.Throws<EthereumFormatException>(() => Eip712.TransferWithAuthorizationStructHash(Authorization with { Nonce = new byte[31] }));
        Assert.Throws<EthereumFormatException>(() => Eip712.TransferWithAuthorizationStructHash(Authorization with { Nonce = null! }));
    }

    [Fact]
    public void StructHash_ValueOutOfRange_ThrowsFormatException()
    {
        Assert.Throws<EthereumFormatException>(() => Eip712.TransferWithAuthorizationStructHash(Authorization with { Value = BigInteger.One << 256 }));
        Assert.Throws<EthereumFormatException>(() => Eip712.TransferWithAuthorizationStructHash(Authorization with { ValidBefore = -1 }));
    }

    [Fact]
    public void Digest_WrongLengths_ThrowsFormatException()
    {
        Assert.Throws<EthereumFormatException>(() => Eip712.Digest(new byte[31], new byte[32]));
        Assert.Throws<EthereumFormatException>(() => Eip712.Digest(new byte[32], new byte[33]));
    }
}
