namespace P402.Core.Chain.Rpc;

/// <summary>One call of a batch. Parameters are written as <see cref="JsonRpcClient"/> documents.</summary>
public sealed record JsonRpcRequest(string Method, IReadOnlyList<object?>? Params = null);
