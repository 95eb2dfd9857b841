using System.Net;

namespace P402.Core.Chain.Rpc;

/// <summary>
/// The node could not be asked or did not answer usefully: connection refused, timeout, HTTP 5xx or
/// 429, a body that isn't JSON-RPC. Transient from the caller's view (P402 code RPC_UNAVAILABLE).
/// </summary>
public sealed class RpcUnavailableException : Exception
{
    public RpcUnavailableException(string method, string message, Exception? innerException = null,
        HttpStatusCode? statusCode = null, bool isTimeout = false)
        : base($"{method}: {message}", innerException)
    {
        Method = method;
        StatusCode = statusCode;
        IsTimeout = isTimeout;
    }

    public string Method { get; }

    /// <summary>The HTTP status when the node answered with a non-JSON-RPC error status.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The per-call timeout elapsed before the answer came.</summary>
    public bool IsTimeout { get; }
}
