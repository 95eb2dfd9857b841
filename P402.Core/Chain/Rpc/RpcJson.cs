using System.Numerics;
using System.Text.Json;
using P402.Core.Chain.Ethereum;

namespace P402.Core.Chain.Rpc;

/// <summary>Reads Ethereum JSON-RPC objects (receipts, transactions, blocks) member by member.</summary>
internal static class RpcJson
{
    public static BigInteger Quantity(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => HexQuantity.Parse(value.GetString()),
        JsonValueKind.Number => BigInteger.Parse(value.GetRawText(), System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new EthereumFormatException($"Expected a quantity, got {value.ValueKind}."),
    };

    public static long Int64(JsonElement value)
    {
        var quantity = Quantity(value);
        return quantity <= long.MaxValue ? (long)quantity : throw new EthereumFormatException("A quantity does not fit 64 bits.");
    }

    public static BigInteger Quantity(JsonElement parent, string name) => Quantity(Required(parent, name));

    public static BigInteger? OptionalQuantity(JsonElement parent, string name) =>
        TryGet(parent, name, out var value) ? Quantity(value) : null;

    public static long Int64(JsonElement parent, string name) => Int64(Required(parent, name));

    public static long? OptionalInt64(JsonElement parent, string name) =>
        TryGet(parent, name, out var value) ? Int64(value) : null;

    public static EthAddress Address(JsonElement parent, string name) => EthAddress.Parse(Required(parent, name).GetString());

    public static EthAddress? OptionalAddress(JsonElement parent, string name) =>
        TryGet(parent, name, out var value) ? EthAddress.Parse(value.GetString()) : null;

    public static byte[] Bytes(JsonElement value) => Hex.Decode(value.GetString());

    public static byte[] Bytes(JsonElement parent, string name) => Bytes(Required(parent, name));

    public static string String(JsonElement parent, string name) =>
        Required(parent, name).GetString() ?? throw new EthereumFormatException($"'{name}' is not a string.");

    public static string? OptionalString(JsonElement parent, string name) =>
        TryGet(parent, name, out var value) ? value.GetString() : null;

    private static JsonElement Required(JsonElement parent, string name) =>
        TryGet(parent, name, out var value) ? value : throw new EthereumFormatException($"The member '{name}' is missing.");

    /// <summary>Present and not JSON null.</summary>
    private static bool TryGet(JsonElement parent, string name, out JsonElement value) =>
        parent.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
}
