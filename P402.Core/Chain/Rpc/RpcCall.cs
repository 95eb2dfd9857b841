namespace P402.Core.Chain.Rpc;

/// <summary>
/// What one <see cref="JsonRpcClient"/> call asks of the HTTP exchange beneath Nethereum's client: its
/// own timeout and the caller's cancellation (Nethereum 6.1's <c>RpcClient</c> takes neither; it cancels
/// after the process-wide <c>ClientBase.ConnectionTimeout</c>), and whether the body is a batch. It flows
/// to <see cref="NodeHttpHandler"/> with the call's execution context.
/// </summary>
internal sealed record RpcCall(string Method, TimeSpan Timeout, bool IsBatch, CancellationToken CancellationToken)
{
    private static readonly AsyncLocal<RpcCall?> CurrentCall = new();

    public static RpcCall? Current => CurrentCall.Value;

    /// <summary>Makes this the current call for the code that runs until the returned scope is disposed.</summary>
    public Scope Enter()
    {
        var outer = CurrentCall.Value;
        CurrentCall.Value = this;
        return new Scope(outer);
    }

    internal readonly struct Scope(RpcCall? outer) : IDisposable
    {
        public void Dispose() => CurrentCall.Value = outer;
    }
}
