using System.Text.Json;
using P402.Core.Chain.Rpc;

namespace P402.Core.Payments.Watcher;

/// <summary>
/// One read (a receipt by hash, a block by number) for many keys in one JSON-RPC batch per <see cref="ChunkSize"/>
/// keys; call by call (in parallel) for a node that refuses batches. An answer the node could not give is null,
/// as for a transaction not yet mined: the next pass asks again.
/// </summary>
internal sealed class ReadBatch<T>(IEthereumRpc rpc, string method, Func<string, IReadOnlyList<object?>> parameters,
    Func<JsonElement, T?> read, Func<IEthereumRpc, string, CancellationToken, Task<T?>> readOne) where T : class
{
    private const int ChunkSize = 100;
    private volatile bool _batchRefused;

    public static ReadBatch<TransactionReceipt> Receipts(IEthereumRpc rpc) =>
        new(rpc, "eth_getTransactionReceipt", static hash => [hash], TransactionReceipt.Read, static (r, hash, ct) => r.GetTransactionReceiptAsync(hash, ct));

    public static ReadBatch<BlockHeader> Blocks(IEthereumRpc rpc) =>
        new(rpc, "eth_getBlockByNumber", static number => [number, false], BlockHeader.Read, static (r, number, ct) => r.GetBlockHeaderAsync(number, ct));

    public async Task<T?[]> GetAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var answers = new T?[keys.Count];
        for (var start = 0; start < keys.Count; start += ChunkSize)
        {
            var count = Math.Min(ChunkSize, keys.Count - start);
            if (rpc is EthereumRpc { Client: var client } && !_batchRefused && count > 1
                && await TryBatchAsync(client, keys, start, count, answers, cancellationToken))
            {
                continue;
            }
            await Task.WhenAll(Enumerable.Range(start, count).Select(async i =>
                answers[i] = await readOne(rpc, keys[i], cancellationToken)));
        }
        return answers;
    }

    private async Task<bool> TryBatchAsync(JsonRpcClient client, IReadOnlyList<string> keys, int start, int count,
        T?[] answers, CancellationToken cancellationToken)
    {
        IReadOnlyList<JsonRpcResponse> responses;
        try
        {
            var requests = new JsonRpcRequest[count];
            for (var i = 0; i < count; i++)
            {
                requests[i] = new JsonRpcRequest(method, parameters(keys[start + i]));
            }
            responses = await client.BatchAsync(requests, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (BatchRefusal.Is(e))
        {
            _batchRefused = true;
            return false;
        }
        for (var i = 0; i < count; i++)
        {
            answers[start + i] = responses[i].IsError ? null : Read(responses[i]);
        }
        return true;
    }

    private T? Read(JsonRpcResponse response)
    {
        try
        {
            return read(response.Result);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException)
        {
            throw new RpcUnavailableException(method, "The node's answer is malformed.", e);
        }
    }
}
