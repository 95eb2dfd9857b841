using System.Numerics;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;

namespace P402.Core.Chain.Signers;

/// <summary>
/// A network's facilitator keys, used concurrently: each settlement takes the eligible key with the
/// fewest settlements being submitted (round robin between equals). A key whose ETH balance is below
/// the low-balance threshold is skipped, and so is one <see cref="ISignerLeases"/> says another instance
/// holds (unless all are); when every leased key is low, the richest is used (the node then decides).
/// A key is signed with only inside <see cref="EnterAsync"/>: under its lease, in the lease's epoch.
/// </summary>
internal sealed class SignerPool
{
    private readonly string _network;
    private readonly IEthereumRpc _rpc;
    private readonly ISignerLeases _leases;
    private readonly BigInteger _lowBalanceWei;
    private readonly TimeProvider _time;
    private readonly TimeSpan _balanceTtl;
    private readonly Lock _gate = new();
    private Task? _refresh;
    private long _refreshedAt;
    private long _turn;

    public SignerPool(string network, IReadOnlyList<EthKey> keys, IEthereumRpc rpc, ISignerLeases leases, BigInteger lowBalanceWei, TimeProvider time,
        TimeSpan balanceTtl)
    {
        _network = network;
        _rpc = rpc;
        _leases = leases;
        _lowBalanceWei = lowBalanceWei;
        _time = time;
        _balanceTtl = balanceTtl;
        Accounts = [.. keys.Select(k => new SignerAccount(k, rpc))];
    }

    public IReadOnlyList<SignerAccount> Accounts { get; }

    public SignerAccount? Find(EthAddress address) => Accounts.FirstOrDefault(a => a.Address == address);

    public bool IsLow(SignerAccount account) => account.BalanceWei is { } wei && wei < _lowBalanceWei;

    public async Task<SignerAccount> ChooseAsync(CancellationToken cancellationToken)
    {
        await RefreshBalancesAsync(force: false, cancellationToken);
        var leased = new List<SignerAccount>(Accounts.Count);
        foreach (var account in Accounts)
        {
            if (await _leases.MayUseAsync(_network, account.Address, cancellationToken))
            {
                leased.Add(account);
            }
        }
        if (leased.Count == 0)
        {
            leased.AddRange(Accounts); // every key is held elsewhere: take the least busy and wait for its lease (EnterAsync)
        }
        var funded = leased.Where(a => !IsLow(a)).ToList();
        if (funded.Count == 0)
        {
            return leased.MaxBy(a => a.BalanceWei ?? BigInteger.Zero)!;
        }
        var turn = Interlocked.Increment(ref _turn);
        var fewest = funded.Min(a => a.Submitting);
        var least = funded.Where(a => a.Submitting == fewest).ToList();
        return least[(int)(turn % least.Count)];
    }

    /// <summary>
    /// The key's lease for one send (waits for it, bounded); a new epoch first runs <paramref name="takeover"/> (when taken
    /// from an expired holder) and restarts the key's nonces from the node.
    /// </summary>
    public async Task<SignerLeaseUse> EnterAsync(SignerAccount account, Func<CancellationToken, Task> takeover, CancellationToken cancellationToken)
    {
        var use = await _leases.EnterAsync(_network, account.Address, cancellationToken);
        return await AdoptAsync(account, use, takeover, cancellationToken);
    }

    /// <summary>
    /// The lease of <paramref name="signer"/> if this instance holds it or can take it at once (the watcher's re-broadcasts);
    /// null while another instance holds it. A key this instance has is also brought into the lease's epoch.
    /// </summary>
    public async Task<SignerLeaseUse?> TryEnterAsync(EthAddress signer, Func<CancellationToken, Task> takeover, CancellationToken cancellationToken)
    {
        if (await _leases.TryEnterAsync(_network, signer, cancellationToken) is not { } use)
        {
            return null;
        }
        return Find(signer) is { } account ? await AdoptAsync(account, use, takeover, cancellationToken) : use;
    }

    private static async Task<SignerLeaseUse> AdoptAsync(SignerAccount account, SignerLeaseUse use, Func<CancellationToken, Task> takeover, CancellationToken cancellationToken)
    {
        try
        {
            await account.AdoptAsync(use, takeover, cancellationToken);
            return use;
        }
        catch
        {
            use.Dispose();
            throw;
        }
    }

    /// <summary>Every key's balance, asked of the node at most once per TTL (concurrent askers share the request).</summary>
    public Task RefreshBalancesAsync(bool force, CancellationToken cancellationToken)
    {
        Task current;
        lock (_gate)
        {
            var stale = _refresh is null || _refresh.IsFaulted || _time.GetElapsedTime(_refreshedAt) >= _balanceTtl;
            if ((force || stale) && _refresh is not { IsCompleted: false })
            {
                _refreshedAt = _time.GetTimestamp();
                _refresh = FetchBalancesAsync();
            }
            current = _refresh!;
        }
        // Known balances are good enough while a newer read is under way; the first read is awaited.
        return !force && Accounts.All(a => a.BalanceWei is not null) ? Task.CompletedTask : current.WaitAsync(cancellationToken);
    }

    private async Task FetchBalancesAsync()
    {
        await Task.Yield(); // started under the lock: the requests go out after it is released
        var balances = await Task.WhenAll(Accounts.Select(a => _rpc.GetBalanceAsync(a.Address, CancellationToken.None)));
        for (var i = 0; i < balances.Length; i++)
        {
            Accounts[i].SetBalance(balances[i]);
        }
    }
}
