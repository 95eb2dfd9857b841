using System.Net;

namespace P402.Core.Chain.Rpc;

/// <summary>Whether a failed JSON-RPC batch is worth sending again call by call.</summary>
internal static class BatchRefusal
{
    /// <summary>
    /// The node answered, but not to a batch (a provider that refuses batches, or answers them with something else than
    /// an array). A node that is down (timeout, transport, 5xx, 429) is not a refusal.
    /// </summary>
    public static bool Is(Exception e) => e switch
    {
        JsonRpcException => true,
        RpcUnavailableException { IsTimeout: true } => false,
        RpcUnavailableException { InnerException: HttpRequestException } => false,
        RpcUnavailableException { StatusCode: { } status } => (int)status is >= 400 and < 500 && status != HttpStatusCode.TooManyRequests,
        RpcUnavailableException => true,
        _ => false,
    };
}
