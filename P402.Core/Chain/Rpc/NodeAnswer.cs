using System.Net;
using System.Text.Json;

namespace P402.Core.Chain.Rpc;

/// <summary>
/// Whether a node's HTTP answer is a JSON-RPC answer to the call, read once with a forward-only reader
/// before Nethereum deserializes it: a single call's answer is an object with a result or an error; a
/// batch's is an array, or (a node that refuses batches) one error object, which is that node's
/// <see cref="JsonRpcException"/> for the whole batch.
/// </summary>
internal static class NodeAnswer
{
    public static RpcUnavailableException StatusFailure(RpcCall call, HttpStatusCode status) =>
        new(call.Method, $"The node answered HTTP {(int)status}.", statusCode: status);

    /// <summary>Throws unless <paramref name="body"/> is a JSON-RPC answer; a 4xx passes only with a JSON-RPC error in it.</summary>
    public static void Check(RpcCall call, byte[] body, HttpStatusCode status)
    {
        var success = (int)status is >= 200 and < 300;
        JsonTokenType root;
        bool hasResult, hasError;
        try
        {
            (root, hasResult, hasError) = Read(body);
        }
        catch (JsonException exception)
        {
            throw success ? new RpcUnavailableException(call.Method, "The node's answer is not JSON.", exception) : StatusFailure(call, status);
        }
        var isError = root == JsonTokenType.StartObject && hasError;
        if (!success && !isError)
        {
            throw StatusFailure(call, status); // a 4xx that is the endpoint failing, not the node answering
        }
        if (call.IsBatch)
        {
            if (root == JsonTokenType.StartArray)
            {
                return;
            }
            if (isError)
            {
                using var document = JsonDocument.Parse(body);
                throw JsonRpcException.FromError(call.Method, document.RootElement.GetProperty("error"u8));
            }
            throw new RpcUnavailableException(call.Method, "The node's answer to a batch is not an array.");
        }
        if (root != JsonTokenType.StartObject)
        {
            throw new RpcUnavailableException(call.Method, "The node's answer is not a JSON-RPC response object.");
        }
        if (!hasResult && !hasError)
        {
            throw new RpcUnavailableException(call.Method, "The node's answer has neither result nor error.");
        }
    }

    /// <summary>The root token, and whether a root object has a <c>result</c> and an <c>error</c> object; throws on invalid JSON.</summary>
    private static (JsonTokenType Root, bool HasResult, bool HasError) Read(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        if (!reader.Read())
        {
            throw new JsonException("The answer is empty.");
        }
        var root = reader.TokenType;
        bool hasResult = false, hasError = false;
        while (reader.Read())
        {
            if (root != JsonTokenType.StartObject || reader.CurrentDepth != 1 || reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }
            if (reader.ValueTextEquals("result"u8))
            {
                hasResult = true;
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                hasError = reader.TokenType == JsonTokenType.StartObject;
                reader.Skip();
            }
        }
        return (root, hasResult, hasError);
    }
}
