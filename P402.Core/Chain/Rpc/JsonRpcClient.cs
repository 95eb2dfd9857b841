using System.Runtime.ExceptionServices;
using System.Text.Json;
using Nethereum.JsonRpc.Client;
using Nethereum.JsonRpc.Client.RpcMessages;

namespace P402.Core.Chain.Rpc;

/// <summary>
/// JSON-RPC 2.0 over Nethereum's <see cref="RpcClient"/>: single calls and batches, a timeout per call,
/// the caller's cancellation, and two kinds of failure: <see cref="JsonRpcException"/> (the node answered
/// with an error) and <see cref="RpcUnavailableException"/> (no usable answer: transport, timeout, 5xx,
/// garbage). What Nethereum 6.1 does not do per call (timeout, cancellation, a JSON-RPC error sent with a
/// 4xx) happens in <see cref="NodeHttpHandler"/> beneath it. Thread-safe; share one instance per endpoint.
/// </summary>
public sealed class JsonRpcClient
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly RpcClient _rpc;
    private long _lastId;

    /// <summary>Every request goes out through <paramref name="httpClient"/>, which may serve other endpoints too; it is not changed.</summary>
    public JsonRpcClient(HttpClient httpClient, Uri endpoint, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(endpoint);
        Endpoint = endpoint;
        Timeout = timeout ?? DefaultTimeout;
        var own = new HttpClient(new NodeHttpHandler(httpClient)) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _rpc = new RpcClient(endpoint, own, jsonSerializerSettings: RpcResult.Settings);
    }

    public Uri Endpoint { get; }

    /// <summary>The timeout of a call that names none.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Calls <paramref name="method"/> and hands its result to <paramref name="readResult"/>.</summary>
    public async Task<T> CallAsync<T>(string method, IReadOnlyList<object?>? parameters, Func<JsonElement, T> readResult,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readResult);
        var request = new RpcRequestMessage(Interlocked.Increment(ref _lastId), method, RpcParameters.ToNethereum(parameters));
        var call = new RpcCall(method, timeout ?? Timeout, IsBatch: false, cancellationToken);
        var answer = await SendAsync(call, () => _rpc.SendAsync(request));
        if (answer.HasError)
        {
            throw RpcResult.ToException(method, answer.Error);
        }
        try
        {
            return readResult(RpcResult.ToElement(answer.Result));
        }
        catch (Exception exception) when (exception is FormatException or InvalidOperationException or KeyNotFoundException)
        {
            throw new RpcUnavailableException(method, "The node's result is malformed.", exception);
        }
    }

    /// <summary>Calls <paramref name="method"/> and returns its result as a detached element.</summary>
    public Task<JsonElement> CallAsync(string method, IReadOnlyList<object?>? parameters = null,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        CallAsync(method, parameters, static result => result, timeout, cancellationToken);

    /// <summary>
    /// Sends the requests as one batch; answers come back in the order of <paramref name="requests"/>,
    /// each a result or that call's own error. A failure of the whole batch throws, and so does a call
    /// the node left unanswered.
    /// </summary>
    public async Task<IReadOnlyList<JsonRpcResponse>> BatchAsync(IReadOnlyList<JsonRpcRequest> requests,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0)
        {
            return [];
        }
        var firstId = Interlocked.Add(ref _lastId, requests.Count) - requests.Count + 1;
        var items = new NodeBatchItem[requests.Count];
        var batch = new RpcRequestResponseBatch { AcceptPartiallySuccessful = true };
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = new NodeBatchItem(new RpcRequestMessage(firstId + i, requests[i].Method, RpcParameters.ToNethereum(requests[i].Params)));
            batch.BatchItems.Add(items[i]);
        }
        var call = new RpcCall("batch", timeout ?? Timeout, IsBatch: true, cancellationToken);
        try
        {
            await SendAsync(call, () => _rpc.SendBatchRequestAsync(batch));
        }
        catch (InvalidOperationException exception)
        {
            // Nethereum matches each answer to its request by id and finds none for a stranger.
            throw new RpcUnavailableException(call.Method, "A batch answer carries no id of this batch.", exception);
        }
        var answers = new JsonRpcResponse[items.Length];
        for (var i = 0; i < answers.Length; i++)
        {
            var answer = items[i].Answer ?? throw new RpcUnavailableException(requests[i].Method, "The node left a call of the batch unanswered.");
            answers[i] = answer.HasError
                ? new JsonRpcResponse(default, RpcResult.ToException(requests[i].Method, answer.Error))
                : new JsonRpcResponse(RpcResult.ToElement(answer.Result), null);
        }
        return answers;
    }

    /// <summary>Runs one exchange as <paramref name="call"/> and gives its failure as P402's exception, out of Nethereum's wrapper.</summary>
    private static async Task<T> SendAsync<T>(RpcCall call, Func<Task<T>> send)
    {
        using var scope = call.Enter();
        try
        {
            return await send();
        }
        catch (RpcClientUnknownException exception) when (exception.InnerException is RpcUnavailableException or JsonRpcException)
        {
            ExceptionDispatchInfo.Throw(exception.InnerException);
            throw;
        }
        catch (RpcClientUnknownException exception)
        {
            throw new RpcUnavailableException(call.Method, "The node's answer could not be read.", exception.InnerException ?? exception);
        }
        catch (RpcClientTimeoutException exception)
        {
            // The caller cancelled (NodeHttpHandler lets that through, and Nethereum calls every cancellation a timeout).
            call.CancellationToken.ThrowIfCancellationRequested();
            throw new RpcUnavailableException(call.Method, $"No answer within {call.Timeout.TotalSeconds:0.###} s.", exception, isTimeout: true);
        }
    }
}
