using System.Text.Json;

namespace P402.Core.Chain.Rpc;

/// <summary>One answer of a batch: a result, or the node's error for that call alone.</summary>
public sealed class JsonRpcResponse
{
    private readonly JsonElement _result;

    internal JsonRpcResponse(JsonElement result, JsonRpcException? error)
    {
        _result = result;
        Error = error;
    }

    public JsonRpcException? Error { get; }

    public bool IsError => Error is not null;

    /// <summary>The result (a detached element; JSON null for e.g. an unknown receipt). Throws the error if the call failed.</summary>
    public JsonElement Result => Error is null ? _result : throw Error;
}
