using System.Reflection;
using P402.Core.Chain.Ethereum;

namespace P402.Core.Chain.SmartWallets;

/// <summary>The calls that verify and settle a contract wallet's payment, ABI-encoded.</summary>
internal static class SmartWalletCalls
{
    /// <summary>Multicall3, at the same address on Base and (placed at start) on the dev chain.</summary>
    public static readonly EthAddress Multicall3 = EthAddress.Parse("0xcA11bde05977b3631167028862bE2a173976CA11");

    /// <summary>EIP-1271's <c>isValidSignature(bytes32,bytes)</c> selector, also the value a wallet answers when it agrees.</summary>
    public static readonly byte[] Erc1271MagicValue = [0x16, 0x26, 0xba, 0x7e];

    private static readonly byte[] TransferWithAuthorizationBytesSelector =
        Abi.Selector("transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,bytes)");

    private static readonly Lazy<byte[]> VerifierCreationCode = new(ReadVerifierCreationCode);

    /// <summary><c>isValidSignature(digest, signature)</c>, asked of the payer itself.</summary>
    public static byte[] IsValidSignature(byte[] digest, byte[] signature) =>
        Abi.EncodeCall(Erc1271MagicValue, AbiValue.Bytes32(digest), AbiValue.Bytes(signature));

    /// <summary>The <c>bytes signature</c> overload (0xcf092995) that USDC v2.2 checks with EIP-1271 for a signer with code.</summary>
    public static byte[] TransferWithAuthorization(TransferAuthorization a, byte[] signature) =>
        Abi.EncodeCall(TransferWithAuthorizationBytesSelector,
            AbiValue.Address(a.From), AbiValue.Address(a.To), AbiValue.Uint256(a.Value),
            AbiValue.Uint256(a.ValidAfter), AbiValue.Uint256(a.ValidBefore), AbiValue.Bytes32(a.Nonce),
            AbiValue.Bytes(signature));

    /// <summary>
    /// The data of a deployless <c>eth_call</c> (no <c>to</c>) that runs ERC-6492's check: Erc6492Verifier's
    /// creation code with its constructor arguments. It answers one <see cref="Erc6492Status"/> word.
    /// </summary>
    public static byte[] Erc6492Check(EthAddress signer, byte[] digest, byte[] wrappedSignature)
    {
        var arguments = Abi.Encode(AbiValue.Address(signer), AbiValue.Bytes32(digest), AbiValue.Bytes(wrappedSignature));
        return [.. VerifierCreationCode.Value, .. arguments];
    }

    /// <summary>
    /// Multicall3 <c>aggregate3</c>: deploy the wallet through its factory (allowed to fail, so that a wallet
    /// someone deployed meanwhile costs nothing but the factory's early return), then the transfer, which
    /// must succeed (<paramref name="transferMayFail"/> only in a simulation that wants the transfer's own revert).
    /// </summary>
    public static byte[] DeployAndTransfer(Erc6492Wrapper wrapper, EthAddress token, TransferAuthorization authorization, bool transferMayFail = false) =>
        Multicall3Calls.Aggregate3(
        [
            new Multicall3Call(wrapper.Factory, true, wrapper.FactoryCalldata),
            new Multicall3Call(token, transferMayFail, TransferWithAuthorization(authorization, wrapper.InnerSignature)),
        ]);

    private static byte[] ReadVerifierCreationCode()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("P402.Core.Chain.SmartWallets.Erc6492Verifier.hex")
            ?? throw new InvalidOperationException("Erc6492Verifier.hex is not embedded in P402.Core.");
        using var reader = new StreamReader(stream);
        return Hex.Decode(reader.ReadToEnd().Trim());
    }
}
