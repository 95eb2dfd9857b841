using System.Numerics;
using P402.Core.Chain.Ethereum;

namespace P402.Core.Chain;

/// <summary>
/// The EIP-3009/ERC-20 calls P402 makes, ABI-encoded. Every argument of these three is a static 32-byte
/// word, so the calldata is written word by word here: they are the /verify hot path (all three per verify),
/// where Nethereum's general encoder (<see cref="Abi.EncodeCall"/>) took 12–40 µs and 14 KB against 1.7–2 µs
/// (P402.Benchmarks/README.md). TokenCallsTests checks them against Nethereum's encoding.
/// </summary>
internal static class TokenCalls
{
    private const int Word = 32;

    private static readonly byte[] BalanceOfSelector = Abi.Selector("balanceOf(address)");
    private static readonly byte[] AuthorizationStateSelector = Abi.Selector("authorizationState(address,bytes32)");
    private static readonly byte[] TransferWithAuthorizationSelector =
        Abi.Selector("transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,uint8,bytes32,bytes32)");

    /// <summary>keccak("Transfer(address,address,uint256)"), topic 0 of the log a settlement must emit.</summary>
    public static readonly byte[] TransferTopic = Keccak256.Hash("Transfer(address,address,uint256)"u8);

    public static byte[] BalanceOf(EthAddress owner)
    {
        var data = Call(BalanceOfSelector, 1);
        Address(data, 0, owner);
        return data;
    }

    public static byte[] AuthorizationState(EthAddress from, byte[] nonce)
    {
        var data = Call(AuthorizationStateSelector, 2);
        Address(data, 0, from);
        Bytes32(data, 1, nonce);
        return data;
    }

    /// <summary>The (v, r, s) overload: every EOA signature fits it, and it is the cheaper one.</summary>
    public static byte[] TransferWithAuthorization(TransferAuthorization a, EcdsaSignature signature)
    {
        var data = Call(TransferWithAuthorizationSelector, 9);
        Address(data, 0, a.From);
        Address(data, 1, a.To);
        Uint256(data, 2, a.Value, "value");
        Uint256(data, 3, a.ValidAfter, "validAfter");
        Uint256(data, 4, a.ValidBefore, "validBefore");
        Bytes32(data, 5, a.Nonce);
        Slot(data, 6)[Word - 1] = signature.V;
        signature.RSpan.CopyTo(Slot(data, 7));
        signature.SSpan.CopyTo(Slot(data, 8));
        return data;
    }

    private static byte[] Call(byte[] selector, int words)
    {
        var data = new byte[Abi.SelectorLength + (words * Word)];
        selector.CopyTo(data, 0);
        return data;
    }

    private static Span<byte> Slot(byte[] data, int slot) => data.AsSpan(Abi.SelectorLength + (slot * Word), Word);

    private static void Address(byte[] data, int slot, EthAddress address) => address.Bytes.CopyTo(Slot(data, slot)[(Word - EthAddress.Length)..]);

    private static void Bytes32(byte[] data, int slot, byte[] value)
    {
        if (value is not { Length: Word })
        {
            throw new EthereumFormatException($"bytes32 takes exactly 32 bytes, got {value?.Length ?? 0}.");
        }
        value.CopyTo(Slot(data, slot));
    }

    private static void Uint256(byte[] data, int slot, BigInteger value, string what)
    {
        var length = value.Sign < 0 ? int.MaxValue : value.GetByteCount(isUnsigned: true);
        if (length > Word)
        {
            throw new EthereumFormatException($"{what} is in [0, 2^256).");
        }
        value.TryWriteBytes(Slot(data, slot)[(Word - length)..], out _, isUnsigned: true, isBigEndian: true);
    }
}
