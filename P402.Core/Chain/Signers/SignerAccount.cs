using System.Numerics;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;

namespace P402.Core.Chain.Signers;

/// <summary>One facilitator key on one network: its nonce sequence, its last known ETH balance and its last error.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "A SemaphoreSlim whose wait handle is never used holds nothing to release; the account lives as long as the app.")]
internal sealed class SignerAccount(EthKey key, IEthereumRpc rpc)
{
    private readonly SemaphoreSlim _epochGate = new(1, 1);
    private long _epoch = -1;
    private long _inFlight;
    private BigInteger? _balanceWei;

    public EthKey Key { get; } = key;

    public EthAddress Address => Key.Address;

    public NonceSequence Nonces { get; } = new(rpc, key.Address);

    /// <summary>Settlements this process is signing or broadcasting with the key right now.</summary>
    public long Submitting => Interlocked.Read(ref _inFlight);

    /// <summary>The balance at the last refresh; null before the first.</summary>
    public BigInteger? BalanceWei => _balanceWei;

    public string? LastError { get; private set; }

    public void SetBalance(BigInteger wei) => _balanceWei = wei;

    /// <summary>
    /// Adopts the lease epoch of <paramref name="use"/>: the first use of a new epoch (the others wait for it) runs
    /// <paramref name="takeover"/> (what previous holders stored and the node lacks goes out), then restarts the nonce sequence from the node.
    /// </summary>
    public async Task AdoptAsync(SignerLeaseUse use, Func<CancellationToken, Task> takeover, CancellationToken cancellationToken)
    {
        if (Interlocked.Read(ref _epoch) == use.Epoch)
        {
            return;
        }
        await _epochGate.WaitAsync(cancellationToken);
        try
        {
            if (_epoch == use.Epoch)
            {
                return;
            }
            await takeover(cancellationToken);
            await Nonces.RestartAsync(cancellationToken);
            Interlocked.Exchange(ref _epoch, use.Epoch);
        }
        finally
        {
            _epochGate.Release();
        }
    }

    public void Began() => Interlocked.Increment(ref _inFlight);

    public void Ended() => Interlocked.Decrement(ref _inFlight);

    /// <summary>The node's refusal of this key's last transaction (a node message: no key material), or null once one succeeds.</summary>
    public void Outcome(string? error) => LastError = error;
}
