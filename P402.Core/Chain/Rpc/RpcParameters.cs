using System.Numerics;
using System.Text.Json;
using Newtonsoft.Json.Linq;
using P402.Core.Chain.Ethereum;

namespace P402.Core.Chain.Rpc;

/// <summary>
/// P402's parameter values as Nethereum's serializer should write them, the way Ethereum nodes expect:
/// <see cref="BigInteger"/> → hex quantity, <c>byte[]</c> → hex data, <see cref="EthAddress"/> → lower-case
/// hex, int/long → JSON number, strings as they are, dictionaries → objects, lists → arrays,
/// <see cref="JsonElement"/> → itself. No parameters is an empty array, as before.
/// </summary>
internal static class RpcParameters
{
    public static object?[] ToNethereum(IReadOnlyList<object?>? parameters)
    {
        if (parameters is null || parameters.Count == 0)
        {
            return [];
        }
        var mapped = new object?[parameters.Count];
        for (var i = 0; i < mapped.Length; i++)
        {
            mapped[i] = Map(parameters[i]);
        }
        return mapped;
    }

    private static object? Map(object? value) => value switch
    {
        null or string or bool or int or long => value,
        BigInteger quantity => HexQuantity.Format(quantity),
        byte[] bytes => Hex.Encode(bytes),
        ReadOnlyMemory<byte> bytes => Hex.Encode(bytes.Span),
        EthAddress address => address.ToLowerHex(),
        JsonElement element => new JRaw(element.GetRawText()),
        IEnumerable<KeyValuePair<string, object?>> members => members.ToDictionary(member => member.Key, member => Map(member.Value)),
        IEnumerable<object?> items => items.Select(Map).ToArray(),
        _ => throw new ArgumentException($"A JSON-RPC parameter of type {value.GetType().Name} is not supported.", nameof(value)),
    };
}
