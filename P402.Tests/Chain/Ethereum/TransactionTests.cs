using System.Numerics;
using Nethereum.RLP;
using P402.Core.Chain.Ethereum;

namespace P402.Tests.Chain.Ethereum;

public sealed class TransactionTests
{
    private static readonly EthAddress Aaaa = EthAddress.Parse("0x000000000000000000000000000000000000aaaa");
    private static readonly EthKey EthereumJsKey = EthKey.Parse("0x8f2a55949038a9610f50fb23b5883af3b4ecb3c3bb792cbcefbd1542c692be63");

    // Vectors 1 and 2 of ethereumjs-monorepo packages/tx/test/json/eip1559.json (chain id 7822 = 0x1e8e,
    // empty data); the file wraps each raw transaction in one more RLP string header (b873/b872), dropped here.
    [Theory]
    [InlineData(819, 43203529, 35552, 75853, 121212,
        "0x02f870821e8e8203338301284d8301d97c828ae094000000000000000000000000000000000000aaaa8402933bc980c080a0d067f2167008c59219652f91cbf8788dbca5f771f6e91e2b7657e85b78b472e0a01d305af9fe81fdba43f0dfcd400ed24dcace0a7e30d4e85701dcaaf484cd079e")]
    [InlineData(353, 61901619, 32593, 38850, 136295,
        "0x02f86f821e8e8201618297c283021467827f5194000000000000000000000000000000000000aaaa8403b08b3380c001a004205678f13fc1d7b10feea6513dfa76e24418b6e08097d95c6f93a3b64e536da01d45ad61bfece43862de2cce7d2575a8c1d08c26c87f3cb5f26d7b0be54a91b2")]
    public void Sign_EthereumJsEip1559Vector_MatchesRawTransaction(
        int nonce, int value, int gasLimit, int maxPriorityFee, int maxFee, string expectedRaw)
    {
        var tx = new Eip1559Transaction(7822, nonce, maxPriorityFee, maxFee, gasLimit, Aaaa, value, []);

        var signed = tx.Sign(EthereumJsKey);

        Assert.Equal(expectedRaw, signed.RawHex);
        Assert.Equal(Hex.Encode(Keccak256.Hash(Hex.Decode(expectedRaw))), signed.HashHex);
    }

    [Fact]
    public void Sign_Eip1559WithCalldata_DecodesAndRecoversSender()
    {
        var key = EthKey.Parse("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
        var data = Abi.EncodeCall(Abi.Selector("transfer(address,uint256)"),
            AbiValue.Address(Aaaa), AbiValue.Uint256(1_000_000));
        var tx = new Eip1559Transaction(8453, 7, 1_000_000, 2_000_000_000, 120_000,
            EthAddress.Parse("0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913"), 0, data);

        var signed = tx.Sign(key);

        Assert.Equal(Eip1559Transaction.TransactionType, signed.Raw[0]);
        var fields = Fields(signed);
        Assert.Equal(12, fields.Count);
        Assert.Equal(data, fields[7].RLPData);
        Assert.Equal([0xc0], fields[8].RLPData);
        var signature = new EcdsaSignature(LeftPad(fields[10].RLPData), LeftPad(fields[11].RLPData), fields[9].RLPData is [var v] ? v : (byte)0);
        Assert.Equal(key.Address, Secp256k1Recovery.RecoverAddress(tx.SigningHash(), signature));
    }

    [Fact]
    public void SigningHash_ContractCreation_EncodesEmptyTo()
    {
        var create = new Eip1559Transaction(1, 0, 1, 1, 100_000, null, 0, [0x60, 0x00]);

        var fields = Fields(create.Sign(EthKey.Generate()));

        Assert.True(fields[5].RLPData is null or []);
        Assert.NotEqual(create.SigningHash(), (create with { To = Aaaa }).SigningHash());
    }

    [Fact]
    public void SigningHash_FieldOutOfRange_ThrowsFormatException()
    {
        var tx = new Eip1559Transaction(1, 0, 1, 1, 21000, Aaaa, 0, []);

        Assert.Throws<EthereumFormatException>(() => (tx with { Value = -1 }).SigningHash());
        Assert.Throws<EthereumFormatException>(() => (tx with { MaxFeePerGas = BigInteger.One << 256 }).SigningHash());
    }

    /// <summary>The fields of a signed type-2 transaction, decoded by Nethereum's RLP decoder.</summary>
    private static RLPCollection Fields(SignedTransaction signed) => (RLPCollection)RLP.Decode(signed.Raw[1..]);

    private static byte[] LeftPad(byte[]? bytes)
    {
        bytes ??= [];
        var word = new byte[32];
        bytes.CopyTo(word, 32 - bytes.Length);
        return word;
    }
}
