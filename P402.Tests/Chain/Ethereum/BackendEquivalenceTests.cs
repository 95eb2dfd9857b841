using P402.Core.Chain.Ethereum;

namespace P402.Tests.Chain.Ethereum;

/// <summary>
/// The two recovery back ends of /verify, BouncyCastle and libsecp256k1, must agree bit for bit. The public
/// API uses the native library when it is installed (Debian: libsecp256k1-1), so BouncyCastle is also
/// tested directly here; so are the two signers, libsecp256k1 and NBitcoin.Secp256k1 (Nethereum's), which must give
/// the same bytes. Eip712DifferentialTests compares recovery with Nethereum's.
/// </summary>
public sealed class BackendEquivalenceTests
{
    private static readonly string[] DebianLibraryPaths =
        ["/usr/lib/x86_64-linux-gnu/libsecp256k1.so.1", "/usr/lib/aarch64-linux-gnu/libsecp256k1.so.1"];
    private static readonly byte[] DesignDigest = Hex.Decode("0x9ec527fd101c51abac28dd7a60ae2408a450792bb8fc1f3bbe6bdde735f7f67d");
    private static readonly EthKey DesignKey = EthKey.Parse("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

    [Fact]
    public void UsesNativeLibrary_DebianPackageInstalled_IsTrue()
    {
        Assert.Equal(DebianLibraryPaths.Any(File.Exists), Secp256k1Recovery.UsesNativeLibrary);
    }

    [Fact]
    public void Sign_DesignDigest_MatchesDesignSignature()
    {
        var signature = DesignKey.Sign(DesignDigest);

        Assert.Equal(
            "0x6e725dfdfd650e8bcc1e4d6a9bc8f356bd22539a082524440a510b34feeddc11"
            + "4b696490355cde865fc04df462ea8d5ad5e6edf18a89a8c4fe2ec809c885eb0e1b",
            signature.ToHex());
    }

    [Fact]
    public void TryRecoverPublicKeyBouncyCastle_DesignSignature_IsPayerKey()
    {
        var signature = DesignKey.Sign(DesignDigest);
        var publicKey = new byte[64];

        Assert.True(Secp256k1Recovery.TryRecoverPublicKeyBouncyCastle(DesignDigest, signature, publicKey));
        Assert.Equal(DesignKey.PublicKey.ToArray(), publicKey);
    }

    [Fact]
    public void SignAndRecover_RandomKeys_BothBackEndsAgree()
    {
        for (var i = 0; i < 25; i++)
        {
            var key = EthKey.Generate();
            var hash = Keccak256.Hash(key.PublicKey);

            var signature = key.Sign(hash);
            var viaBouncyCastle = new byte[64];
            var viaPublicApi = new byte[64];

            Assert.True(Secp256k1Recovery.TryRecoverPublicKeyBouncyCastle(hash, signature, viaBouncyCastle));
            Assert.True(Secp256k1Recovery.TryRecoverPublicKey(hash, signature, viaPublicApi));
            Assert.Equal(key.PublicKey.ToArray(), viaBouncyCastle);
            Assert.Equal(viaBouncyCastle, viaPublicApi);
        }
    }

    [Fact]
    public void Sign_2000RandomKeysAndHashes_NativeAndNBitcoinGiveTheSameSignature()
    {
        Assert.Equal(DebianLibraryPaths.Any(File.Exists), LibSecp256k1.IsAvailable);
        var hash = new byte[32];
        for (var i = 0; i < 2000; i++)
        {
            var key = EthKey.Generate();
            System.Security.Cryptography.RandomNumberGenerator.Fill(hash);

            var signature = key.Sign(hash);

            Assert.Equal(key.SignManaged(hash), signature);
            var publicKey = new byte[64];
            Assert.True(Secp256k1Recovery.TryRecoverPublicKey(hash, signature, publicKey));
            Assert.Equal(key.PublicKey.ToArray(), publicKey);
        }
    }

    [Fact]
    public void SignManaged_DesignDigest_MatchesDesignSignature()
    {
        Assert.Equal(DesignKey.Sign(DesignDigest), DesignKey.SignManaged(DesignDigest));
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000005", "01")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000", "01")]
    [InlineData("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", "01")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000001", "00")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000001", "7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a1")]
    public void TryRecoverPublicKey_InvalidSignature_BothBackEndsRefuse(string r, string s)
    {
        var signature = new EcdsaSignature(Hex.Decode(r), Hex.DecodeFixed(s.PadLeft(64, '0'), 32), 0);
        var publicKey = new byte[64];

        Assert.False(Secp256k1Recovery.TryRecoverPublicKeyBouncyCastle(DesignDigest, signature, publicKey));
        Assert.False(Secp256k1Recovery.TryRecoverPublicKeyNative(DesignDigest, signature, publicKey));
    }
}
