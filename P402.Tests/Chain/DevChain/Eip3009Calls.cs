using System.Numerics;
using System.Security.Cryptography;
using P402.Core.Chain.Ethereum;
using P402.Tests.Infrastructure;
using DevChainNode = P402.Core.Chain.DevChain.DevChain;

namespace P402.Tests.Chain.DevChain;

/// <summary>EIP-3009 authorizations for DevUsdc, signed in C# (Eip712 + EthKey), and the calldata that carries them.</summary>
internal static class Eip3009Calls
{
    public static readonly byte[] TransferVrs =
        Abi.Selector("transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,uint8,bytes32,bytes32)");
    public static readonly byte[] TransferBytes =
        Abi.Selector("transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,bytes)");
    public static readonly byte[] ReceiveVrs =
        Abi.Selector("receiveWithAuthorization(address,address,uint256,uint256,uint256,bytes32,uint8,bytes32,bytes32)");
    public static readonly byte[] CancelVrs = Abi.Selector("cancelAuthorization(address,bytes32,uint8,bytes32,bytes32)");
    public static readonly byte[] AuthorizationStateSelector = Abi.Selector("authorizationState(address,bytes32)");

    private static readonly byte[] ReceiveTypeHash = Keccak256.Hash(
        "ReceiveWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)"u8);
    private static readonly byte[] CancelTypeHash = Keccak256.Hash("CancelAuthorization(address authorizer,bytes32 nonce)"u8);

    public static byte[] Domain { get; } = Eip712.DomainSeparator("USD Coin", "2", 8453, DevChainNode.BaseUsdcAddress);

    public static TransferAuthorization Authorization(EthAddress from, EthAddress to, BigInteger value, long validBefore, long validAfter = 0) =>
        new(from, to, value, validAfter, validBefore, RandomNumberGenerator.GetBytes(32));

    public static EcdsaSignature SignTransfer(EthKey payer, TransferAuthorization authorization) =>
        payer.Sign(Eip712.TransferWithAuthorizationDigest(Domain, authorization));

    public static EcdsaSignature SignReceive(EthKey payer, TransferAuthorization a) =>
        payer.Sign(Eip712.Digest(Domain, Keccak256.Hash(Abi.Encode(AbiValue.Bytes32(ReceiveTypeHash), AbiValue.Address(a.From),
            AbiValue.Address(a.To), AbiValue.Uint256(a.Value), AbiValue.Uint256(a.ValidAfter), AbiValue.Uint256(a.ValidBefore),
            AbiValue.Bytes32(a.Nonce)))));

    public static EcdsaSignature SignCancel(EthKey authorizer, byte[] nonce) =>
        authorizer.Sign(Eip712.Digest(Domain, Keccak256.Hash(Abi.Encode(AbiValue.Bytes32(CancelTypeHash),
            AbiValue.Address(authorizer.Address), AbiValue.Bytes32(nonce)))));

    /// <summary>The (…, uint8 v, bytes32 r, bytes32 s) overload (0xe3ee160e), or receiveWithAuthorization's with <paramref name="selector"/>.</summary>
    public static byte[] WithVrs(TransferAuthorization a, EcdsaSignature signature, byte[]? selector = null) =>
        Abi.EncodeCall(selector ?? TransferVrs, [.. Fields(a), AbiValue.Uint8(signature.V), AbiValue.Bytes32(signature.R), AbiValue.Bytes32(signature.S)]);

    /// <summary>The (…, bytes signature) overload (0xcf092995), r ‖ s ‖ v.</summary>
    public static byte[] WithBytes(TransferAuthorization a, byte[] signature65) =>
        Abi.EncodeCall(TransferBytes, [.. Fields(a), AbiValue.Bytes(signature65)]);

    public static byte[] Cancel(EthAddress authorizer, byte[] nonce, EcdsaSignature signature) =>
        Abi.EncodeCall(CancelVrs, AbiValue.Address(authorizer), AbiValue.Bytes32(nonce),
            AbiValue.Uint8(signature.V), AbiValue.Bytes32(signature.R), AbiValue.Bytes32(signature.S));

    public static byte[] AuthorizationState(EthAddress authorizer, byte[] nonce) =>
        Abi.EncodeCall(AuthorizationStateSelector, AbiValue.Address(authorizer), AbiValue.Bytes32(nonce));

    /// <summary>A fresh payer holding 10 USDC and its authorization of <paramref name="value"/> to a fresh recipient, valid for <paramref name="validFor"/> s of block time.</summary>
    public static async Task<(EthKey Payer, TransferAuthorization Authorization)> FundedAuthorizationAsync(
        AnvilChainFixture anvil, BigInteger value, long validFor = 3600, long validAfter = 0)
    {
        var payer = EthKey.Generate();
        await anvil.MintUsdcAsync(payer.Address, 10_000_000);
        var now = await anvil.LatestBlockTimestampAsync();
        return (payer, Authorization(payer.Address, EthKey.Generate().Address, value, now + validFor, validAfter));
    }

    public static async Task<bool> IsUsedAsync(AnvilChainFixture anvil, EthAddress authorizer, byte[] nonce) =>
        Abi.DecodeBool(await anvil.Rpc.CallAsync(anvil.Usdc, AuthorizationState(authorizer, nonce)));

    private static AbiValue[] Fields(TransferAuthorization a) =>
    [
        AbiValue.Address(a.From), AbiValue.Address(a.To), AbiValue.Uint256(a.Value),
        AbiValue.Uint256(a.ValidAfter), AbiValue.Uint256(a.ValidBefore), AbiValue.Bytes32(a.Nonce),
    ];
}
