using System.Text;

namespace P402.Core.Chain.Ethereum;

/// <summary>
/// The Solidity contract ABI, as much as P402 needs: selectors, call encoding (head/tail, with
/// dynamic <c>bytes</c>/<c>string</c>) and decoding of single return values. Decoding lives in Abi.Decode.cs.
/// </summary>
public static partial class Abi
{
    private const int Word = 32;
    public const int SelectorLength = 4;

    /// <summary>The first 4 bytes of keccak256 of a canonical signature such as <c>transfer(address,uint256)</c>.</summary>
    public static byte[] Selector(string signature)
    {
        if (string.IsNullOrWhiteSpace(signature))
        {
            throw new EthereumFormatException("A function signature such as transfer(address,uint256) is required.");
        }
        Span<byte> hash = stackalloc byte[Keccak256.HashLength];
        Keccak256.Hash(Encoding.ASCII.GetBytes(signature), hash);
        return hash[..SelectorLength].ToArray();
    }

    /// <summary>selector || abi.encode(args...): the calldata of a contract call.</summary>
    public static byte[] EncodeCall(ReadOnlySpan<byte> selector, params AbiValue[] args)
    {
        if (selector.Length != SelectorLength)
        {
            throw new EthereumFormatException($"A selector is 4 bytes, got {selector.Length}.");
        }
        var arguments = Validate(args);
        var data = new byte[SelectorLength + EncodedLength(arguments)];
        selector.CopyTo(data);
        Write(arguments, data.AsSpan(SelectorLength));
        return data;
    }

    /// <summary>abi.encode(args...) without a selector.</summary>
    public static byte[] Encode(params AbiValue[] args)
    {
        var arguments = Validate(args);
        var data = new byte[EncodedLength(arguments)];
        Write(arguments, data);
        return data;
    }

    private static AbiValue[] Validate(AbiValue[]? args)
    {
        args ??= [];
        if (Array.IndexOf(args, null) >= 0)
        {
            throw new EthereumFormatException("ABI arguments must not be null.");
        }
        return args;
    }

    private static int EncodedLength(AbiValue[] args)
    {
        var length = args.Length * Word;
        foreach (var arg in args)
        {
            length += arg.TailLength;
        }
        return length;
    }

    private static void Write(AbiValue[] args, Span<byte> destination)
    {
        var tailOffset = args.Length * Word;
        for (var i = 0; i < args.Length; i++)
        {
            var head = destination.Slice(i * Word, Word);
            if (args[i].IsDynamic)
            {
                UInt256.Write(tailOffset, head, "offset");
                args[i].WriteTail(destination.Slice(tailOffset, args[i].TailLength));
                tailOffset += args[i].TailLength;
            }
            else
            {
                args[i].HeadWord.CopyTo(head);
            }
        }
    }
}
