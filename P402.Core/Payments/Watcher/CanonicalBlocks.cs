using P402.Core.Chain.Rpc;

namespace P402.Core.Payments.Watcher;

/// <summary>
/// The hashes of the network's recent blocks as its current chain has them, learnt mostly for free: each head gives its own hash and
/// its parent's. A new head that does not extend what is known (its parent, or the highest known block asked again after a gap, differs)
/// means a reorg, and everything known is forgotten and asked again. Because each hash commits to its parent, the highest known block
/// being the chain's vouches for every lower one.
/// </summary>
internal sealed class CanonicalBlocks(ReadBatch<BlockHeader> blocks, int window)
{
    private readonly SortedDictionary<long, string> _hashes = [];

    /// <summary>Takes the node's latest block; true when it does not extend the chain known so far (a reorg).</summary>
    public async Task<bool> FollowAsync(BlockHeader head, CancellationToken cancellationToken)
    {
        var reorged = await ReorgedAsync(head, cancellationToken);
        if (reorged)
        {
            _hashes.Clear();
        }
        _hashes[head.Number] = head.Hash;
        if (head.Number > 0)
        {
            _hashes[head.Number - 1] = head.ParentHash;
        }
        foreach (var old in _hashes.Keys.TakeWhile(n => n < head.Number - window).ToList())
        {
            _hashes.Remove(old);
        }
        return reorged;
    }

    /// <summary>The chain's hash of each block number (at most the head's), asked of the node in one batch for those not known; null if it has none.</summary>
    public async Task<IReadOnlyDictionary<long, string?>> HashesAsync(IEnumerable<long> numbers, CancellationToken cancellationToken)
    {
        var wanted = numbers.Distinct().ToList();
        var missing = wanted.Where(n => !_hashes.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            var headers = await blocks.GetAsync([.. missing.Select(HexQuantity.Format)], cancellationToken);
            for (var i = 0; i < missing.Count; i++)
            {
                if (headers[i] is { } header)
                {
                    _hashes[header.Number] = header.Hash;
                }
            }
        }
        return wanted.ToDictionary(n => n, n => _hashes.GetValueOrDefault(n));
    }

    /// <summary>Whether a known hash of block <paramref name="number"/> differs from <paramref name="hash"/> (a receipt read off another chain).</summary>
    public bool Contradicts(long number, string hash) =>
        _hashes.TryGetValue(number, out var known) && !string.Equals(known, hash, StringComparison.OrdinalIgnoreCase);

    private async Task<bool> ReorgedAsync(BlockHeader head, CancellationToken cancellationToken)
    {
        if (_hashes.Count == 0)
        {
            return false;
        }
        if (_hashes.Keys.Last() > head.Number)
        {
            return true; // the chain is shorter than the one known: what was above its head is gone
        }
        if (_hashes.TryGetValue(head.Number, out var known))
        {
            return !string.Equals(known, head.Hash, StringComparison.OrdinalIgnoreCase);
        }
        if (_hashes.TryGetValue(head.Number - 1, out var parent))
        {
            return !string.Equals(parent, head.ParentHash, StringComparison.OrdinalIgnoreCase);
        }
        // Blocks came since the last head seen: is the highest block known still the chain's?
        var highest = _hashes.Keys.Last();
        var now = (await blocks.GetAsync([HexQuantity.Format(highest)], cancellationToken))[0];
        return now is null || !string.Equals(now.Hash, _hashes[highest], StringComparison.OrdinalIgnoreCase);
    }
}
