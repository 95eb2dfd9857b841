using System.Security.Cryptography;
using System.Text.Json;
using P402.Core.Chain.DevChain;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.SmartWallets;
using P402.Core.Payments.Signatures;
using P402.Tests.Infrastructure;

namespace P402.Tests.SmartWallets;

/// <summary>The three signature kinds told apart by their bytes, and the ABI pieces around them.</summary>
public sealed class PaymentSignatureTests
{
    private static readonly byte[] Digest = Keccak256.Hash("p402"u8);

    [Theory]
    [InlineData(27)]
    [InlineData(28)]
    [InlineData(0)]
    [InlineData(1)]
    public void Classify_65BytesWithAnEthereumV_IsEcdsa(byte v)
    {
        var bytes = EthKey.Generate().Sign(Digest).ToBytes65();
        bytes[64] = v;
        var signature = PaymentSignature.Classify(bytes, out _)!;
        Assert.Equal(SignatureKind.Ecdsa, signature.Kind);
        Assert.Equal(v is 1 or 28 ? 1 : 0, signature.Ecdsa!.Value.RecoveryId);
    }

    [Fact]
    public void Classify_Erc2098Compact_RecoversTheSameKey()
    {
        var key = EthKey.Generate();
        var full = key.Sign(Digest);
        var compact = full.ToBytes65()[..64];
        compact[32] |= (byte)(full.RecoveryId << 7);

        var signature = PaymentSignature.Classify(compact, out _)!;

        Assert.Equal(SignatureKind.Ecdsa, signature.Kind);
        Assert.Equal(full, signature.Ecdsa);
        Assert.True(Secp256k1Recovery.TryRecoverAddress(Digest, signature.Ecdsa!.Value, out var signer));
        Assert.Equal(key.Address, signer);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(66)]
    [InlineData(300)]
    public void Classify_OtherLengths_AreForEip1271(int length)
    {
        var signature = PaymentSignature.Classify(RandomNumberGenerator.GetBytes(length), out _)!;
        Assert.Equal(SignatureKind.Erc1271, signature.Kind);
        Assert.Null(signature.Ecdsa);
    }

    [Fact]
    public void Classify_65BytesWithAnotherV_IsForEip1271() =>
        Assert.Equal(SignatureKind.Erc1271, PaymentSignature.Classify([.. new byte[64], 31], out _)!.Kind);

    [Fact]
    public void Classify_Erc6492Wrapper_TakesFactoryCalldataAndInnerSignatureApart()
    {
        var factory = EthKey.Generate().Address;
        byte[] calldata = [1, 2, 3, 4, 5];
        var inner = RandomNumberGenerator.GetBytes(65);
        var wrapped = new SmartAccount(EthKey.Generate(), EthKey.Generate().Address, new byte[32], factory).Wrap6492(inner);

        var signature = PaymentSignature.Classify(wrapped, out _)!;

        Assert.Equal(SignatureKind.Erc6492, signature.Kind);
        Assert.Equal(factory, signature.Wrapper!.Factory);
        Assert.Equal(Abi.EncodeCall(Abi.Selector("createAccount(bytes32)"), AbiValue.Bytes32(new byte[32])), signature.Wrapper.FactoryCalldata);
        Assert.Equal(inner, signature.Wrapper.InnerSignature);
        Assert.NotEqual(calldata, signature.Wrapper.FactoryCalldata);
    }

    [Fact]
    public void Classify_EmptyOrBrokenWrapper_IsRefusedWithAReason()
    {
        Assert.Null(PaymentSignature.Classify([], out var empty));
        Assert.Contains("empty", empty, StringComparison.Ordinal);
        Assert.Null(PaymentSignature.Classify([.. new byte[7], .. Erc6492Wrapper.Suffix], out var broken));
        Assert.Contains("ERC-6492", broken, StringComparison.Ordinal);
    }

    [Fact]
    public void Multicall3Results_EncodedLikeSolidity_DecodeBack()
    {
        // (bool,bytes)[] as Solidity returns it: [(true, 0x), (false, Error("no"))].
        var revert = Abi.EncodeCall([0x08, 0xc3, 0x79, 0xa0], AbiValue.String("no"));
        var first = Abi.Encode(AbiValue.Bool(true), AbiValue.Bytes([]));
        var second = Abi.Encode(AbiValue.Bool(false), AbiValue.Bytes(revert));
        byte[] data = [.. Abi.Encode(AbiValue.Uint256(32)), .. Abi.Encode(AbiValue.Uint256(2)), .. Abi.Encode(AbiValue.Uint256(64)),
            .. Abi.Encode(AbiValue.Uint256(64 + first.Length)), .. first, .. second];

        var results = Multicall3Calls.DecodeResults(data);

        Assert.Equal([true, false], results.Select(r => r.Success));
        Assert.Empty(results[0].ReturnData);
        Assert.True(Abi.TryDecodeRevertReason(results[1].ReturnData, out var reason));
        Assert.Equal("no", reason);
        Assert.Throws<EthereumFormatException>(() => Multicall3Calls.DecodeResults(data.AsSpan(0, 100)));
    }

    [Fact]
    public void Aggregate3_SelectorAndLayout_AreMulticall3s()
    {
        var call = Multicall3Calls.Aggregate3([new Multicall3Call(EthKey.Generate().Address, true, [9, 9])]);
        Assert.Equal("0x82ad56cb", Hex.Encode(call.AsSpan(0, 4)));
        var body = call.AsSpan(4);
        Assert.Equal(32, (int)Abi.DecodeUint256(body, 0)); // array offset
        Assert.Equal(1, (int)Abi.DecodeUint256(body, 1)); // length
        Assert.Equal(32, (int)Abi.DecodeUint256(body, 2)); // tuple offset, after the one offset word
        Assert.True(Abi.DecodeBool(body, 4));
    }

    [Fact]
    public async Task Erc6492VerifierHex_IsTheCompiledContract()
    {
        var path = Path.Combine(RepositoryRoot.Find(), "devchain", "build", "SmartWallets.json");
        using var artifact = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var compiled = artifact.RootElement.GetProperty("contracts").GetProperty("Erc6492Verifier").GetProperty("bytecode").GetString();
        var committed = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "P402.Core", "Chain", "SmartWallets", "Erc6492Verifier.hex"));
        Assert.Equal(compiled, committed.Trim());
        Assert.StartsWith(compiled![..10], Hex.Encode(SmartWalletCalls.Erc6492Check(EthAddress.Zero, Digest, [])), StringComparison.Ordinal);
    }

    [Fact]
    public void DevSmartWallets_DeployerIsAnvilAccount8_AndAddressesFollowItsNonces()
    {
        Assert.Equal(DevSmartWallets.Deployer.Address, EthKey.Parse(DevSmartWallets.Deployer.PrivateKey).Address);
        // CREATE's known answer: the first contract of 0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0 is 0xcd234a471b72ba2f1ccf0a70fcaba648a5eecd8d.
        Assert.Equal(EthAddress.Parse("0xcd234a471b72ba2f1ccf0a70fcaba648a5eecd8d"), DevSmartWallets.CreateAddress(EthAddress.Parse("0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0"), 0));
    }
}
