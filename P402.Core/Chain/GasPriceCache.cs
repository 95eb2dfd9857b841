using P402.Core.Chain.Rpc;

namespace P402.Core.Chain;

/// <summary>
/// The network gas price, fetched at most once per period (about a block) however many verifies
/// ask; concurrent askers share one request.
/// </summary>
internal sealed class GasPriceCache(IEthereumRpc rpc, TimeProvider time, TimeSpan period)
{
    private readonly Lock _gate = new();
    private Task<long>? _current;
    private long _fetchedAt;

    public Task<long> GetAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var fresh = _current is not null && time.GetElapsedTime(_fetchedAt) < period && !_current.IsFaulted;
            if (!fresh)
            {
                _fetchedAt = time.GetTimestamp();
                _current = FetchAsync();
            }
            return _current!.WaitAsync(cancellationToken);
        }
    }

    private async Task<long> FetchAsync() => PaymentNetwork.ToLong(await rpc.GasPriceAsync(CancellationToken.None));
}
