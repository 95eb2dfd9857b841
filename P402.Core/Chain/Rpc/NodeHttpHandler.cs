using System.Net;

namespace P402.Core.Chain.Rpc;

/// <summary>
/// The HTTP exchange beneath Nethereum's <c>RpcClient</c>, with P402's rules. Each request goes on
/// through the <see cref="HttpClient"/> P402 was given (pooled sockets, endpoint failover), so the one
/// Nethereum owns (and sets <c>BaseAddress</c> on) is per <see cref="JsonRpcClient"/> and harmless.
/// The call's own timeout and cancellation token come from <see cref="RpcCall.Current"/>, not from the
/// process-wide static Nethereum passes down. A failure leaves here as P402's exception, which
/// <see cref="JsonRpcClient"/> takes out of Nethereum's wrapper: transport, timeout, 5xx and 429, and a
/// 4xx or a 2xx whose body is not a JSON-RPC answer, are <see cref="RpcUnavailableException"/>; a 4xx
/// carrying a JSON-RPC error goes up as the answer it is (Nethereum would throw on the status first).
/// </summary>
internal sealed class NodeHttpHandler(HttpClient http) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = RpcCall.Current ?? new RpcCall("rpc", JsonRpcClient.DefaultTimeout, IsBatch: false, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(call.CancellationToken);
        timeout.CancelAfter(call.Timeout);
        try
        {
            using var forwarded = new HttpRequestMessage(request.Method, request.RequestUri) { Content = request.Content };
            foreach (var header in request.Headers)
            {
                forwarded.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            using var response = await http.SendAsync(forwarded, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = response.StatusCode;
            if ((int)status >= 500 || status == HttpStatusCode.TooManyRequests)
            {
                throw NodeAnswer.StatusFailure(call, status);
            }
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            NodeAnswer.Check(call, body, status);
            var answer = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body), RequestMessage = request };
            answer.Content.Headers.ContentType = response.Content.Headers.ContentType;
            await answer.Content.LoadIntoBufferAsync(timeout.Token);
            return answer;
        }
        catch (OperationCanceledException exception) when (!call.CancellationToken.IsCancellationRequested)
        {
            throw new RpcUnavailableException(call.Method, $"No answer within {call.Timeout.TotalSeconds:0.###} s.", exception, isTimeout: true);
        }
        catch (HttpRequestException exception)
        {
            throw new RpcUnavailableException(call.Method, "The node cannot be reached.", exception, exception.StatusCode);
        }
    }
}
