using System.Diagnostics.CodeAnalysis;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;

namespace P402.Core.Chain;

/// <summary>
/// Hands out the facilitator's transaction nonces one at a time. It starts from the node's pending
/// count (so a restart continues where the chain is, including transactions still in the pool) and
/// resynchronises after a broadcast the node refused.
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "A SemaphoreSlim whose wait handle is never used holds nothing to release; the manager lives as long as the app.")]
internal sealed class NonceManager(IEthereumRpc rpc, EthAddress account)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long? _next;

    /// <summary>
    /// Runs <paramref name="useNonce"/> with the next nonce while holding it, so that transactions
    /// are signed and broadcast in nonce order; a failure resynchronises from the node.
    /// </summary>
    public async Task<T> WithNextNonceAsync<T>(Func<long, Task<T>> useNonce, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _next ??= await rpc.GetTransactionCountAsync(account, BlockTag.Pending, cancellationToken);
            var nonce = _next.Value;
            try
            {
                var result = await useNonce(nonce);
                _next = nonce + 1;
                return result;
            }
            catch
            {
                _next = null;
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
