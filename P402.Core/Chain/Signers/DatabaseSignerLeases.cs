using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using P402.Core.Chain.Ethereum;
using P402.Core.Data;

namespace P402.Core.Chain.Signers;

/// <summary>
/// Signer keys leased through the database (<see cref="SignerLeases"/>), for several instances on one PostgreSQL
/// database: an instance signs with a key only while it holds the key's lease, and reads the key's nonce afresh from
/// the node's pending count each time it takes the lease anew.
/// <para>
/// Why a lease and not nonces allocated in the database: a nonce is only good if its transaction reaches the node.
/// With nonces handed out by the database, an instance that dies (or whose broadcast fails) between taking a nonce and
/// broadcasting leaves a gap that stalls every later transaction of the key, on every instance, until someone fills
/// it; re-broadcasts and fee replacements of a nonce would also need one owner. Under a lease, one instance owns the
/// key's whole sequence: the in-memory sequence (returned nonces handed out first, a resync on "nonce too low") stays
/// correct, taking a nonce costs no round trip, and a new holder starts from the chain after re-broadcasting what its
/// predecessor stored and never sent. The price: one key serves one instance at a time (instances take turns; give
/// the network several keys for several instances signing at once).
/// </para>
/// </summary>
internal sealed class DatabaseSignerLeases(SignerLeases store, IOptions<ChainOptions> options, TimeProvider time, ILogger<DatabaseSignerLeases> logger)
    : ISignerLeases
{
    private static readonly TimeSpan TryWait = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, KeyLease> _keys = new(StringComparer.Ordinal);

    public IReadOnlyList<SignerLeaseState> States => [.. _keys.Values.Select(k => k.State).OrderBy(s => s.Key, StringComparer.Ordinal)];

    public ValueTask<bool> MayUseAsync(string network, EthAddress signer, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Lease(network, signer).MayUse);

    public async ValueTask<SignerLeaseUse> EnterAsync(string network, EthAddress signer, CancellationToken cancellationToken) =>
        await Lease(network, signer).EnterAsync(TimeSpan.FromSeconds(options.Value.SignerLeaseSeconds + 5), cancellationToken);

    public async ValueTask<SignerLeaseUse?> TryEnterAsync(string network, EthAddress signer, CancellationToken cancellationToken)
    {
        try
        {
            return await Lease(network, signer).EnterAsync(TryWait, cancellationToken);
        }
        catch (SignerLeaseUnavailableException)
        {
            return null;
        }
    }

    private KeyLease Lease(string network, EthAddress signer) =>
        _keys.GetOrAdd($"{network}:{signer.ToLowerHex()}", key => new KeyLease(key, store, TimeSpan.FromSeconds(options.Value.SignerLeaseSeconds), time, logger));
}
