using System.Net;
using System.Text;

namespace P402.Core.Chain.RpcFailover;

/// <summary>
/// Sits under a network's JSON-RPC client and chooses, per call, the endpoint it goes to: the first
/// healthy one in configured order. A transport failure, a timeout of one attempt, HTTP 5xx, HTTP 429 or
/// a JSON-RPC rate-limit error cools that endpoint (backing off, doubling per failure, or as long as
/// Retry-After says) and the same request body goes to the next, up to <see cref="RpcFailoverOptions.MaxAttempts"/>
/// in all. Sending the same bytes again is safe for every call P402 makes, <c>eth_sendRawTransaction</c>
/// included: it carries the one signed transaction (same nonce, same hash), never a new signature.
/// </summary>
internal sealed class RpcFailoverHandler(IReadOnlyList<RpcEndpoint> endpoints, RpcFailoverOptions options, TimeProvider time) : DelegatingHandler
{
    public IReadOnlyList<RpcEndpoint> Endpoints => endpoints;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var contentType = request.Content?.Headers.ContentType;
        for (var attempt = 1; ; attempt++)
        {
            var endpoint = Choose();
            using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptTimeout.CancelAfter(options.AttemptTimeout);
            using var forwarded = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
            forwarded.Content.Headers.ContentType = contentType;
            string failure;
            TimeSpan? retryAfter = null;
            try
            {
                var response = await base.SendAsync(forwarded, attemptTimeout.Token);
                if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
                {
                    failure = $"HTTP {(int)response.StatusCode}";
                    retryAfter = response.Headers.RetryAfter?.Delta;
                    response.Dispose();
                }
                else
                {
                    var answer = await response.Content.ReadAsByteArrayAsync(attemptTimeout.Token);
                    if (!IsRateLimitError(answer))
                    {
                        endpoint.Succeeded();
                        var buffered = new HttpResponseMessage(response.StatusCode) { Content = new ByteArrayContent(answer), RequestMessage = request };
                        buffered.Content.Headers.ContentType = response.Content.Headers.ContentType;
                        response.Dispose();
                        return buffered;
                    }
                    failure = "JSON-RPC rate limit";
                    response.Dispose();
                }
            }
            catch (HttpRequestException e) when (attempt < options.MaxAttempts)
            {
                failure = e.Message;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && attempt < options.MaxAttempts)
            {
                failure = $"no answer within {options.AttemptTimeout.TotalSeconds:0.###} s";
            }
            var backoff = endpoint.Failed(failure, retryAfter, time);
            if (attempt >= options.MaxAttempts)
            {
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request, ReasonPhrase = failure };
            }
            if (!endpoints.Any(e => !e.IsCooling(time)))
            {
                // Every endpoint backs off: wait for the first to be ready again (bounded by the call's own timeout).
                await Task.Delay(Min(backoff, options.MaxBackoff), time, cancellationToken);
            }
        }
    }

    private RpcEndpoint Choose() =>
        endpoints.FirstOrDefault(e => !e.IsCooling(time)) ?? endpoints.MinBy(e => e.CoolUntil)!;

    /// <summary>A provider's "slow down" in a JSON-RPC error (HTTP 200): code -32005, or a message that says limit.</summary>
    private static bool IsRateLimitError(byte[] answer)
    {
        if (answer.Length > 4_096)
        {
            return false; // a result, not a short error object
        }
        var text = Encoding.UTF8.GetString(answer);
        return text.Contains("\"error\"", StringComparison.Ordinal)
            && (text.Contains("-32005", StringComparison.Ordinal)
                || text.Contains("rate limit", StringComparison.OrdinalIgnoreCase)
                || text.Contains("too many requests", StringComparison.OrdinalIgnoreCase));
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
