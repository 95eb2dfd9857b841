using System.Numerics;
using P402.Core.Chain.Rpc;

namespace P402.Core.Chain;

/// <summary>
/// The latest base fee and the node's priority fee, fetched at most once per period (about a block) however many settlements ask;
/// concurrent askers share one fetch. A settlement's max fee is twice the base fee plus the tip, which covers the base fee's rise of
/// at most 12.5 % a block for several blocks, so a quote one block old prices the transaction as well as a fresh one.
/// </summary>
internal sealed class FeeQuoteCache(IEthereumRpc rpc, TimeProvider time, TimeSpan period)
{
    private readonly Lock _gate = new();
    private Task<(BigInteger BaseFee, BigInteger Tip)>? _current;
    private long _fetchedAt;
    private bool _currentIsRefresh;

    public Task<(BigInteger BaseFee, BigInteger Tip)> GetAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var fresh = _current is not null && time.GetElapsedTime(_fetchedAt) < period && !_current.IsFaulted && !_current.IsCanceled;
            if (!fresh)
            {
                _fetchedAt = time.GetTimestamp();
                _current = FetchAsync();
                _currentIsRefresh = false;
            }
            return _current!.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// A quote from the block the next transaction meets (the pending block's base fee; the latest one's where the node gives the
    /// pending block none), for a send the node refused as priced below the base fee. It becomes the shared quote, so the
    /// settlements after it are priced alike; the refusals of one period share one refresh.
    /// </summary>
    public Task<(BigInteger BaseFee, BigInteger Tip)> RefreshAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var fresh = _currentIsRefresh && time.GetElapsedTime(_fetchedAt) < period && !_current!.IsFaulted && !_current.IsCanceled;
            if (!fresh)
            {
                _fetchedAt = time.GetTimestamp();
                _current = FetchNextAsync();
                _currentIsRefresh = true;
            }
            return _current!.WaitAsync(cancellationToken);
        }
    }

    private async Task<(BigInteger BaseFee, BigInteger Tip)> FetchAsync()
    {
        var baseFee = rpc.GetLatestBaseFeeAsync(CancellationToken.None);
        var tip = rpc.MaxPriorityFeePerGasAsync(CancellationToken.None);
        await Task.WhenAll(baseFee, tip);
        return (await baseFee, await tip);
    }

    private async Task<(BigInteger BaseFee, BigInteger Tip)> FetchNextAsync()
    {
        var tip = rpc.MaxPriorityFeePerGasAsync(CancellationToken.None);
        BigInteger? pending;
        try
        {
            pending = await rpc.GetBaseFeeAsync(BlockTag.Pending, CancellationToken.None);
        }
        catch (JsonRpcException)
        {
            pending = null; // a node that refuses the pending block: the latest one's base fee
        }
        var baseFee = pending is { } next && next > 0 ? next : await rpc.GetLatestBaseFeeAsync(CancellationToken.None);
        return (baseFee, await tip);
    }
}
