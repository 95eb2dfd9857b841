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

    public Task<(BigInteger BaseFee, BigInteger Tip)> GetAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var fresh = _current is not null && time.GetElapsedTime(_fetchedAt) < period && !_current.IsFaulted && !_current.IsCanceled;
            if (!fresh)
            {
                _fetchedAt = time.GetTimestamp();
                _current = FetchAsync();
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
}
