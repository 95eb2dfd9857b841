using System.Buffers;
using System.Numerics;
using System.Text.Json;
using P402.Core.Chain.Ethereum;

namespace P402.Core.Chain.Rpc;

/// <summary>
/// Writes JSON-RPC request bodies straight to UTF-8 without reflection. Parameter values map as
/// Ethereum nodes expect: <see cref="BigInteger"/> → hex quantity, <c>byte[]</c> → hex data,
/// <see cref="EthAddress"/> → lower-case hex, int/long → JSON number, strings as they are,
/// dictionaries → objects, lists → arrays, <see cref="JsonElement"/> → itself.
/// </summary>
internal static class JsonRpcWriter
{
    public static ReadOnlyMemory<byte> WriteRequest(long id, string method, IReadOnlyList<object?>? parameters)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteCall(writer, id, method, parameters);
        }
        return buffer.WrittenMemory;
    }

    public static ReadOnlyMemory<byte> WriteBatch(long firstId, IReadOnlyList<JsonRpcRequest> requests)
    {
        var buffer = new ArrayBufferWriter<byte>(256 * requests.Count);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            for (var i = 0; i < requests.Count; i++)
            {
                WriteCall(writer, firstId + i, requests[i].Method, requests[i].Params);
            }
            writer.WriteEndArray();
        }
        return buffer.WrittenMemory;
    }

    private static void WriteCall(Utf8JsonWriter writer, long id, string method, IReadOnlyList<object?>? parameters)
    {
        writer.WriteStartObject();
        writer.WriteString("jsonrpc"u8, "2.0"u8);
        writer.WriteNumber("id"u8, id);
        writer.WriteString("method"u8, method);
        writer.WriteStartArray("params"u8);
        if (parameters is not null)
        {
            foreach (var parameter in parameters)
            {
                WriteValue(writer, parameter);
            }
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case BigInteger quantity:
                writer.WriteStringValue(HexQuantity.Format(quantity));
                break;
            case byte[] bytes:
                writer.WriteStringValue(Hex.Encode(bytes));
                break;
            case ReadOnlyMemory<byte> bytes:
                writer.WriteStringValue(Hex.Encode(bytes.Span));
                break;
            case EthAddress address:
                writer.WriteStringValue(address.ToLowerHex());
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case IEnumerable<KeyValuePair<string, object?>> members:
                writer.WriteStartObject();
                foreach (var (name, member) in members)
                {
                    writer.WritePropertyName(name);
                    WriteValue(writer, member);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable<object?> items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }
                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"A JSON-RPC parameter of type {value.GetType().Name} is not supported.", nameof(value));
        }
    }
}
