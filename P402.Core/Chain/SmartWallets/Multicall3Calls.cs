using P402.Core.Chain.Ethereum;

namespace P402.Core.Chain.SmartWallets;

/// <summary>
/// ABI of Multicall3's <c>aggregate3((address,bool,bytes)[])</c> and of its <c>(bool,bytes)[]</c> answer:
/// a dynamic array of dynamic tuples, which P402's small ABI encoder does not cover by itself.
/// </summary>
internal static class Multicall3Calls
{
    private const int Word = 32;
    private static readonly byte[] Aggregate3Selector = Abi.Selector("aggregate3((address,bool,bytes)[])");

    public static byte[] Aggregate3(IReadOnlyList<Multicall3Call> calls)
    {
        // A tuple (address, bool, bytes) encodes like that argument list; the array holds their offsets.
        var tuples = calls.Select(c => Abi.Encode(AbiValue.Address(c.Target), AbiValue.Bool(c.AllowFailure), AbiValue.Bytes(c.CallData))).ToList();
        var body = new List<byte[]> { Abi.Encode(AbiValue.Uint256(Word)), Abi.Encode(AbiValue.Uint256(calls.Count)) };
        var offset = tuples.Count * Word;
        foreach (var tuple in tuples)
        {
            body.Add(Abi.Encode(AbiValue.Uint256(offset)));
            offset += tuple.Length;
        }
        body.AddRange(tuples);
        return [.. Aggregate3Selector, .. body.SelectMany(part => part)];
    }

    /// <summary>Reads <c>(bool success, bytes returnData)[]</c>; malformed data throws <see cref="EthereumFormatException"/>.</summary>
    public static IReadOnlyList<Multicall3Result> DecodeResults(ReadOnlySpan<byte> data)
    {
        var array = Offset(data, 0, data.Length);
        var count = Offset(data, array, data.Length / Word);
        var items = array + Word;
        var results = new List<Multicall3Result>(count);
        for (var i = 0; i < count; i++)
        {
            var tuple = items + Offset(data, items + (i * Word), data.Length);
            if (tuple + (2 * Word) > data.Length)
            {
                throw new EthereumFormatException("A Multicall3 result points past the data.");
            }
            var success = Abi.DecodeBool(data.Slice(tuple, Word));
            results.Add(new Multicall3Result(success, Abi.DecodeBytes(data[tuple..], 1)));
        }
        return results;
    }

    private static int Offset(ReadOnlySpan<byte> data, int at, int max)
    {
        if (at < 0 || at + Word > data.Length)
        {
            throw new EthereumFormatException("Multicall3 result data is too short.");
        }
        var value = Abi.DecodeUint256(data.Slice(at, Word));
        return value <= max ? (int)value : throw new EthereumFormatException("A Multicall3 result offset is out of range.");
    }
}
