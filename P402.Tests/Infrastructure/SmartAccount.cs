using System.Security.Cryptography;
using System.Text;
using P402.Core.Chain.DevChain;
using P402.Core.Chain.Ethereum;

namespace P402.Tests.Infrastructure;

/// <summary>
/// A Solady ERC-4337 account (DevSmartAccount behind an ERC-1967 proxy from Solady's factory) owned by
/// <see cref="Owner"/>, deployed or not. It signs the way viem's <c>toSoladySmartAccount</c> does: ERC-7739
/// nested typed data (<c>TypedDataSign</c>), wrapped in ERC-6492 while the account is counterfactual.
/// </summary>
public sealed record SmartAccount(EthKey Owner, EthAddress Address, byte[] Salt, EthAddress Factory)
{
    private const string ContentsType =
        "TransferWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)";

    private static readonly byte[] TypedDataSignTypehash = Keccak256.Hash(Encoding.UTF8.GetBytes(
        "TypedDataSign(TransferWithAuthorization contents,string name,string version,uint256 chainId,address verifyingContract,bytes32 salt)" + ContentsType));

    private static readonly byte[] Erc6492Suffix = [.. Enumerable.Repeat<byte[]>([0x64, 0x92], 16).SelectMany(pair => pair)];

    /// <summary>A salt whose upper 160 bits are the owner, as Solady's factory wants.</summary>
    public static byte[] SaltFor(EthAddress owner) => [.. owner.Bytes, .. RandomNumberGenerator.GetBytes(12)];

    /// <summary><c>createAccount(bytes32 ownSalt)</c> on the factory.</summary>
    public byte[] FactoryCalldata => Abi.EncodeCall(Abi.Selector("createAccount(bytes32)"), AbiValue.Bytes32(Salt));

    /// <summary>The ERC-1271 signature the account accepts for the token digest (ERC-7739 nested EIP-712), signed by <paramref name="signer"/> (the owner unless a test says otherwise).</summary>
    public byte[] SignNested(byte[] appDomainSeparator, byte[] contents, long chainId = DevChain.BaseChainId, EthKey? signer = null)
    {
        var typedDataSign = Keccak256.Hash(Abi.Encode(
            AbiValue.Bytes32(TypedDataSignTypehash), AbiValue.Bytes32(contents),
            AbiValue.Bytes32(Keccak256.Hash("P402DevSmartAccount"u8)), AbiValue.Bytes32(Keccak256.Hash("1"u8)),
            AbiValue.Uint256(chainId), AbiValue.Address(Address), AbiValue.Bytes32(new byte[32])));
        var ownerSignature = (signer ?? Owner).Sign(Eip712.Digest(appDomainSeparator, typedDataSign)).ToBytes65();
        var description = Encoding.UTF8.GetBytes(ContentsType);
        return [.. ownerSignature, .. appDomainSeparator, .. contents, .. description, (byte)(description.Length >> 8), (byte)description.Length];
    }

    /// <summary>ERC-6492: <c>abi.encode(factory, factoryCalldata, signature) ‖ 0x6492…6492</c>.</summary>
    public byte[] Wrap6492(byte[] signature, EthAddress? factory = null) =>
        [.. Abi.Encode(AbiValue.Address(factory ?? Factory), AbiValue.Bytes(FactoryCalldata), AbiValue.Bytes(signature)), .. Erc6492Suffix];
}
