using Microsoft.EntityFrameworkCore;

namespace P402.Core.Payments;

/// <summary>The settlement rows as the watcher moves them along the chain: mined, deep enough, reorged out.</summary>
public sealed partial class SettlementStore
{
    /// <summary>
    /// The blocks (number and hash) that hold the network's settlements confirmed at or after <paramref name="fromBlock"/>: one row per
    /// block however many settlements it holds, for the watcher to check that each is still the chain's.
    /// </summary>
    public async Task<IReadOnlyList<(long Number, string Hash)>> ListConfirmedBlocksAsync(string network, long fromBlock, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var blocks = await db.Settlements.AsNoTracking()
            .Where(s => s.Network == network && s.Status == SettlementStatus.Confirmed && s.BlockNumber >= fromBlock && s.BlockHash != null)
            .Select(s => new { Number = s.BlockNumber!.Value, Hash = s.BlockHash! })
            .Distinct()
            .ToListAsync(cancellationToken);
        return [.. blocks.Select(b => (b.Number, b.Hash))];
    }

    /// <summary>The network's settlements confirmed in the block <paramref name="blockHash"/> (found reorged out).</summary>
    public async Task<IReadOnlyList<Settlement>> ListConfirmedInBlockAsync(string network, long blockNumber, string blockHash, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Settlements.AsNoTracking()
            .Where(s => s.Network == network && s.Status == SettlementStatus.Confirmed && s.BlockNumber == blockNumber && s.BlockHash == blockHash)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Recorded mined earlier (<see cref="MarkMinedAsync"/>), its block now at the network's depth and still the chain's: Confirmed. The
    /// signed transaction is kept while the block is within the reorg window (<see cref="ForgetSignedTransactionsAsync"/>).
    /// </summary>
    public Task MarkDeepEnoughAsync(Settlement settlement, CancellationToken cancellationToken) =>
        UpdateAsync(settlement, Confirm, cancellationToken);

    /// <summary>Drops the signed transactions of settlements confirmed before <paramref name="beforeBlock"/>: past the reorg window, never sent again.</summary>
    public async Task<int> ForgetSignedTransactionsAsync(string network, long beforeBlock, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Settlements
            .Where(s => s.Network == network && s.Status == SettlementStatus.Confirmed && s.BlockNumber < beforeBlock && s.RawTransaction != null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RawTransaction, (string?)null), cancellationToken);
    }
}
