using Nethereum.JsonRpc.Client;
using Nethereum.JsonRpc.Client.RpcMessages;
using BatchItemError = Nethereum.JsonRpc.Client.RpcError;

namespace P402.Core.Chain.Rpc;

/// <summary>
/// One call of a batch as Nethereum's <see cref="RpcRequestResponseBatch"/> holds it. It keeps the node's
/// answer as it came, so <see cref="JsonRpcClient"/> tells an answered call from one the node left
/// unanswered (Nethereum leaves such an item without a response or an error).
/// </summary>
internal sealed class NodeBatchItem(RpcRequestMessage request) : IRpcRequestResponseBatchItem
{
    public RpcRequestMessage RpcRequestMessage { get; } = request;

    /// <summary>The node's answer to this call, or null when it gave none.</summary>
    public RpcResponseMessage? Answer { get; private set; }

    public bool HasError => Answer?.HasError ?? false;

    public object? RawResponse => Answer?.Result;

    public BatchItemError? RpcError => Answer?.Error is { } error ? new BatchItemError(error.Code, error.Message, error.Data) : null;

    public void DecodeResponse(RpcResponseMessage rpcResponse) => Answer ??= rpcResponse;
}
