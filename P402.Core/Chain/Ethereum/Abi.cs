using System.Text;
using Nethereum.ABI;

namespace P402.Core.Chain.Ethereum;

/// <summary>
/// The Solidity contract ABI as P402 calls it: selectors, and call encoding by Nethereum's
/// <see cref="ABIEncode"/> (head/tail, dynamic <c>bytes</c>/<c>string</c>). Decoding lives in Abi.Decode.cs.
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
        return Keccak256.Hash(Encoding.ASCII.GetBytes(signature))[..SelectorLength];
    }

    /// <summary>selector || abi.encode(args...): the calldata of a contract call.</summary>
    public static byte[] EncodeCall(ReadOnlySpan<byte> selector, params AbiValue[] args)
    {
        if (selector.Length != SelectorLength)
        {
            throw new EthereumFormatException($"A selector is 4 bytes, got {selector.Length}.");
        }
        var arguments = Encode(args);
        var data = new byte[SelectorLength + arguments.Length];
        selector.CopyTo(data);
        arguments.CopyTo(data, SelectorLength);
        return data;
    }

    /// <summary>abi.encode(args...) without a selector.</summary>
    public static byte[] Encode(params AbiValue[] args)
    {
        args ??= [];
        if (Array.IndexOf(args, null) >= 0)
        {
            throw new EthereumFormatException("ABI arguments must not be null.");
        }
        return args.Length == 0 ? [] : new ABIEncode().GetABIEncoded(Array.ConvertAll(args, static a => a.ToNethereum()));
    }
}
