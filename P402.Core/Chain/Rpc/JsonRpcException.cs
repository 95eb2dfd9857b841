using System.Text.Json;
using P402.Core.Chain.Ethereum;

namespace P402.Core.Chain.Rpc;

/// <summary>
/// The node answered, with a JSON-RPC error object: a bad method or parameter, a rejected
/// transaction (nonce too low, underpriced), or a reverted call (code 3, revert data in <see cref="ErrorData"/>).
/// The node is reachable; retrying the same request gives the same answer.
/// </summary>
public sealed class JsonRpcException : Exception
{
    /// <summary>The code nodes use for a call or gas estimate that reverted (EIP-1474).</summary>
    public const int ExecutionRevertedCode = 3;

    public JsonRpcException(string method, int code, string rpcMessage, JsonElement? errorData = null)
        : base($"{method} failed: {rpcMessage} (JSON-RPC error {code}).")
    {
        Method = method;
        Code = code;
        RpcMessage = rpcMessage;
        ErrorData = errorData;
    }

    public string Method { get; }

    public int Code { get; }

    /// <summary>The node's own message, e.g. "execution reverted: FiatTokenV2: invalid signature".</summary>
    public string RpcMessage { get; }

    /// <summary>The error's <c>data</c> member as sent (detached from the response document), if any.</summary>
    public JsonElement? ErrorData { get; }

    /// <summary>A revert: code 3, or a node that only says so in the message.</summary>
    public bool IsExecutionReverted =>
        Code == ExecutionRevertedCode || RpcMessage.StartsWith("execution reverted", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The revert data (ABI-encoded error) when <see cref="ErrorData"/> carries it, either as a hex string
    /// (anvil, geth) or as an object with a hex <c>data</c> member (some providers).
    /// </summary>
    public bool TryGetRevertData(out byte[] revertData)
    {
        revertData = [];
        if (ErrorData is not { } data)
        {
            return false;
        }
        if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("data", out var inner))
        {
            data = inner;
        }
        if (data.ValueKind == JsonValueKind.String && Hex.TryDecode(data.GetString(), out var bytes))
        {
            revertData = bytes;
            return true;
        }
        return false;
    }

    internal static JsonRpcException FromError(string method, JsonElement error)
    {
        var code = error.TryGetProperty("code", out var codeElement) && codeElement.TryGetInt32(out var parsed) ? parsed : 0;
        var message = error.TryGetProperty("message", out var messageElement) && messageElement.ValueKind == JsonValueKind.String
            ? messageElement.GetString() ?? ""
            : "";
        JsonElement? data = error.TryGetProperty("data", out var dataElement) && dataElement.ValueKind != JsonValueKind.Null
            ? dataElement.Clone()
            : null;
        return new JsonRpcException(method, code, message, data);
    }
}
