namespace P402.Core.Chain.RpcFailover;

/// <summary>How hard a network's calls try: attempts per call, each attempt's timeout, the longest back-off between them.</summary>
internal sealed record RpcFailoverOptions(int MaxAttempts, TimeSpan AttemptTimeout, TimeSpan MaxBackoff);
