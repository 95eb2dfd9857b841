using System.Numerics;
using Nethereum.ABI.Decoders;
using Nethereum.ABI.FunctionEncoding;

namespace P402.Core.Chain.Ethereum;

/// <summary>
/// Return data comes from a node and is not trusted: the layout (slot present, zero padding, offsets and
/// lengths inside the data) is checked here, where Nethereum's decoders would truncate or pad; the values
/// are then read by Nethereum's decoders.
/// </summary>
public static partial class Abi
{
    /// <summary>The uint256 in head slot <paramref name="slot"/> of return data.</summary>
    public static BigInteger DecodeUint256(ReadOnlySpan<byte> data, int slot = 0) =>
        new IntTypeDecoder(false).DecodeBigInteger(SlotWord(data, slot).ToArray());

    /// <summary>The address in head slot <paramref name="slot"/>; the 12 padding bytes must be zero.</summary>
    public static EthAddress DecodeAddress(ReadOnlySpan<byte> data, int slot = 0)
    {
        var word = SlotWord(data, slot);
        if (word[..(Word - EthAddress.Length)].IndexOfAnyExcept((byte)0) >= 0)
        {
            throw new EthereumFormatException("An ABI address word has non-zero padding.");
        }
        return EthAddress.Parse((string)new AddressTypeDecoder().Decode(word.ToArray(), typeof(string)));
    }

    /// <summary>The bool in head slot <paramref name="slot"/>; only 0 and 1 are valid.</summary>
    public static bool DecodeBool(ReadOnlySpan<byte> data, int slot = 0)
    {
        var word = SlotWord(data, slot);
        if (word[..(Word - 1)].IndexOfAnyExcept((byte)0) >= 0 || word[Word - 1] > 1)
        {
            throw new EthereumFormatException("An ABI bool is 0 or 1.");
        }
        return new BoolTypeDecoder().Decode(word.ToArray());
    }

    /// <summary>The dynamic string whose offset is in head slot <paramref name="slot"/>.</summary>
    public static string DecodeString(ReadOnlySpan<byte> data, int slot = 0) =>
        new StringTypeDecoder().Decode(DynamicTail(data, slot));

    /// <summary>The dynamic bytes whose offset is in head slot <paramref name="slot"/>.</summary>
    public static byte[] DecodeBytes(ReadOnlySpan<byte> data, int slot = 0) =>
        (byte[])new BytesTypeDecoder().Decode(DynamicTail(data, slot), typeof(byte[]));

    /// <summary>Reads a Solidity <c>Error(string)</c> revert (selector 0x08c379a0); false for anything else.</summary>
    public static bool TryDecodeRevertReason(ReadOnlySpan<byte> returnData, out string reason)
    {
        reason = string.Empty;
        var hex = Hex.Encode(returnData);
        if (!ErrorFunction.IsErrorData(hex) || !TryGetDynamicTail(returnData[SelectorLength..], 0, out _))
        {
            return false;
        }
        reason = new FunctionCallDecoder().DecodeFunctionErrorMessage(hex) ?? string.Empty;
        return true;
    }

    private static ReadOnlySpan<byte> SlotWord(ReadOnlySpan<byte> data, int slot)
    {
        if (slot < 0 || slot > (data.Length / Word) - 1)
        {
            throw new EthereumFormatException($"ABI data of {data.Length} bytes has no slot {slot}.");
        }
        return data.Slice(slot * Word, Word);
    }

    /// <summary>The length word and the data of a dynamic value, checked to lie inside <paramref name="data"/>.</summary>
    private static byte[] DynamicTail(ReadOnlySpan<byte> data, int slot) =>
        TryGetDynamicTail(data, slot, out var tail)
            ? tail.ToArray()
            : throw new EthereumFormatException($"ABI data has no valid dynamic bytes at slot {slot}.");

    private static bool TryGetDynamicTail(ReadOnlySpan<byte> data, int slot, out ReadOnlySpan<byte> tail)
    {
        tail = default;
        if (slot < 0 || slot > (data.Length / Word) - 1
            || !TryReadLength(data.Slice(slot * Word, Word), out var offset)
            || offset > data.Length - Word
            || !TryReadLength(data.Slice(offset, Word), out var length)
            || length > data.Length - offset - Word)
        {
            return false;
        }
        tail = data.Slice(offset, Word + length);
        return true;
    }

    /// <summary>A word that must hold a small non-negative int (an offset or a length).</summary>
    private static bool TryReadLength(ReadOnlySpan<byte> word, out int value)
    {
        value = 0;
        if (word[..(Word - 4)].IndexOfAnyExcept((byte)0) >= 0 || word[Word - 4] >= 0x80)
        {
            return false;
        }
        value = (word[Word - 4] << 24) | (word[Word - 3] << 16) | (word[Word - 2] << 8) | word[Word - 1];
        return true;
    }
}
