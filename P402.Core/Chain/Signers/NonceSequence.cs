using System.Diagnostics.CodeAnalysis;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;

namespace P402.Core.Chain.Signers;

/// <summary>
/// One signer key's transaction nonces on one network. It starts from the node's pending count (so a
/// restart continues where the chain is, pool included). A nonce is taken under a short lock and the
/// lock is not held while the transaction is signed, stored and broadcast: many settlements of one key
/// are in flight at once. A nonce whose transaction the node refused comes back and is handed out first,
/// so a refusal leaves no gap that would stall the key's later transactions.
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "A SemaphoreSlim whose wait handle is never used holds nothing to release; the sequence lives as long as the app.")]
internal sealed class NonceSequence(IEthereumRpc rpc, EthAddress account)
{
    private readonly SemaphoreSlim _sync = new(1, 1);
    private readonly Lock _gate = new();
    private readonly SortedSet<long> _returned = [];
    private long? _next;

    public async Task<long> TakeAsync(CancellationToken cancellationToken)
    {
        if (_next is null)
        {
            await ResyncAsync(cancellationToken);
        }
        lock (_gate)
        {
            if (_returned.Count > 0)
            {
                var reused = _returned.Min;
                _returned.Remove(reused);
                return reused;
            }
            var nonce = _next!.Value;
            _next = nonce + 1;
            return nonce;
        }
    }

    /// <summary>The node refused the transaction with this nonce: nothing holds it, the next settlement takes it.</summary>
    public void Return(long nonce)
    {
        lock (_gate)
        {
            if (_next == nonce + 1)
            {
                _next = nonce;
            }
            else if (nonce < _next)
            {
                _returned.Add(nonce);
            }
        }
    }

    /// <summary>
    /// Takes <paramref name="nonce"/> out of the returned ones (a gap filler is about to use it), so that no
    /// settlement is signed with it; a settlement that took it already finds it too low and signs again.
    /// </summary>
    public void Claim(long nonce)
    {
        lock (_gate)
        {
            _returned.Remove(nonce);
        }
    }

    /// <summary>
    /// The node's view moved past ours (it called a nonce too low: another sender used the key, or a restart
    /// raced the pool): continue from its pending count, and forget returned nonces below it.
    /// </summary>
    public Task ResyncAsync(CancellationToken cancellationToken) => ReadPendingAsync(restart: false, cancellationToken);

    /// <summary>
    /// The key's lease came (back) to this instance after another may have used the key: what this instance knew is
    /// stale either way, so the sequence starts again from the node's pending count, returned nonces forgotten.
    /// </summary>
    public Task RestartAsync(CancellationToken cancellationToken) => ReadPendingAsync(restart: true, cancellationToken);

    private async Task ReadPendingAsync(bool restart, CancellationToken cancellationToken)
    {
        await _sync.WaitAsync(cancellationToken);
        try
        {
            var pending = await rpc.GetTransactionCountAsync(account, BlockTag.Pending, cancellationToken);
            lock (_gate)
            {
                _next = restart ? pending : Math.Max(_next ?? 0, pending);
                _returned.RemoveWhere(n => restart || n < pending);
            }
        }
        finally
        {
            _sync.Release();
        }
    }
}
