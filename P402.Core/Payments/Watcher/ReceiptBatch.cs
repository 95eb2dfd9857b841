using System.Net;
using P402.Core.Chain.Rpc;

namespace P402.Core.Payments.Watcher;

/// <summary>
/// The receipts of many transactions in one JSON-RPC batch per <see cref="ChunkSize"/> hashes; call by
/// call (in parallel) for a node that refuses batches. A receipt the node could not give is null, as
/// for a transaction not yet mined: the next pass asks again.
/// </summary>
internal sealed class ReceiptBatch(IEthereumRpc rpc)
{
    private const int ChunkSize = 100;
    private const string Method = "eth_getTransactionReceipt";
    private volatile bool _batchRefused;

    public async Task<TransactionReceipt?[]> GetAsync(IReadOnlyList<string> hashes, CancellationToken cancellationToken)
    {
        var receipts = new TransactionReceipt?[hashes.Count];
        for (var start = 0; start < hashes.Count; start += ChunkSize)
        {
            var count = Math.Min(ChunkSize, hashes.Count - start);
            if (rpc is EthereumRpc { Client: var client } && !_batchRefused && count > 1
                && await TryBatchAsync(client, hashes, start, count, receipts, cancellationToken))
            {
                continue;
            }
            await Task.WhenAll(Enumerable.Range(start, count).Select(async i =>
                receipts[i] = await rpc.GetTransactionReceiptAsync(hashes[i], cancellationToken)));
        }
        return receipts;
    }

    private async Task<bool> TryBatchAsync(JsonRpcClient client, IReadOnlyList<string> hashes, int start, int count,
        TransactionReceipt?[] receipts, CancellationToken cancellationToken)
    {
        IReadOnlyList<JsonRpcResponse> answers;
        try
        {
            var requests = new JsonRpcRequest[count];
            for (var i = 0; i < count; i++)
            {
                requests[i] = new JsonRpcRequest(Method, [hashes[start + i]]);
            }
            answers = await client.BatchAsync(requests, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (IsRefusal(e))
        {
            _batchRefused = true;
            return false;
        }
        for (var i = 0; i < count; i++)
        {
            receipts[start + i] = answers[i].IsError ? null : Read(answers[i]);
        }
        return true;
    }

    private static TransactionReceipt? Read(JsonRpcResponse answer)
    {
        try
        {
            return TransactionReceipt.Read(answer.Result);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException)
        {
            throw new RpcUnavailableException(Method, "The node's receipt is malformed.", e);
        }
    }

    /// <summary>The node answered, but not to a batch; a node that is down (timeout, transport, 5xx, 429) is not a refusal.</summary>
    private static bool IsRefusal(Exception e) => e switch
    {
        JsonRpcException => true,
        RpcUnavailableException { IsTimeout: true } => false,
        RpcUnavailableException { InnerException: HttpRequestException } => false,
        RpcUnavailableException { StatusCode: { } status } => (int)status is >= 400 and < 500 && status != HttpStatusCode.TooManyRequests,
        RpcUnavailableException => true,
        _ => false,
    };
}
