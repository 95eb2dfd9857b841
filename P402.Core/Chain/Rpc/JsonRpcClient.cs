using System.Text.Json;

namespace P402.Core.Chain.Rpc;

/// <summary>
/// A JSON-RPC 2.0 client over <see cref="HttpClient"/>: single calls and batches, a timeout per call,
/// and two kinds of failure: <see cref="JsonRpcException"/> (the node answered with an error) and
/// <see cref="RpcUnavailableException"/> (no usable answer: transport, timeout, 5xx, garbage).
/// Thread-safe; share one instance per endpoint.
/// </summary>
public sealed partial class JsonRpcClient
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient _http;
    private long _lastId;

    public JsonRpcClient(HttpClient httpClient, Uri endpoint, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(endpoint);
        _http = httpClient;
        Endpoint = endpoint;
        Timeout = timeout ?? DefaultTimeout;
    }

    public Uri Endpoint { get; }

    /// <summary>The timeout of a call that names none.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Calls <paramref name="method"/> and hands its result to <paramref name="readResult"/> while the response is in memory.</summary>
    public async Task<T> CallAsync<T>(string method, IReadOnlyList<object?>? parameters, Func<JsonElement, T> readResult,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readResult);
        var id = Interlocked.Increment(ref _lastId);
        var body = JsonRpcWriter.WriteRequest(id, method, parameters);
        using var document = await PostAsync(method, body, timeout, cancellationToken);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new RpcUnavailableException(method, "The node's answer is not a JSON-RPC response object.");
        }
        if (TryGetError(method, root, out var error))
        {
            throw error;
        }
        if (!root.TryGetProperty("result"u8, out var result))
        {
            throw new RpcUnavailableException(method, "The node's answer has neither result nor error.");
        }
        try
        {
            return readResult(result);
        }
        catch (Exception exception) when (exception is FormatException or InvalidOperationException or KeyNotFoundException)
        {
            throw new RpcUnavailableException(method, "The node's result is malformed.", exception);
        }
    }

    /// <summary>Calls <paramref name="method"/> and returns its result as a detached element.</summary>
    public Task<JsonElement> CallAsync(string method, IReadOnlyList<object?>? parameters = null,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        CallAsync(method, parameters, static result => result.Clone(), timeout, cancellationToken);

    /// <summary>
    /// Sends the requests as one batch; answers come back in the order of <paramref name="requests"/>,
    /// each a result or that call's own error. A failure of the whole batch throws.
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
        var body = JsonRpcWriter.WriteBatch(firstId, requests);
        const string method = "batch";
        using var document = await PostAsync(method, body, timeout, cancellationToken);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && TryGetError(method, root, out var batchError))
        {
            throw batchError;
        }
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new RpcUnavailableException(method, "The node's answer to a batch is not an array.");
        }
        var responses = new JsonRpcResponse?[requests.Count];
        foreach (var item in root.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("id"u8, out var idElement)
                || !idElement.TryGetInt64(out var id) || id < firstId || id >= firstId + requests.Count)
            {
                throw new RpcUnavailableException(method, "A batch answer carries no id of this batch.");
            }
            var index = (int)(id - firstId);
            responses[index] = TryGetError(requests[index].Method, item, out var error)
                ? new JsonRpcResponse(default, error)
                : item.TryGetProperty("result"u8, out var result)
                    ? new JsonRpcResponse(result.Clone(), null)
                    : throw new RpcUnavailableException(requests[index].Method, "A batch answer has neither result nor error.");
        }
        var answered = new JsonRpcResponse[requests.Count];
        for (var i = 0; i < answered.Length; i++)
        {
            answered[i] = responses[i]
                ?? throw new RpcUnavailableException(requests[i].Method, "The node left a call of the batch unanswered.");
        }
        return answered;
    }
}
