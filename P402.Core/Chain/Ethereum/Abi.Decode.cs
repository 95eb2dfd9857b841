using System.Numerics;
using System.Text;

namespace P402.Core.Chain.Ethereum;

public static partial class Abi
{
    private static readonly byte[] ErrorStringSelector = [0x08, 0xc3, 0x79, 0xa0];

    /// <summary>The uint256 in head slot <paramref name="slot"/> of return data.</summary>
    public static BigInteger DecodeUint256(ReadOnlySpan<byte> data, int slot = 0) => UInt256.Read(SlotWord(data, slot));

    /// <summary>The address in head slot <paramref name="slot"/>; the 12 padding bytes must be zero.</summary>
    public static EthAddress DecodeAddress(ReadOnlySpan<byte> data, int slot = 0)
    {
        var word = SlotWord(data, slot);
        if (word[..(Word - EthAddress.Length)].IndexOfAnyExcept((byte)0) >= 0)
        {
            throw new EthereumFormatException("An ABI address word has non-zero padding.");
        }
        return new EthAddress(word[(Word - EthAddress.Length)..]);
    }

    /// <summary>The bool in head slot <paramref name="slot"/>; only 0 and 1 are valid.</summary>
    public static bool DecodeBool(ReadOnlySpan<byte> data, int slot = 0)
    {
        var word = SlotWord(data, slot);
        if (word[..(Word - 1)].IndexOfAnyExcept((byte)0) >= 0 || word[Word - 1] > 1)
        {
            throw new EthereumFormatException("An ABI bool is 0 or 1.");
        }
        return word[Word - 1] == 1;
    }

    /// <summary>The dynamic string whose offset is in head slot <paramref name="slot"/>.</summary>
    public static string DecodeString(ReadOnlySpan<byte> data, int slot = 0) => Encoding.UTF8.GetString(DecodeBytesSpan(data, slot));

    /// <summary>The dynamic bytes whose offset is in head slot <paramref name="slot"/>.</summary>
    public static byte[] DecodeBytes(ReadOnlySpan<byte> data, int slot = 0) => DecodeBytesSpan(data, slot).ToArray();

    /// <summary>Reads a Solidity <c>Error(string)</c> revert (selector 0x08c379a0); false for anything else.</summary>
    public static bool TryDecodeRevertReason(ReadOnlySpan<byte> returnData, out string reason)
    {
        reason = string.Empty;
        if (returnData.Length < SelectorLength || !returnData[..SelectorLength].SequenceEqual(ErrorStringSelector)
            || !TryDecodeBytesSpan(returnData[SelectorLength..], 0, out var text))
        {
            return false;
        }
        reason = Encoding.UTF8.GetString(text);
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

    private static ReadOnlySpan<byte> DecodeBytesSpan(ReadOnlySpan<byte> data, int slot) =>
        TryDecodeBytesSpan(data, slot, out var bytes)
            ? bytes
            : throw new EthereumFormatException($"ABI data has no valid dynamic bytes at slot {slot}.");

    private static bool TryDecodeBytesSpan(ReadOnlySpan<byte> data, int slot, out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        if (slot < 0 || slot > (data.Length / Word) - 1
            || !TryReadLength(data.Slice(slot * Word, Word), out var offset)
            || offset > data.Length - Word
            || !TryReadLength(data.Slice(offset, Word), out var length)
            || length > data.Length - offset - Word)
        {
            return false;
        }
        bytes = data.Slice(offset + Word, length);
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
