using P402.Core.Chain.Ethereum;

namespace P402.Core.Chain;

/// <summary>The EIP-3009/ERC-20 calls P402 makes, ABI-encoded.</summary>
internal static class TokenCalls
{
    private static readonly byte[] BalanceOfSelector = Abi.Selector("balanceOf(address)");
    private static readonly byte[] AuthorizationStateSelector = Abi.Selector("authorizationState(address,bytes32)");
    private static readonly byte[] TransferWithAuthorizationSelector =
        Abi.Selector("transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,uint8,bytes32,bytes32)");

    /// <summary>keccak("Transfer(address,address,uint256)"), topic 0 of the log a settlement must emit.</summary>
    public static readonly byte[] TransferTopic = Keccak256.Hash("Transfer(address,address,uint256)"u8);

    public static byte[] BalanceOf(EthAddress owner) => Abi.EncodeCall(BalanceOfSelector, AbiValue.Address(owner));

    public static byte[] AuthorizationState(EthAddress from, byte[] nonce) =>
        Abi.EncodeCall(AuthorizationStateSelector, AbiValue.Address(from), AbiValue.Bytes32(nonce));

    /// <summary>The (v, r, s) overload: every EOA signature fits it, and it is the cheaper one.</summary>
    public static byte[] TransferWithAuthorization(TransferAuthorization a, EcdsaSignature signature) =>
        Abi.EncodeCall(TransferWithAuthorizationSelector,
            AbiValue.Address(a.From), AbiValue.Address(a.To), AbiValue.Uint256(a.Value),
            AbiValue.Uint256(a.ValidAfter), AbiValue.Uint256(a.ValidBefore), AbiValue.Bytes32(a.Nonce),
            AbiValue.Uint8(signature.V), AbiValue.Bytes32(signature.R), AbiValue.Bytes32(signature.S));
}
